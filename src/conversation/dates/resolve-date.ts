/**
 * Turns a date mentioned in a chat message ("明天", "下周五", "3月5日", "next Friday", "Mar 5") into
 * the calendar date the user means, on the user's own calendar.
 *
 * chrono-node does the heavy lifting for explicit dates and English relative phrases, but several of
 * its behaviours are wrong for this bot, so a small pre-parser handles the common relative words and
 * weekdays itself (see the notes on `preParse`). Observed with chrono-node 2.10:
 *  - The zh parsers compute relative dates from `refDate` in the *server's* zone and ignore the
 *    reference `timezone`, so "今天" at 01:00 Shanghai on a UTC server came out as yesterday.
 *  - zh "明天"/"明早" between 00:00 and 01:59 means *today* ("still last night").
 *  - zh "下周X" counts weeks from Sunday, so "下周一" said on a Sunday is 8 days later, not tomorrow.
 *  - A bare weekday ("Friday", "this Friday", "周五") said on that weekday is today before noon and
 *    next week after noon, because forwardDate compares against an implied 12:00.
 *  - With forwardDate, "last Friday" is pushed into the future.
 *  - "去年3月5日" parses only "年3月5日" and is pushed forward to next year.
 *  - For the same implied-noon reason, a month-day equal to today ("11月27日" on 27 Nov) is next
 *    year after noon; the year of such dates is rolled here on calendar days instead.
 *  - "2月29日"/"Feb 29" in a non-leap year is rejected outright (so resolves to null).
 *  - "for an hour" / "in 2 hours" come back as dates (now + duration).
 */
import * as chrono from 'chrono-node';
import { addDays, isValidLocalDate, isValidTimeZone, localTimeOf, weekdayOf } from './local-date.ts';

/** Inputs that pin down "now" for the user. */
export interface ResolveDateOptions {
  /** The current instant (inject a clock; never read it inside). */
  now: Date;
  /** The user's IANA time zone; relative words are counted on this zone's calendar. */
  timeZone: string;
}

interface Candidate {
  index: number;
  end: number;
  /** null when the words were recognised but name no real day ("下个月31号" in a 30-day month). */
  date: string | null;
  /** Weekday phrases give way to an explicit date right next to them ("周五（3月5日）"). */
  weekday: boolean;
  fromPreParser: boolean;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** '5' | '五' | '十五' | '二十' | '三十一' → number; NaN when not a number this code understands. */
function parseSmallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (CN_DIGITS[s] ?? NaN) : NaN;
  const tensPart = s.slice(0, ten);
  const onesPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? (CN_DIGITS[tensPart] ?? NaN) : NaN;
  const ones = onesPart === '' ? 0 : onesPart.length === 1 ? (CN_DIGITS[onesPart] ?? NaN) : NaN;
  return tens * 10 + ones;
}

function ymd(year: number, month: number, day: number): string | null {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidLocalDate(s) ? s : null;
}

function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The next `weekday` (1–7) on or after `today`: "Friday" said on a Friday means today. */
function nextWeekdayFrom(today: string, weekday: number): string {
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7);
}

/** `weekday` in the Monday–Sunday week `weeksAhead` weeks from the current one (0 = this week). */
function weekdayInWeek(today: string, weekday: number, weeksAhead: number): string {
  return addDays(mondayOf(today), weeksAhead * 7 + weekday - 1);
}

