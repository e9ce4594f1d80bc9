import { addDays, localTimeOf, weekdayOf, zonedDateTimeToInstant } from '../../conversation/dates/local-date.ts';
import type { ScheduleSettings } from './settings.ts';

/**
 * Calendar rules shared by reminders, leaderboards and digests. Everything due is derived from
 * "now" and the recipient's zone: a scheduler pass at any minute finds what should have gone out and
 * has not (so a missed minute, a restart or a second worker changes nothing).
 */

/** Minutes since local midnight of 'HH:MM'. */
export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** A workday of these settings that is not a holiday. */
export function isWorkday(date: string, settings: ScheduleSettings): boolean {
  return settings.workdays.includes(weekdayOf(date)) && !settings.holidays.includes(date);
}

/** True when the local minute falls in the quiet window (which may wrap midnight). */
export function inQuietHours(minute: number, quiet: ScheduleSettings['quietHours']): boolean {
  if (!quiet) return false;
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The local clock of a person right now. */
export interface LocalNow {
  date: string;
  /** Minutes since local midnight. */
  minute: number;
}

export function localNow(now: Date, timeZone: string): LocalNow {
  const t = localTimeOf(now, timeZone);
  return { date: t.date, minute: t.hour * 60 + t.minute };
}

/**
 * Whether a message due at local `time` on the local date of `now` is due: at or after its time and
 * before `untilMinute` (exclusive; defaults to the end of the day). Compares instants, not wall
 * minutes, so a DST change on the day cannot make it fire twice or never.
 */
export function dueToday(now: Date, timeZone: string, date: string, time: string, untilTime?: string): boolean {
  const due = zonedDateTimeToInstant(date, time, timeZone);
  const until = untilTime ? zonedDateTimeToInstant(date, untilTime, timeZone) : zonedDateTimeToInstant(addDays(date, 1), '00:00', timeZone);
  return now >= due && now < until;
}

/** 'HH:MM' `minutes` after `time`, capped at 23:59 (a follow-up never spills into the next day). */
export function addMinutes(time: string, minutes: number): string {
  const total = Math.min(minuteOfDay(time) + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export type Period = 'day' | 'week' | 'month';

/** A period of local dates: `start` inclusive, `end` exclusive. */
export interface PeriodRange {
  period: Period;
  start: string;
  end: string;
}

/** The day, week (Monday to Sunday) or month containing `date`. */
export function periodOf(period: Period, date: string): PeriodRange {
  if (period === 'day') return { period, start: date, end: addDays(date, 1) };
  if (period === 'week') {
    const start = addDays(date, 1 - weekdayOf(date));
    return { period, start, end: addDays(start, 7) };
  }
  const start = `${date.slice(0, 7)}-01`;
  return { period, start, end: firstOfNextMonth(start) };
}

/** The period just before `range`. */
export function previousPeriod(range: PeriodRange): PeriodRange {
  return periodOf(range.period, addDays(range.start, -1));
}

function firstOfNextMonth(firstOfMonth: string): string {
  const [y, m] = firstOfMonth.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The last workday of the month containing `date` (falls back to the month's last day). */
export function lastWorkdayOfMonth(date: string, settings: ScheduleSettings): string {
  const { start, end } = periodOf('month', date);
  for (let d = addDays(end, -1); d >= start; d = addDays(d, -1)) if (isWorkday(d, settings)) return d;
  return addDays(end, -1);
}

/** [start, end) instants of a range of local dates in a zone. */
export function instantsOf(range: { start: string; end: string }, timeZone: string): { from: Date; to: Date } {
  return { from: zonedDateTimeToInstant(range.start, '00:00', timeZone), to: zonedDateTimeToInstant(range.end, '00:00', timeZone) };
}
