import type { Language } from '../../conversation/intents/types.ts';
import { addDays, localDateOf, localTimeOf, weekdayOf } from '../../conversation/dates/local-date.ts';
import { resolveDate } from '../../conversation/dates/resolve-date.ts';
import { spellOutWeekdays } from '../../conversation/dates/spell-out-weekdays.ts';
import { parseTimeOfDay } from '../schedules/setting-values.ts';
import { minuteOfDay } from '../schedules/calendar.ts';
import { planMessagesEnUS, type DayLabel, type PlanMessages } from './messages-en-US.ts';
import { planMessagesZhCN } from './messages-zh-CN.ts';

export function planMessages(language: Language): PlanMessages {
  return language === 'zh-CN' ? planMessagesZhCN : planMessagesEnUS;
}

/** A date as the reader sees it (today, tomorrow, or its weekday and date). */
export function dayLabel(date: string, today: string): DayLabel {
  const offset = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { date, weekday: weekdayOf(date), offset };
}

/** The person's local today. */
export function todayOf(now: Date, timeZone: string): string {
  return localDateOf(now, timeZone);
}

/** A plan's day words (`明天`, `Wed`, `Dec 8`) on the person's calendar; null when they name no day. */
export function resolvePlanDate(text: string, now: Date, timeZone: string): string | null {
  return resolveDate(spellOutWeekdays(text), { now, timeZone });
}

/** `10:00`, `3pm`, `下午3点` → minutes after midnight; null for `25:00` and other non-times. */
export function resolvePlanMinute(text: string): number | null {
  const hhmm = parseTimeOfDay(text);
  return hhmm === null ? null : minuteOfDay(hhmm);
}

export function formatMinute(minute: number | null): string | null {
  return minute === null ? null : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minutes after local midnight now, on the person's clock. */
export function localMinuteNow(now: Date, timeZone: string): number {
  const local = localTimeOf(now, timeZone);
  return local.hour * 60 + local.minute;
}

/** Monday to Sunday of the week holding `date`, or of the next one. */
export function weekOf(date: string, next: boolean): { from: string; to: string } {
  const monday = addDays(date, 1 - weekdayOf(date) + (next ? 7 : 0));
  return { from: monday, to: addDays(monday, 6) };
}
