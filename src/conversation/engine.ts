import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { frozenClock, type Clock } from '../core/shared/clock.ts';
import type { Logger } from '../logger.ts';
import { DomainError } from '../core/shared/domain-error.ts';
import { resolveIdentity, type OrgDefaults } from '../core/users/resolve-identity.ts';
import { catalogueFor, render } from './i18n/catalogue.ts';
import { dispatch } from './dispatch.ts';
import { enqueueMessages } from './outbox.ts';
import type { InboundEvent, OutboundMessage } from './types.ts';
import { storableEvent } from './storable-text.ts';
import type { ConversationSettings, Turn } from './turn.ts';

export interface EngineDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  defaults: OrgDefaults;
  settings: ConversationSettings;
  /** Called after replies were committed to the outbox, to wake the delivery loop. */
  onOutboxWritten?: () => void;
}

export interface HandleResult {
  /** The event was seen before: nothing changed, nothing was sent. */
  duplicate: boolean;
  replies: number;
}

/**
 * The conversation engine: one inbound event in, domain changes and replies out, in one transaction.
 * The (platform, event id) row is written in that transaction too, so a redelivered event either
 * finds it (and does nothing) or the first attempt left no trace and it is handled afresh.
 */
export function createConversationEngine(deps: EngineDeps) {
  async function handle(received: InboundEvent): Promise<HandleResult> {
    // The one boundary every platform's decoder feeds: text PostgreSQL cannot store is cleaned, ids refused.
    const event = storableEvent(received);
    let result: HandleResult;
    try {
      result = await deps.db.transaction().execute((trx) => runTurn(trx, event, undefined));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // A refusal: everything the turn wrote is rolled back; only the dedupe row and the answer stay.
      result = await deps.db.transaction().execute((trx) => runTurn(trx, event, error));
    }
    if (result.replies > 0) deps.onOutboxWritten?.();
    return result;
  }

  async function runTurn(trx: Transaction<Database>, event: InboundEvent, refusal: DomainError | undefined): Promise<HandleResult> {
    const fresh = await trx
      .insertInto('processed_events')
      .values({ platform: event.platform, event_id: event.eventId })
      .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (!fresh) return { duplicate: true, replies: 0 };

    // Also locks the person's row until commit: one turn per person at a time.
    const { org, user, registered } = await resolveIdentity(
      { db: trx, defaults: deps.defaults },
      {
        platform: event.platform,
        tenantId: event.tenantId,
        externalId: event.sender.externalId,
        displayName: event.sender.displayName,
        timeZone: event.sender.timeZone,
        language: event.sender.language,
        directRef: event.sender.directRef,
      },
    );
    const language = user.language;
    const replies: OutboundMessage[] = [];
    // One instant per turn: every use case the turn runs reads this frozen clock, so rows written by
    // one message (a visit closed by a check-in elsewhere, the new one opened) carry the same time.
    const now = deps.clock.now();
    const turn: Turn = {
      db: trx,
      clock: frozenClock(now),
      now,
      event,
      org,
      user,
      language,
      t: catalogueFor(language),
      settings: deps.settings,
      reply: (message) => replies.push(typeof message === 'string' ? { text: message } : message),
    };
    if (registered) turn.reply(turn.t.welcome({ name: user.display_name, admin: user.role === 'admin' }));

    if (refusal) {
      turn.reply(render(language, refusal.code, refusal.params));
    } else {
      await respond(turn);
    }
    const written = await enqueueMessages(
      trx,
      replies.map((message) => ({ orgId: org.id, targetRef: event.conversation.ref, message: { language, ...message, replyToEventId: event.eventId } })),
      turn.now,
    );
    deps.logger.debug({ platform: event.platform, eventId: event.eventId, replies: written }, 'inbound handled');
    return { duplicate: false, replies: written };
  }

  async function respond(turn: Turn): Promise<void> {
    const text = turn.event.text ?? '';
    if (text.length > turn.settings.maxTextLength) {
      turn.reply(turn.t.tooLong({ max: turn.settings.maxTextLength }));
      return;
    }
    const bareLocation = turn.event.location && !text.trim();
    await dispatch(turn, bareLocation ? undefined : text);
  }

  /**
   * Whether a platform identity is already registered: adapters ask before fetching a profile
   * (time zone, locale) they only need for a person's first message.
   */
  async function knowsIdentity(input: { platform: string; tenantId: string; externalId: string }): Promise<boolean> {
    const row = await deps.db
      .selectFrom('identities')
      .select('user_id')
      .where('platform', '=', input.platform)
      .where('tenant_id', '=', input.tenantId)
      .where('external_id', '=', input.externalId)
      .executeTakeFirst();
    return row !== undefined;
  }

  return { handle, knowsIdentity };
}

export type ConversationEngine = ReturnType<typeof createConversationEngine>;
