/**
 * Reading schedule settings as people type them in chat (`周一至周五`, `mon,wed,fri`, `1-5`,
 * `18:30`, `下午6点半`, `22:00-07:00`, `10月1日`), in Chinese or English. Pure functions: the
 * result is either the value or the reason it is not one, so the use case can answer specifically.
 */
import { addDays, isValidLocalDate } from '../../conversation/dates/local-date.ts';
import { resolveDate } from '../../conversation/dates/resolve-date.ts';

export type Parsed<T, E> = { ok: true; value: T } | ({ ok: false } & E);

// ---------------------------------------------------------------------------------------------
// Weekdays

const WEEKDAY_NUMBERS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7,
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7,
  monday: 1, mon: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, wed: 3, thursday: 4, thurs: 4, thur: 4, thu: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
/** One weekday: `周一`, `星期日`, `礼拜天`, a bare `五` or `5`, `Monday`, `mon` (longest spelling first). */
const WEEKDAY = /^(?:(?:周|週|星期|礼拜|禮拜)?([一二三四五六日天1-7])|(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun))(?![a-z\d])/iu;
/** Between the ends of a range: `周一至周五`, `mon-fri`, `Monday to Friday`, `1~5`. */
const RANGE = /^\s*(?:-|~|–|—|至|到|(?:to|through|thru)(?![a-z]))\s*/iu;
/** Between items of a list: `周一 周三`, `mon,wed`, `周一、周三和周五`. */
const LIST_SEPARATOR = /^[\s,;/、和及与]+|^and(?![a-z])\s*/iu;
const EVERY_DAY = /^(?:每天|每日|天天|全周|全部|every\s*day|daily|all)$/iu;

export type WeekdaysError = { error: 'unknownWeekday'; token: string } | { error: 'noWorkdays' };

/**
 * The ISO weekdays (1 = Monday) in a typed list, sorted and without repeats. Ranges may wrap the
 * week (`周日至周四` is Sunday to Thursday).
 */
export function parseWeekdays(text: string): Parsed<number[], WeekdaysError> {
  let rest = text.normalize('NFKC').trim();
  if (EVERY_DAY.test(rest)) return { ok: true, value: [1, 2, 3, 4, 5, 6, 7] };
  const days = new Set<number>();
  let pendingRangeStart: number | undefined;
  while (rest !== '') {
    const separator = LIST_SEPARATOR.exec(rest);
    if (separator && pendingRangeStart === undefined) {
      rest = rest.slice(separator[0].length);
      continue;
    }
    const match = WEEKDAY.exec(rest);
    if (!match) return { ok: false, error: 'unknownWeekday', token: firstToken(rest) };
    const day = WEEKDAY_NUMBERS[(match[1] ?? match[2] ?? '').toLowerCase()]!;
    rest = rest.slice(match[0].length);
    if (pendingRangeStart !== undefined) {
      for (let d = pendingRangeStart; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === day) break;
      }
      pendingRangeStart = undefined;
      continue;
    }
    const range = RANGE.exec(rest);
    if (range) {
      rest = rest.slice(range[0].length);
      if (rest === '') return { ok: false, error: 'unknownWeekday', token: text.trim() };
      pendingRangeStart = day;
    } else {
      days.add(day);
    }
  }
  if (days.size === 0) return { ok: false, error: 'noWorkdays' };
  return { ok: true, value: [...days].sort((a, b) => a - b) };
}

function firstToken(text: string): string {
  return text.split(/[\s,;/、]+/u)[0] || text;
}