/** The next day-of-month `day` on or after `today`, skipping months too short to have it. */
function nextDayOfMonth(today: string, day: number): string | null {
  if (day < 1 || day > 31) return null;
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  for (let i = 0; i < 13; i++) {
    const d = ymd(year, month, day);
    if (d !== null && d >= today) return d;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return null;
}

/** The next `month`/`day` on or after `today` (Feb 29 waits for a leap year); null if no such day. */
function nextMonthDay(today: string, month: number, day: number): string | null {
  const year = Number(today.slice(0, 4));
  for (let y = year; y <= year + 8; y++) {
    const d = ymd(y, month, day);
    if (d !== null && d >= today) return d;
  }
  return null;
}

// ── Pre-parser ──────────────────────────────────────────────────────────────────────────────────

const CN_NUM = '[零〇一二三四五六七八九十两]{1,3}';

const ZH_RELATIVE_DAY_OFFSET: Record<string, number> = {
  大前天: -3, 前天: -2, 昨天: -1, 昨日: -1, 昨晚: -1,
  今天: 0, 今日: 0, 今早: 0, 今晚: 0, 今儿: 0,
  明天: 1, 明日: 1, 明早: 1, 明晚: 1, 明儿: 1,
  后天: 2, 后日: 2, 大后天: 3,
};
/**
 * Longest words first so "大后天" wins over "后天". 后天/前天 must not be the tail of another word
 * ("然后天津…", "之前天…", "提前天数"), hence the look-behinds.
 */
const ZH_RELATIVE_DAY = new RegExp(
  '大后天|大前天|(?<![之以然最今落背随过往])后(?:天|日)|(?<![之以提从目当])前天|昨天|昨日|昨晚|今天|今日|今早|今晚|今儿|明天|明日|明早|明晚|明儿',
  'g',
);

const ZH_WEEKDAY: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7,
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7,
};
/**
 * 周五 / 星期五 / 礼拜五, optionally with 上/上上/这/本/下/下下 (+个). The look-ahead rejects counts
 * such as "一周三次" (three times a week) and "两周一次".
 */
const ZH_WEEKDAY_PHRASE = /(上上|下下|上|下|这|本)?个?(?:周|週|星期|礼拜|禮拜)([一二三四五六日天1-7])(?![次遍回个\d])/g;
const ZH_WEEK_PREFIX_WEEKS: Record<string, number> = { 上上: -2, 上: -1, 这: 0, 本: 0, 下: 1, 下下: 2 };

/** "下个月5号", "本月20日": a day in a month counted from this one. */
const ZH_MONTH_RELATIVE_DAY = new RegExp(`(下下个?月|下个?月|本月|这个?月|当月)\\s*(\\d{1,2}|${CN_NUM})\\s*[号日]`, 'g');
const ZH_MONTH_PREFIX_MONTHS: Record<string, number> = {
  下下月: 2, 下下个月: 2, 下月: 1, 下个月: 1, 本月: 0, 这月: 0, 这个月: 0, 当月: 0,
};

/** "明年3月5日", "去年12月1号": chrono ignores the relative year word. */
const ZH_YEAR_RELATIVE_DATE = new RegExp(
  `(今|明|去|后|前)年\\s*(\\d{1,2}|${CN_NUM})\\s*月\\s*(\\d{1,2}|${CN_NUM})\\s*[日号]?`,
  'g',
);
const ZH_YEAR_PREFIX_YEARS: Record<string, number> = { 前: -2, 去: -1, 今: 0, 明: 1, 后: 2 };

/**
 * A bare day of month: "5号", "20日", "五号". Not after 月 (chrono handles "3月5日"), not part of a
 * longer number, and not a house/line/room number ("10号楼", "2号线") or a span ("5日内").
 */
const ZH_DAY_OF_MONTH = new RegExp(
  `(?<![月\\d./\\-年])(?:(\\d{1,2})\\s*[号日]|(?<![零〇一二三四五六七八九十两])(${CN_NUM})号)(?![楼线门店院厂位房室台车库馆桌码内后前以之])`,
  'g',
);

const EN_WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
/** Abbreviations that are also ordinary words ("I sat with them", "the sun", "c'mon"): only with a qualifier. */
const EN_AMBIGUOUS_ABBREVIATIONS = new Set(['mon', 'wed', 'sat', 'sun']);
const EN_DAY_NAMES = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun';
/**
 * "Friday", "this/next/coming/last Friday", "next week Friday", "Friday next week".
 * Groups: 1 = qualifier before, 2 = week qualifier before, 3 = day, 4 = week qualifier after.
 */
const EN_WEEKDAY_PHRASE = new RegExp(
  `\\b(?:(this|next|coming|last|past)\\s+|(next|last|this)\\s+week(?:'s)?\\s+(?:on\\s+)?)?(${EN_DAY_NAMES})\\b\\.?` +
    `(?:\\s+(?:of\\s+)?(next|last|this)\\s+week\\b)?`,
  'gi',
);
const EN_WEEK_QUALIFIER_WEEKS: Record<string, number> = { last: -1, this: 0, next: 1 };

function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) yield m;
}

/**
 * Recognises the relative words and weekdays that chrono gets wrong (see the module comment), on
 * the user's calendar day `today`. Weeks run Monday–Sunday, as on Chinese calendars, so 下周X and
 * "next X" are that weekday in next week; a bare weekday is its next occurrence, today included.
 */
