import { sql, type RawBuilder } from 'kysely';
import { inQuietHours, isWorkday, minuteOfDay, type LocalNow } from '../schedules/calendar.ts';
import type { Db } from '../shared/db.ts';
import type { SettingsBook } from '../schedules/settings-repository.ts';
import type { ScheduleSettings } from '../schedules/settings.ts';
import type { SchedulePrefs } from '../schedules/prefs.ts';
import type { LocationLinkSettings } from '../location-links/issue-location-link.ts';

/** What one scheduler pass over reminders works with. */
export interface ReminderPass {
  db: Db;
  now: Date;
  book: SettingsBook;
  /** The distinct zones people are in (read once per pass). */
  zones: string[];
  /** To mint check-in links in plan reminders; without it they go out without buttons. */
  links?: LocationLinkSettings;
}

/** Why a due reminder was not written (counted per pass, for logs and tests). */
export type SkipReason = 'notWorkday' | 'quietHours' | 'away' | 'kindOff' | 'unreachable';

export class SkipTally {
  readonly counts: Partial<Record<SkipReason, number>> = {};
  add(reason: SkipReason): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
  }
}

/** The distinct time zones people are in: each pass works zone by zone on local clocks. */
export async function peopleZones(db: Db): Promise<string[]> {
  // A loose index scan: one probe of users_time_zone_idx per zone (a few dozen) instead of reading
  // every user on every minute's pass, which `select distinct` does.
  const rows = await sql<{ time_zone: string }>`
    with recursive zones(time_zone) as (
      (select time_zone from users order by time_zone limit 1)
      union all
      select (select u.time_zone from users u where u.time_zone > zones.time_zone order by u.time_zone limit 1)
      from zones where zones.time_zone is not null
    )
    select time_zone from zones where time_zone is not null`.execute(db);
  return rows.rows.map((r) => r.time_zone);
}

/** The team whose settings apply to a rep: their first team as a rep (by joining time). */
export const repTeamOf = (userIdColumn: string) =>
  sql<string | null>`(
    select m.team_id from team_memberships m
    where m.user_id = ${sql.ref(userIdColumn)} and m.role = 'rep'
    order by m.joined_at, m.team_id limit 1)`;

/** The team whose settings apply to anyone: as a rep first, else any team they are in. */
export const anyTeamOf = (userIdColumn: string) =>
  sql<string | null>`(
    select m.team_id from team_memberships m
    where m.user_id = ${sql.ref(userIdColumn)}
    order by (m.role = 'rep') desc, m.joined_at, m.team_id limit 1)`;

/** Row columns of `user_schedule_prefs` (left-joined, so possibly null) into SchedulePrefs. */
export function prefsOf(row: { away_until: string | null; reminders_off: string[] | null; leaderboard_opt_out: boolean | null }): SchedulePrefs {
  return { awayUntil: row.away_until, remindersOff: row.reminders_off ?? [], leaderboardOptOut: row.leaderboard_opt_out ?? false };
}

/**
 * True when some settings in force could send a message of this kind in a zone right now: its time
 * (`pick`) is at or before the local minute, the local date is a workday (when `workdaysOnly`) and
 * the minute is outside quiet hours. A zone where none could is skipped without a query: weekends,
 * holidays and quiet evenings would otherwise read every person there each minute only to skip them.
 */
export function anySendable(
  book: SettingsBook,
  local: LocalNow,
  pick: (s: ScheduleSettings) => string | null | undefined,
  options: { workdaysOnly: boolean },
): boolean {
  return book.all().some((s) => {
    const time = pick(s);
    if (!time || minuteOfDay(time) > local.minute) return false;
    if (options.workdaysOnly && !isWorkday(local.date, s)) return false;
    return !inQuietHours(local.minute, s.quietHours);
  });
}

/**
 * `not exists` as one probe of a unique index per candidate row. Written as a scalar subquery on
 * purpose: PostgreSQL turns a `not exists` into an anti-join, and for today's slice of a table
 * (today's reports, today's ledger rows) its statistics know no rows yet, so it chose a nested loop
 * over a materialised slice: every candidate compared with every row of the slice, O(people²) each
 * minute (over 10 s at 10,000 reps). A scalar subquery stays a per-row probe whatever the estimates.
 * `probe` must return at most one row (a unique key lookup).
 */
export const absent = (probe: RawBuilder<unknown>) => sql<boolean>`((${probe}) is null)`;

/**
 * Runs a read of the pass with PostgreSQL's JIT compiler off. A statement over thousands of people
 * is costed above `jit_above_cost` (its per-person probes add up), so the server compiled it anew
 * every minute: about 130 ms of a 10,000-rep pass whose execution itself needs less. `set local`
 * holds for one transaction only, so no pooled connection keeps the setting.
 */
export async function withoutJit<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  const run = async (trx: Db) => {
    await sql`set local jit = off`.execute(trx);
    return read(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
