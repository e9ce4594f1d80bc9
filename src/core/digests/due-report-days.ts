import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import { addDays, localDateOf } from '../../conversation/dates/local-date.ts';
import { standingOn } from '../team-day/day-standing.ts';
import type { ScheduleSettings } from '../schedules/settings.ts';

/**
 * The local dates in `from`..`to` (inclusive) on which each of `userIds` owed a report: the team's
 * workdays from the day they joined, less the days they were away (`请假` / `away`). The rule is the
 * manager's view of a rep's week (`standingOn`); the facts come for the whole team in one statement,
 * so the weekly digest counts neither a newcomer's earlier days nor an absence as missing reports.
 */
export async function loadDueReportDays(
  db: Db,
  input: { userIds: string[]; settings: ScheduleSettings; from: string; to: string },
): Promise<Map<string, Set<string>>> {
  const due = new Map<string, Set<string>>();
  if (input.userIds.length === 0) return due;
  const rows = await sql<{ id: string; joined_at: Date | string; time_zone: string; away: { f: string; l: string }[] | string }>`
    select u.id, u.joined_at, u.time_zone,
      coalesce(json_agg(json_build_object('f', a.first_date::text, 'l', a.last_date::text)) filter (where a.user_id is not null), '[]') as away
    from users u
    left join away_periods a on a.user_id = u.id and a.first_date <= ${input.to} and a.last_date >= ${input.from}
    where u.id = any(${input.userIds}::uuid[])
    group by u.id`.execute(db);
  const dates: string[] = [];
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) dates.push(date);
  for (const row of rows.rows) {
    const away = typeof row.away === 'string' ? (JSON.parse(row.away) as { f: string; l: string }[]) : row.away;
    const facts = {
      firstDay: localDateOf(new Date(row.joined_at), row.time_zone),
      isAway: (date: string) => away.some((period) => period.f <= date && date <= period.l),
      settings: input.settings,
    };
    due.set(row.id, new Set(dates.filter((date) => standingOn(date, facts) === 'workday')));
  }
  return due;
}
