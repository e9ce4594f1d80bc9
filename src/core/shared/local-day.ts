import { addDays, localDateOf, zonedDateTimeToInstant } from '../../conversation/dates/local-date.ts';

/** The instant a person's local day began, in their time zone. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  return zonedDateTimeToInstant(localDateOf(instant, timeZone), '00:00', timeZone);
}

/** [start, end) instants of a local calendar date in a time zone (23 or 25 hours across DST). */
export function localDayRange(date: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: zonedDateTimeToInstant(date, '00:00', timeZone),
    end: zonedDateTimeToInstant(addDays(date, 1), '00:00', timeZone),
  };
}
