import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import { pruneChartImages } from '../../charts/chart-store.ts';

const DAY_MS = 86_400_000;

/**
 * How long bookkeeping rows are kept. Long enough that nothing they guard can come back: platforms
 * redeliver an event within minutes to hours, a location link lives at most 24 hours
 * (LOCATION_LINK_TTL_MINUTES), a delivered message is never looked at again by the delivery loop,
 * and the scheduler asks its ledger only about today's and this period's keys.
 */
export const retention = {
  /** Dedupe rows of inbound events (a redelivery after this long would be handled again). */
  processedEventsDays: 14,
  /**
   * Outbox rows already sent or given up on, and managers' alerts already sent (the outbox message
   * that carried them goes at the same age). Each alert's key is about one check-in, join request or
   * first filing of a report, which never comes back, so forgetting a sent one lets nothing repeat.
   */
  finishedOutboxDays: 30,
  /** Spent single-use location link nonces: their links expired long before. */
  spentLinkNoncesDays: 2,
  /**
   * The scheduler's ledger of written keys, by the date they are about. Well past the longest period it asks about (a month's
   * board); a check-out reminder's key is per visit, so a visit left open this long is reminded again.
   */
  scheduledSendsDays: 60,
  /**
   * The local chat's stored conversation (both sides) and its delivered bot messages: a try-out
   * and demo chat, not a record (check-ins, visits and reports live in their own tables). Kept as
   * long as finished outbox rows, long enough to scroll back over the past weeks.
   */
  localChatDays: 30,
} as const;

export interface PruneResult {
  processedEvents: number;
  outbox: number;
  /** Managers' real-time alerts already sent (issue #13); those still waiting are kept however old. */
  managerAlerts: number;
  conversationStates: number;
  linkNonces: number;
  scheduledSends: number;
  localChatMessages: number;
  localDeliveries: number;
  /** Charts past their 7 days (issue 18). */
  chartImages: number;
  /** WeCom group robot sends older than the pacing window (a robot no longer sent to keeps its last ones until here). */
  robotSends: number;
  /** DingTalk session webhooks past their expiry (also pruned as new ones arrive). */
  sessionWebhooks: number;
}

/**
 * Deletes bookkeeping rows past their retention, in batches so no statement holds locks (or, on the
 * embedded database, its one connection) for long. Idempotent: running it twice deletes nothing more.
 */
export async function pruneBookkeeping({ db, now }: { db: Db; now: Date }, batchSize = 5000): Promise<PruneResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    processedEvents: await inBatches(batchSize, (limit) => sql`
      delete from processed_events where ctid in (
        select ctid from processed_events where processed_at < ${before(retention.processedEventsDays)} limit ${limit})`.execute(db)),
    outbox: await inBatches(batchSize, (limit) => sql`
      delete from outbox where id in (
        select id from outbox where status <> 'pending' and coalesce(sent_at, created_at) < ${before(retention.finishedOutboxDays)} limit ${limit})`.execute(db)),
    managerAlerts: await inBatches(batchSize, (limit) => sql`
      delete from manager_alerts where id in (
        select id from manager_alerts where sent_at < ${before(retention.finishedOutboxDays)} limit ${limit})`.execute(db)),
    conversationStates: await inBatches(batchSize, (limit) => sql`
      delete from conversation_states where ctid in (
        select ctid from conversation_states where expires_at < ${now} limit ${limit})`.execute(db)),
    linkNonces: await inBatches(batchSize, (limit) => sql`
      delete from location_tokens where ctid in (
        select ctid from location_tokens where used_at < ${before(retention.spentLinkNoncesDays)} limit ${limit})`.execute(db)),
    scheduledSends: await inBatches(batchSize, (limit) => sql`
      delete from scheduled_sends where key in (
        select key from scheduled_sends where local_date < ${isoDate(before(retention.scheduledSendsDays))}::date limit ${limit})`.execute(db)),
    localChatMessages: await inBatches(batchSize, (limit) => sql`
      delete from local_chat_messages where id in (
        select id from local_chat_messages where at < ${before(retention.localChatDays)} limit ${limit})`.execute(db)),
    localDeliveries: await inBatches(batchSize, (limit) => sql`
      delete from local_deliveries where outbox_id in (
        select outbox_id from local_deliveries where delivered_at < ${before(retention.localChatDays)} limit ${limit})`.execute(db)),
    chartImages: await pruneChartImages(db, now),
    // Only the last minute counts for pacing (src/db/send-records.ts); an hour leaves room for clock skew.
    robotSends: await inBatches(batchSize, (limit) => sql`
      delete from robot_sends where ctid in (
        select ctid from robot_sends where sent_at < ${new Date(now.getTime() - 3_600_000)} limit ${limit})`.execute(db)),
    sessionWebhooks: await inBatches(batchSize, (limit) => sql`
      delete from dingtalk_session_webhooks where event_id in (
        select event_id from dingtalk_session_webhooks where expires_at < ${now} limit ${limit})`.execute(db)),
  };
}

/** The UTC calendar date; a day either way does not matter at a 60-day retention. */
const isoDate = (instant: Date) => instant.toISOString().slice(0, 10);

async function inBatches(limit: number, deleteSome: (limit: number) => Promise<{ numAffectedRows?: bigint }>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = Number((await deleteSome(limit)).numAffectedRows ?? 0n);
    total += n;
    if (n < limit) return total;
  }
}

/**
 * Refreshes the planner's statistics and, on the embedded database, reclaims the space of deleted and
 * updated rows. PGlite runs PostgreSQL in single-user mode, where autovacuum never runs: without
 * this its planner keeps judging tables by their size at first use (a reminder pass over 100,000
 * people then picks nested loops over tables it believes empty) and its files only grow.
 */
export async function refreshStatistics({ db, embedded }: { db: Db; embedded: boolean }): Promise<void> {
  if (embedded) {
    for (const table of ['outbox', 'manager_alerts', 'processed_events', 'conversation_states', 'location_tokens', 'scheduled_sends', 'local_chat_messages', 'local_deliveries', 'chart_images']) {
      await sql`vacuum ${sql.table(table)}`.execute(db);
    }
  }
  await sql`analyze`.execute(db);
}
