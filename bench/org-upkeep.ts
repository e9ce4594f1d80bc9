import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { ManualClock } from '../src/core/shared/clock.ts';
import { runDueReminders } from '../src/core/reminders/run-due-reminders.ts';
import { pruneBookkeeping, refreshStatistics, type PruneResult } from '../src/core/housekeeping/prune.ts';
import { zonedDateTimeToInstant, weekdayOf, addDays } from '../src/conversation/dates/local-date.ts';
import { localDate, zone } from './org-seed.ts';

export interface ReminderTiming {
  /** The pass at 18:00 local on a workday, when every rep without a report is due. */
  firstPassMs: number;
  written: number;
  /** The same pass a minute later: nothing new to write, what every other minute costs. */
  nextPassMs: number;
  writtenNext: number;
  at: string;
  /** The next Monday at 09:00 (the weekly overdue-customers nudge, follow-ups) and a minute later. */
  monday: { firstPassMs: number; written: number; nextPassMs: number; writtenNext: number; at: string };
}

/** The first workday on or after the seeded day, at 18:00 in the org's zone. */
function reminderInstant(asOf: Date): Date {
  let date = localDate(asOf);
  while (weekdayOf(date) > 5) date = addDays(date, 1);
  return zonedDateTimeToInstant(date, '18:00', zone);
}

/** The Monday after the seeded day, at 09:00 in the org's zone. */
function mondayInstant(asOf: Date): Date {
  let date = addDays(localDate(asOf), 1);
  while (weekdayOf(date) !== 1) date = addDays(date, 1);
  return zonedDateTimeToInstant(date, '09:00', zone);
}

/** A pass at `at` and the pass a minute later (nothing new to write): both timed. */
async function passAndNext(db: Kysely<Database>, at: Date) {
  const clock = new ManualClock(at);
  let t0 = performance.now();
  const first = await runDueReminders({ db, clock });
  const firstPassMs = performance.now() - t0;
  clock.advance(60_000);
  t0 = performance.now();
  const next = await runDueReminders({ db, clock });
  return { firstPassMs, written: first.written, nextPassMs: performance.now() - t0, writtenNext: next.written, at: at.toISOString() };
}

/**
 * The reminder pass (src/core/reminders/run-due-reminders.ts) for the whole org: at the report
 * reminder and at the weekly nudge, each with the minute after it. The minute after is run on the
 * statistics the seed left (today's ledger rows are newer than them), as in production, where
 * autovacuum analyses a big ledger long after a day's reminders were written.
 */
export async function measureReminders(db: Kysely<Database>, asOf: Date): Promise<ReminderTiming> {
  const evening = await passAndNext(db, reminderInstant(asOf));
  const monday = await passAndNext(db, mondayInstant(asOf));
  return { ...evening, monday };
}

export interface HousekeepingTiming {
  pruneMs: number;
  pruned: PruneResult;
  /** Left after pruning, per table: what the retention keeps. */
  kept: Record<string, number>;
  statisticsMs: number;
}

/** Housekeeping (src/core/housekeeping/prune.ts) as its job runs it: prune, then refresh statistics. */
export async function measureHousekeeping(db: Kysely<Database>, asOf: Date, embedded: boolean): Promise<HousekeepingTiming> {
  let t0 = performance.now();
  const pruned = await pruneBookkeeping({ db, now: asOf });
  const pruneMs = performance.now() - t0;
  t0 = performance.now();
  await refreshStatistics({ db, embedded });
  const statisticsMs = performance.now() - t0;
  const kept: Record<string, number> = {};
  for (const table of ['processed_events', 'outbox', 'location_tokens', 'scheduled_sends'] as const) {
    kept[table] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  }
  return { pruneMs, pruned, kept, statisticsMs };
}
