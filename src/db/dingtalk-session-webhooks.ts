import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { SessionWebhookStore } from '../../bots/dingtalk/session-webhooks.ts';

/**
 * DingTalk session webhooks in `dingtalk_session_webhooks` (migrations/20261205031000): written when a
 * robot message arrives, read when a reply's sender has none in memory (a Worker invocation, a
 * restarted or another Node process). A session webhook lets anyone post into its chat until it
 * expires (about 90 minutes), so expired rows are deleted on every write and refused ones at once.
 */
export function databaseSessionWebhooks(db: Kysely<Database>, clock: Clock): SessionWebhookStore {
  const toSession = (row: { url: string; expires_at: Date; conversation_ref: string; sender_user_id: string; is_group: boolean }) => ({
    url: row.url,
    expiresAt: new Date(row.expires_at),
    conversationRef: row.conversation_ref,
    senderUserId: row.sender_user_id,
    group: row.is_group,
  });
  const columns = ['url', 'expires_at', 'conversation_ref', 'sender_user_id', 'is_group'] as const;
  return {
    async save(eventId, session) {
      await db.deleteFrom('dingtalk_session_webhooks').where('expires_at', '<=', clock.now()).execute();
      await db
        .insertInto('dingtalk_session_webhooks')
        .values({
          event_id: eventId,
          conversation_ref: session.conversationRef,
          url: session.url,
          expires_at: session.expiresAt,
          sender_user_id: session.senderUserId,
          is_group: session.group,
        })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
    },
    async find(conversationRef, replyToEventId, validAfter) {
      if (replyToEventId) {
        const own = await db
          .selectFrom('dingtalk_session_webhooks')
          .select(columns)
          .where('event_id', '=', replyToEventId)
          .where('conversation_ref', '=', conversationRef)
          .where('expires_at', '>', validAfter)
          .executeTakeFirst();
        if (own) return { session: toSession(own), isReply: true };
      }
      const latest = await db
        .selectFrom('dingtalk_session_webhooks')
        .select(columns)
        .where('conversation_ref', '=', conversationRef)
        .where('expires_at', '>', validAfter)
        .orderBy('expires_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return latest ? { session: toSession(latest), isReply: false } : undefined;
    },
    async forget(url) {
      await db.deleteFrom('dingtalk_session_webhooks').where('url', '=', url).execute();
    },
  };
}
