import { sql } from 'kysely';
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

/** True when some settings in force have `pick` at or before the local minute (else no query is needed). */
export function anyAtOrBefore(book: SettingsBook, minute: number, pick: (s: ScheduleSettings) => string | null | undefined): boolean {
  return book.all().some((s) => {
    const time = pick(s);
    if (!time) return false;
    const [h, m] = time.split(':').map(Number) as [number, number];
    return h * 60 + m <= minute;
  });
}
