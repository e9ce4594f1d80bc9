import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { Language } from '../../conversation/intents/types.ts';
import { addDays, zonedDateTimeToInstant } from '../../conversation/dates/local-date.ts';
import { inQuietHours, localNow, minuteOfDay } from '../schedules/calendar.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { loadScheduleOverrides } from '../schedules/settings-repository.ts';
import { resolveSettings, type ScheduleSettings } from '../schedules/settings.ts';

/** A manager as alerts see them: where they are reached, in which language, on which clock. */
export interface ManagerClock {
  id: string;
  orgId: string;
  language: Language;
  timeZone: string;
  directRef: string | null;
  /** The settings of the first team they manage, as digests use (their quiet hours). */
  settings: ScheduleSettings;
}

/** One manager's clock and settings (null for someone unknown). */
export async function loadManagerClock(db: Db, managerId: string): Promise<ManagerClock | null> {
  const row = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.org_id', 'u.language', 'u.time_zone'])
    .select(directRefOf('u.id').as('direct_ref'))
    .select(sql<string | null>`(select t.id from teams t where t.manager_id = u.id order by t.created_at, t.id limit 1)`.as('team_id'))
    .where('u.id', '=', managerId)
    .executeTakeFirst();
  if (!row) return null;
  const [org, team] = await Promise.all([
    loadScheduleOverrides(db, 'org', row.org_id),
    row.team_id ? loadScheduleOverrides(db, 'team', row.team_id) : Promise.resolve(undefined),
  ]);
  return { id: row.id, orgId: row.org_id, language: row.language, timeZone: row.time_zone, directRef: row.direct_ref, settings: resolveSettings(org, team) };
}

/**
 * When the quiet hours the person is in at `now` end (the reminders' rule: start inclusive, end
 * exclusive, may wrap midnight); null when they are not in quiet hours.
 */
export function quietHoursEnd(now: Date, timeZone: string, quiet: ScheduleSettings['quietHours']): Date | null {
  const local = localNow(now, timeZone);
  if (!quiet || !inQuietHours(local.minute, quiet)) return null;
  const endsToday = local.minute < minuteOfDay(quiet.end);
  return zonedDateTimeToInstant(endsToday ? local.date : addDays(local.date, 1), quiet.end, timeZone);
}
