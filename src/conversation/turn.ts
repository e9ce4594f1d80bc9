import type { Transaction } from 'kysely';
import type { Database, Org, User } from '../db/schema.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { Catalogue } from './i18n/catalogue.ts';
import type { Language } from './intents/types.ts';
import type { InboundEvent, OutboundMessage } from './types.ts';

/** Settings the conversation needs beyond the database; fixed for the life of the process. */
export interface ConversationSettings {
  publicUrl: string;
  linkSecret: string;
  linkTtlMinutes: number;
  maxTextLength: number;
  /** LOCATION_RETENTION_DAYS: the longest an org may keep exact check-in coordinates. */
  locationRetentionDays: number;
}

/**
 * Everything one handled message can use: the transaction all its writes go into, the person, their
 * org and language, and `reply`, which queues a message for the outbox in that same transaction.
 */
export interface Turn {
  db: Transaction<Database>;
  clock: Clock;
  now: Date;
  event: InboundEvent;
  org: Org;
  user: User;
  /** This message registered the person, and the turn's first reply is their welcome. */
  welcomed: boolean;
  language: Language;
  t: Catalogue;
  settings: ConversationSettings;
  reply(message: string | OutboundMessage): void;
  /**
   * Whether the turn stored the answer to the pending question (a choice from its list). The engine
   * reports it for taps (`HandleResult.questionAnswered`); a tap checked against its question starts false.
   */
  answeredQuestion?: boolean;
  /**
   * Queues a reply meant for the person alone (a personal, single-use link; their visit notes). In a
   * group it goes to their private chat and the group is told so; in a direct chat it is a reply.
   */
  replyPrivately(message: string | OutboundMessage): void;
  /** Where the person's private replies go: this chat when direct, their saved direct ref in a group. */
  privateRef: string | undefined;
}
