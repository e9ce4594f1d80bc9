import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { frozenClock, type Clock } from '../core/shared/clock.ts';
import type { Logger } from '../logger.ts';
import { DomainError } from '../core/shared/domain-error.ts';
import { AmbiguousPersonError } from '../core/users/find-person.ts';
import { askWhichPerson } from './handlers/choose-person.ts';
import { resolveIdentity, type OrgDefaults } from '../core/users/resolve-identity.ts';
import { languageOfText } from './intents/language-of-text.ts';
import { catalogueFor, render } from './i18n/catalogue.ts';
import { dispatch } from './dispatch.ts';
import { claimEventAndSender } from './claim-event.ts';
import { enqueueMessages } from './outbox.ts';
import type { InboundEvent, OutboundMessage } from './types.ts';
import { storableEvent } from './storable-text.ts';
import type { ConversationSettings, Turn } from './turn.ts';
import { privacyPageUrl } from '../core/privacy/privacy-page-url.ts';

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
  /**
   * For a tap on a quick answer to a question (`InboundEvent.quickAnswer`): true when it answered its
   * question and the answer is stored; false when it changed nothing (its question was answered,
   * replaced or expired, or the answer was refused). Undefined for typed text and for buttons that
   * stand for a command. Adapters never mark a tapped card as chosen when it is false.
   */
  questionAnswered?: boolean;
  /** A domain refusal was answered: the turn's own changes were rolled back. */
  refused?: boolean;
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
      result = { ...(await deps.db.transaction().execute((trx) => runTurn(trx, event, error))), refused: true };
    }
    if (result.replies > 0) deps.onOutboxWritten?.();
    return result;
  }

  async function runTurn(trx: Transaction<Database>, event: InboundEvent, refusal: DomainError | undefined): Promise<HandleResult> {
    const sender = {
      platform: event.platform,
      tenantId: event.tenantId,
      externalId: event.sender.externalId,
      displayName: event.sender.displayName,
      timeZone: event.sender.timeZone,
      // A newcomer's platform may know no locale: then the words of their first message decide.
      language: event.sender.language ?? languageOfText(event.text),
      directRef: event.sender.directRef,
    };
    // The dedupe row and the sender's locked user row in one round trip (claim-event.ts).
    const claimed = await claimEventAndSender(trx, { ...sender, eventId: event.eventId });
    if (!claimed.fresh) return { duplicate: true, replies: 0 };

    // One instant per turn: every use case the turn runs reads this frozen clock, so rows written by
    // one message (a visit closed by a check-in elsewhere, the new one opened, a newcomer's row) carry the same time.
    const now = deps.clock.now();
    // The user row stays locked until commit: one turn per person at a time.
    const { org, user, registered, directRef } = await resolveIdentity({ db: trx, defaults: deps.defaults, now }, sender, claimed.known);
    const language = user.language;
    const replies: QueuedReply[] = [];
    const group = event.conversation.kind === 'group';
    const asMessage = (message: string | OutboundMessage): OutboundMessage => (typeof message === 'string' ? { text: message } : message);
    const turn: Turn = {
      db: trx,
      clock: frozenClock(now),
      now,
      event,
      org,
      user,
      welcomed: registered,
      language,
      t: catalogueFor(language),
      settings: deps.settings,
      reply: (message) => replies.push({ message: asMessage(message), private: false }),
      replyPrivately: (message) => replies.push({ message: asMessage(message), private: group }),
      privateRef: group ? (directRef ?? undefined) : event.conversation.ref,
    };
    if (turn.welcomed) turn.reply(turn.t.welcome({ name: user.display_name, admin: user.role === 'admin', privacyUrl: privacyPageUrl(deps.settings.publicUrl, language) }));

    if (user.deactivated_at) {
      // Someone who left: a polite answer, and nothing they say changes anything.
      turn.reply(turn.t.deactivatedRefusal());
    } else if (refusal instanceof AmbiguousPersonError) {
      // Not a refusal after all: the sender picks which of the people they named (a numbered list).
      await askWhichPerson(turn, refusal);
    } else if (refusal) {
      turn.reply(render(language, refusal.code, refusal.params));
    } else {
      await respond(turn);
    }
    const written = await enqueueMessages(
      trx,
      routeReplies(turn, replies).map(({ targetRef, message }) => ({ orgId: org.id, targetRef, message: { language, ...message, replyToEventId: event.eventId } })),
      turn.now,
    );
    deps.logger.debug({ platform: event.platform, eventId: event.eventId, replies: written }, 'inbound handled');
    // A refused tap stored nothing: its card must not say it was chosen.
    const questionAnswered = !event.quickAnswer ? undefined : refusal ? false : turn.answeredQuestion;
    return { duplicate: false, replies: written, ...(questionAnswered !== undefined ? { questionAnswered } : {}) };
  }

  /**
   * Where each reply goes. Private replies said in a group go to the person's private chat (never into
   * the group, where anyone could open a personal link), and the group gets one line saying so; with
   * no way to reach the person alone, the group is told that instead and nothing private is sent.
   */
  function routeReplies(turn: Turn, replies: QueuedReply[]): { targetRef: string; message: OutboundMessage }[] {
    const here = turn.event.conversation.ref;
    const privately = replies.filter((r) => r.private);
    const routed = replies.filter((r) => !r.private).map((r) => ({ targetRef: here, message: r.message }));
    if (privately.length === 0) return routed;
    const name = turn.user.display_name;
    if (!turn.privateRef) {
      deps.logger.info({ platform: turn.event.platform, eventId: turn.event.eventId }, 'private reply asked for in a group, but the person has no direct ref');
      return [...routed, { targetRef: here, message: { text: turn.t.privateReplyUnreachable({ name }) } }];
    }
    const privateRef = turn.privateRef;
    return [
      ...routed,
      { targetRef: here, message: { text: turn.t.privateReplySent({ name }) } },
      ...privately.map((r) => ({ targetRef: privateRef, message: r.message })),
    ];
  }

  async function respond(turn: Turn): Promise<void> {
    const text = turn.event.text ?? '';
    if (text.length > turn.settings.maxTextLength) {
      turn.reply(turn.t.tooLong({ max: turn.settings.maxTextLength }));
      return;
    }
    const bareLocation = turn.event.location && !text.trim();
    if (turn.event.attachment && !bareLocation && !text.trim()) {
      // One answer on every platform, until photos are supported: what Legwork does understand.
      turn.reply(turn.t.attachmentNotUnderstood());
      return;
    }
    await dispatch(turn, bareLocation ? undefined : text);
    // The words were handled; say that the photo or file itself was not kept, so nobody counts on it.
    if (turn.event.attachment && !bareLocation) turn.reply(turn.t.attachmentNotKept());
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

/** A reply of this turn; `private` ones are meant for the person alone and leave the group. */
interface QueuedReply {
  message: OutboundMessage;
  private: boolean;
}

export type ConversationEngine = ReturnType<typeof createConversationEngine>;
