import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { LocalChatEntry, LocalDelivered, LocalMailbox } from '../../bots/local/api.ts';

/** How many messages a conversation read returns at most (the latest ones on a first read). */
const conversationPage = 200;

/** The local chat's mailbox in the database, so every process of a deployment sees the same inbox. */
export function createDatabaseMailbox(db: Kysely<Database>): LocalMailbox {
  return {
    async deliver(outboxId, targetRef, message) {
      // Both tables in one statement (atomic on its own, one round trip instead of begin, two inserts
      // and commit): a retried delivery finds both rows or neither.
      const stored = JSON.stringify(message);
      await db
        .with('delivered', (q) =>
          q
            .insertInto('local_deliveries')
            .values({ outbox_id: outboxId, target_ref: targetRef, text: message.text, message: stored })
            .onConflict((oc) => oc.column('outbox_id').doNothing()),
        )
        .insertInto('local_chat_messages')
        .values({ target_ref: targetRef, from: 'bot', outbox_id: outboxId, message: stored })
        .onConflict((oc) => oc.column('outbox_id').doNothing())
        .execute();
    },
    async list(targetRef, options = {}) {
      let query = db
        .selectFrom('local_deliveries')
        .select(['outbox_id', 'message', 'delivered_at'])
        .where('target_ref', '=', targetRef)
        .orderBy('outbox_id')
        .limit(options.limit ?? 500);
      if (options.afterId) query = query.where('outbox_id', '>', options.afterId);
      const rows = await query.execute();
      return rows.map(
        (r): LocalDelivered => ({
          ...(r.message as Omit<LocalDelivered, 'id' | 'at'>),
          id: String(r.outbox_id),
          at: new Date(r.delivered_at).toISOString(),
        }),
      );
    },
    async recordInbound(targetRef, inbound) {
      const message = {
        text: inbound.text ?? '',
        ...(inbound.location ? { location: inbound.location } : {}),
        ...(inbound.answers ? { answers: inbound.answers } : {}),
      };
      await db
        .insertInto('local_chat_messages')
        .values({
          target_ref: targetRef,
          from: 'user',
          sender_id: inbound.senderId,
          sender_name: inbound.senderName,
          event_id: inbound.eventId,
          message: JSON.stringify(message),
        })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
    },
    async conversation(targetRef, options = {}) {
      const limit = options.limit ?? conversationPage;
      const base = db
        .selectFrom('local_chat_messages')
        .select(['id', 'from', 'sender_id', 'sender_name', 'event_id', 'message', 'at'])
        .where('target_ref', '=', targetRef);
      const rows = options.afterId
        ? await base.where('id', '>', options.afterId).orderBy('id').limit(limit).execute()
        : (await base.orderBy('id', 'desc').limit(limit).execute()).reverse();
      return rows.map((r): LocalChatEntry => {
        const message = r.message as Omit<LocalChatEntry, 'id' | 'from' | 'sender' | 'at'>;
        return {
          ...message,
          id: String(r.id),
          from: r.from,
          ...(r.from === 'user' ? { sender: { id: r.sender_id ?? '', name: r.sender_name ?? r.sender_id ?? '' } } : {}),
          ...(r.event_id ? { eventId: r.event_id } : {}),
          at: new Date(r.at).toISOString(),
        };
      });
    },
  };
}