/** Consecutive weekdays grouped for display: [1,2,3,5] → [[1,3],[5,5]]. */
export function weekdayRuns(days: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Times of day

const CLOCK = /^(\d{1,2})(?:\s*[:.]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/iu;
const CHINESE_CLOCK = /^(上午|早上|早晨|凌晨|中午|下午|傍晚|晚上)?\s*(\d{1,2})\s*(?:[点點時时](?:\s*(半|一刻|(\d{1,2})\s*分?))?|[:.]\s*(\d{2}))$/u;
const AFTERNOON = new Set(['中午', '下午', '傍晚', '晚上']);

/**
 * 'HH:MM' from `18:30`, `9:05`, `18`, `6pm`, `6:30 pm`, `18点`, `下午6点半`, `晚上9点15分`; null
 * when it is not a time of day (`25:00`, `18:60`, `13pm`).
 */
export function parseTimeOfDay(text: string): string | null {
  const typed = text.normalize('NFKC').trim().replace(/：/gu, ':');
  let hour: number;
  let minute: number;
  const clock = CLOCK.exec(typed);
  const chinese = clock ? null : CHINESE_CLOCK.exec(typed);
  if (clock) {
    hour = Number(clock[1]);
    minute = clock[2] === undefined ? 0 : Number(clock[2]);
    const meridiem = clock[3]?.toLowerCase().replace(/\./g, '');
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    }
  } else if (chinese) {
    hour = Number(chinese[2]);
    minute = chinese[3] === '半' ? 30 : chinese[3] === '一刻' ? 15 : Number(chinese[4] ?? chinese[5] ?? 0);
    if (chinese[1] && AFTERNOON.has(chinese[1]) && hour >= 1 && hour < 12) hour += 12;
  } else {
    return null;
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Where a window's two times are split: `22:00-07:00`, `22点至7点`, `10pm to 7am`. */
const WINDOW_SEPARATOR = /-|~|–|—|至|到|\bto\b|\buntil\b/iu;

export type WindowError = { error: 'badTime'; text: string } | { error: 'badWindow' } | { error: 'emptyWindow' };

/** A quiet-hours window (start inclusive, end exclusive, may wrap midnight) from `22:00-07:00`. */
export function parseTimeWindow(text: string): Parsed<{ start: string; end: string }, WindowError> {
  const typed = text.normalize('NFKC').trim();
  const parts = typed.split(WINDOW_SEPARATOR).map((part) => part.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, error: 'badWindow' };
  const start = parseTimeOfDay(parts[0]);
  if (!start) return { ok: false, error: 'badTime', text: parts[0] };
  const end = parseTimeOfDay(parts[1]);
  if (!end) return { ok: false, error: 'badTime', text: parts[1] };
  if (start === end) return { ok: false, error: 'emptyWindow' };
  return { ok: true, value: { start, end } };
}

// ---------------------------------------------------------------------------------------------
// Dates

/** `2026-10-01`, `2026/10/1`, `2026.10.01`: read strictly (chrono reads `2026-13-01` as 13 January). */
const NUMERIC_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u;

/**
 * A calendar date ('YYYY-MM-DD') from what a person typed: an ISO-style date (checked strictly) or
 * anything the chat's date resolver understands (`10月1日`, `Oct 1`, `下周五`), looking forward
 * from `today` on the person's calendar. Null when it names no real day.
 */
export function parseCalendarDate(text: string, opts: { now: Date; timeZone: string }): string | null {
  const typed = text.normalize('NFKC').trim();
  const numeric = NUMERIC_DATE.exec(typed);
  if (numeric) {
    const date = `${numeric[1]}-${numeric[2]!.padStart(2, '0')}-${numeric[3]!.padStart(2, '0')}`;
    return isValidLocalDate(date) ? date : null;
  }
  return resolveDate(typed, opts);
}

/** Consecutive dates grouped for display: ['10-01','10-02','10-05'] → [['10-01','10-02'],['10-05','10-05']]. */
export function dateRuns(dates: readonly string[]): Array<[string, string]> {
  const runs: Array<[string, string]> = [];
  for (const date of [...new Set(dates)].sort()) {
    const last = runs.at(-1);
    if (last && date === addDays(last[1], 1)) last[1] = date;
    else runs.push([date, date]);
  }
  return runs;
}
