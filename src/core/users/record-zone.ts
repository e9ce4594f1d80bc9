import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { startOfLocalDay } from '../shared/local-day.ts';
import { loadSettingsBook } from '../schedules/settings-repository.ts';
import { teamOfUser } from '../schedules/team-context.ts';

/** What {@link recordZone} reads of the person; pass it when the caller holds their current row. */
export type ZoneOfUser = Pick<User, 'time_zone' | 'time_zone_changed_at'>;

/**
 * The time zone that decides the local day of what a rep writes now (a visit, a check-in) and whether
 * a report is late: the rep's own zone, except on a day they changed it. Then the team's zone decides
 * until that day ends (in the team's zone): a rep who moves their clock after the deadline cannot make
 * a late report punctual, nor move the day's visits to another date. Records keep the date they were
 * written with (`visits.local_date`, `daily_reports.report_date`), so a later change never moves them.
 */
export async function recordZone(db: Db, userId: string, now: Date, known?: ZoneOfUser): Promise<string> {
  // A turn already holds the person's row (read and locked with their identity): no need to read it again.
  const user = known ?? (await db.selectFrom('users').select(['time_zone', 'time_zone_changed_at']).where('id', '=', userId).executeTakeFirstOrThrow());
  const changed = user.time_zone_changed_at ? new Date(user.time_zone_changed_at) : null;
  // Cheap path: no change in the last two days cannot be a change made today in any zone.
  if (!changed || now.getTime() - changed.getTime() > 48 * 3600_000) return user.time_zone;
  const team = await teamOfUser(db, await loadSettingsBook(db), userId);
  if (!team || team.timeZone === user.time_zone) return user.time_zone;
  return changed >= startOfLocalDay(now, team.timeZone) ? team.timeZone : user.time_zone;
}