function preParse(text: string, today: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (m: RegExpExecArray, date: string | null, weekday = false): void => {
    out.push({ index: m.index, end: m.index + m[0].length, date, weekday, fromPreParser: true });
  };

  for (const m of matchesOf(ZH_RELATIVE_DAY, text)) {
    add(m, addDays(today, ZH_RELATIVE_DAY_OFFSET[m[0]] ?? 0));
  }
  for (const m of matchesOf(ZH_WEEKDAY_PHRASE, text)) {
    const weekday = ZH_WEEKDAY[m[2] ?? ''] ?? 0;
    const prefix = m[1];
    add(
      m,
      prefix === undefined
        ? nextWeekdayFrom(today, weekday)
        : weekdayInWeek(today, weekday, ZH_WEEK_PREFIX_WEEKS[prefix] ?? 0),
      true,
    );
  }
  for (const m of matchesOf(ZH_MONTH_RELATIVE_DAY, text)) {
    const months = ZH_MONTH_PREFIX_MONTHS[m[1] ?? ''] ?? 0;
    const monthIndex = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + months;
    add(m, ymd(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, parseSmallNumber(m[2] ?? '')));
  }
  for (const m of matchesOf(ZH_YEAR_RELATIVE_DATE, text)) {
    const year = Number(today.slice(0, 4)) + (ZH_YEAR_PREFIX_YEARS[m[1] ?? ''] ?? 0);
    add(m, ymd(year, parseSmallNumber(m[2] ?? ''), parseSmallNumber(m[3] ?? '')));
  }
  for (const m of matchesOf(ZH_DAY_OF_MONTH, text)) {
    add(m, nextDayOfMonth(today, parseSmallNumber(m[1] ?? m[2] ?? '')));
  }
  for (const m of matchesOf(EN_WEEKDAY_PHRASE, text)) {
    const qualifier = m[1]?.toLowerCase();
    const weekQualifier = (m[2] ?? m[4])?.toLowerCase();
    const dayWord = (m[3] ?? '').toLowerCase();
    if (!qualifier && !weekQualifier && EN_AMBIGUOUS_ABBREVIATIONS.has(dayWord)) continue;
    const weekday = EN_WEEKDAYS[dayWord] ?? 0;
    let date: string;
    if (weekQualifier !== undefined) {
      date = weekdayInWeek(today, weekday, EN_WEEK_QUALIFIER_WEEKS[weekQualifier] ?? 0);
    } else if (qualifier === 'next') {
      date = weekdayInWeek(today, weekday, 1);
    } else if (qualifier === 'last' || qualifier === 'past') {
      // The most recent one strictly before today: "last Friday" on a Friday is a week ago.
      date = addDays(today, -((weekdayOf(today) - weekday + 7) % 7 || 7));
    } else {
      date = nextWeekdayFrom(today, weekday);
    }
    add(m, date, true);
  }

  // Keep the earliest, then longest, of overlapping matches.
  out.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of out) {
    const last = kept[kept.length - 1];
    if (!last || c.index >= last.end) kept.push(c);
  }
  return kept;
}

// ── chrono ──────────────────────────────────────────────────────────────────────────────────────

const HAN = /\p{Script=Han}/u;

/**
 * Explicit dates and the remaining relative phrases via chrono. The zh *strict* parser is used:
 * the casual one only adds 今天/明天-style words, which the pre-parser already handles correctly.
 */
function chronoCandidates(text: string, wallClockNow: Date, today: string): Candidate[] {
  const parsers = HAN.test(text) ? [chrono.zh.hans.strict, chrono.casual] : [chrono.casual];
  const out: Candidate[] = [];
  for (const parser of parsers) {
    for (const r of parser.parse(text, wallClockNow, { forwardDate: true })) {
      // A time alone ("下午3点"), a month alone ("March") or a weekday alone is not a date for us;
      // weekdays are the pre-parser's job.
      if (!r.start.isCertain('day')) continue;
      // "in 2 hours", "for an hour": a duration measured in hours is not a day the user named.
      if (r.tags().has('result/relativeDateAndTime') || /^for\b/i.test(r.text)) continue;
      const year = r.start.get('year');
      const month = r.start.get('month');
      const day = r.start.get('day');
      if (year === null || month === null || day === null) continue;
      let date: string | null;
      if (!r.start.isCertain('year')) {
        // chrono's forwardDate compares against an implied 12:00, so "11月27日" said on the 27th
        // after noon became next year; roll the year on calendar days instead.
        date = nextMonthDay(today, month, day);
      } else {
        // "26年3月5日" comes back as year 26.
        date = ymd(year < 100 ? year + 2000 : year, month, day);
      }
      out.push({ index: r.index, end: r.index + r.text.length, date, weekday: false, fromPreParser: false });
    }
  }
  return out;
}

