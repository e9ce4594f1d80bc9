import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { isWorkday } from '../schedules/calendar.ts';
import type { ScheduleSettings } from '../schedules/settings.ts';
import { loadAwayDates } from '../schedules/away-periods.ts';

/**
 * What a day was for a person, before looking at what they filed: a workday (a report is due),
 * a day off by their team's schedule, a day they said they were away (`请假`), or a day before
 * they joined the org (nothing could be due: they were not here yet).
 */
export type DayStanding = 'workday' | 'dayOff' | 'away' | 'notJoined';

/**
 * The standing of each local date in `from`..`to` for `person`, as a function: one query (their
 * away periods). A day off stays a day off while away; the day they joined counts as joined.
 */
export async function loadDayStanding(
  db: Db,
  person: Pick<User, 'id' | 'time_zone' | 'joined_at'>,
  settings: ScheduleSettings,
  from: string,
  to: string,
): Promise<(date: string) => DayStanding> {
  const away = await loadAwayDates(db, person.id, from, to);
  const firstDay = localDateOf(new Date(person.joined_at), person.time_zone);
  return (date) => standingOn(date, { firstDay, isAway: (d) => away.has(d), settings });
}

/**
 * The rule itself, for callers that load the facts their own way (the weekly digest, a whole team
 * in one statement): before `firstDay` nothing was due; a day off stays a day off while away.
 */
export function standingOn(date: string, facts: { firstDay: string; isAway: (date: string) => boolean; settings: ScheduleSettings }): DayStanding {
  if (date < facts.firstDay) return 'notJoined';
  if (!isWorkday(date, facts.settings)) return 'dayOff';
  return facts.isAway(date) ? 'away' : 'workday';
}