/** Only whitespace, commas, brackets or dashes between a weekday and a date: "周五（3月5日）". */
const ADJACENT_GAP = /^[\s,，、()（）\-–—/:：]*$/;

/**
 * The local calendar date ('YYYY-MM-DD') that `text` refers to, or null when it names none.
 *
 * Relative words count from the user's calendar day in `opts.timeZone` at `opts.now`, never the
 * server's. Ambiguous references look forward: "周五"/"Friday" is the next Friday (today if today is
 * Friday), "3月5日"/"Mar 5" in November is next March. Explicit past words ("昨天", "上周五",
 * "last Friday", "yesterday") and explicit years are honoured as written. "下周X"/"next X" is that
 * weekday in next Monday–Sunday week. With several dates in the text, the first one wins, except
 * that a weekday right next to an explicit date defers to the date. Numeric "3/5" is month/day.
 *
 * @throws RangeError if `opts.timeZone` is not a valid time zone or `opts.now` is invalid.
 */
const BARE_WEEKDAY = /^\s*(?:on\s+)?(mon|tues?|weds?|thur?s?|fri|sat|sun)\.?\s*$/iu;
const WEEKDAY_NAMES: Record<string, string> = { mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday' };

/**
 * A weekday's short name standing alone ("Wed", "Sat.", "on Mon") can only mean that day, though
 * chrono leaves "Mon", "Wed", "Sat" and "Sun" alone because they are also words: spelled out here,
 * only when it is the whole text, so "I sat with them" stays no date.
 */
function spellOutBareWeekday(text: string): string {
  const bare = BARE_WEEKDAY.exec(text);
  return bare ? (WEEKDAY_NAMES[bare[1]!.slice(0, 3).toLowerCase()] ?? text) : text;
}

export function resolveDate(text: string, opts: ResolveDateOptions): string | null {
  if (!isValidTimeZone(opts.timeZone)) throw new RangeError(`Unknown time zone: ${opts.timeZone}`);
  // NFKC turns full-width digits and brackets ("３月５日（周五）") into the ASCII forms the patterns expect.
  const normalized = spellOutBareWeekday(text.normalize('NFKC'));
  if (normalized.trim() === '') return null;

  const local = localTimeOf(opts.now, opts.timeZone);
  const today = local.date;

  const pre = preParse(normalized, today);
  // Hide what the pre-parser took so chrono cannot re-read it with its own semantics.
  let masked = normalized;
  for (const c of pre) masked = masked.slice(0, c.index) + ' '.repeat(c.end - c.index) + masked.slice(c.end);

  // chrono reads the reference through the server's local-time getters, so hand it a Date whose
  // server-local fields are the user's wall clock; results are read back as y/m/d components,
  // never through Date, so the server's zone cancels out.
  const wallClockNow = new Date(
    Number(today.slice(0, 4)),
    Number(today.slice(5, 7)) - 1,
    Number(today.slice(8, 10)),
    local.hour,
    local.minute,
  );
  const fromChrono = masked.trim() === '' ? [] : chronoCandidates(masked, wallClockNow, today);

  const isNextToExplicitDate = (w: Candidate): boolean =>
    fromChrono.some((c) => {
      const gap = c.index >= w.end ? normalized.slice(w.end, c.index) : c.end <= w.index ? normalized.slice(c.end, w.index) : null;
      return gap !== null && ADJACENT_GAP.test(gap);
    });

  const all = [...pre.filter((c) => !(c.weekday && isNextToExplicitDate(c))), ...fromChrono];
  all.sort(
    (a, b) =>
      a.index - b.index || b.end - b.index - (a.end - a.index) || Number(b.fromPreParser) - Number(a.fromPreParser),
  );
  return all[0]?.date ?? null;
}
