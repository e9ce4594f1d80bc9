/**
 * Calendar helpers for "what day/time is it for this user", independent of the server's time zone.
 *
 * Dates are plain 'YYYY-MM-DD' strings (a calendar day, no zone); arithmetic on them is done in UTC
 * so that the server's own zone and DST can never shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/**
 * Creating an Intl.DateTimeFormat is far more expensive than using one, and the bot formats
 * instants for the same few zones on every message, so formatters are cached per zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      // h23, not hour12:false: some ICU versions render midnight as "24" with hour12:false.
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date, timeZone: string): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof WallClock] = Number(p.value);
  }
  return out;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatYmd(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Parses 'YYYY-MM-DD' into UTC midnight milliseconds; throws RangeError for malformed or impossible dates. */
function parseYmd(date: string): { year: number; month: number; day: number; utcMs: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const utcMs = Date.UTC(year, month - 1, day);
  // Date.UTC silently rolls Feb 30 into March; a round trip catches impossible dates.
  const back = new Date(utcMs);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() + 1 !== month || back.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return { year, month, day, utcMs };
}

/** True when `date` is a well-formed 'YYYY-MM-DD' string naming a real calendar day. */
export function isValidLocalDate(date: string): boolean {
  try {
    parseYmd(date);
    return true;
  } catch {
    return false;
  }
}

/** True when `zone` is an IANA time zone name (or other zone id) accepted by this runtime's Intl. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date ('YYYY-MM-DD') on a wall calendar in `timeZone` at `instant`.
 * @throws RangeError for an unknown zone or an invalid Date.
 */
export function localDateOf(instant: Date, timeZone: string): string {
  const w = wallClockOf(instant, timeZone);
  return formatYmd(w.year, w.month, w.day);
}

/**
 * The calendar date and wall-clock hour (0–23) and minute in `timeZone` at `instant`.
 * @throws RangeError for an unknown zone or an invalid Date.
 */
export function localTimeOf(instant: Date, timeZone: string): { date: string; hour: number; minute: number } {
  const w = wallClockOf(instant, timeZone);
  return { date: formatYmd(w.year, w.month, w.day), hour: w.hour, minute: w.minute };
}

/**
 * Offset of `timeZone` from UTC at `instant`, in minutes east of UTC (Asia/Shanghai → 480,
 * America/Los_Angeles in winter → -480). Fractional for historic zones with second offsets.
 */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Drop the instant's milliseconds: the formatted wall clock has whole seconds only.
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return (asUtc - whole) / 60_000;
}

/**
 * The instant at which clocks in `timeZone` show `date` `time` ('HH:MM' or 'HH:MM:SS').
 *
 * Resolves DST like Temporal's "compatible" disambiguation, which is what people expect of a
 * scheduled time: a wall time skipped by a spring-forward gap (02:30 on 2026-03-08 in
 * America/Los_Angeles) is moved forward by the gap (→ 03:30 PDT); a wall time repeated by a
 * fall-back overlap (01:30 on 2026-11-01) means its first occurrence (PDT).
 * @throws RangeError for malformed date/time or an unknown zone.
 */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  const { year, month, day } = parseYmd(date);
  const t = HH_MM.exec(time);
  if (!t) throw new RangeError(`Not an HH:MM time: ${JSON.stringify(time)}`);
  const hour = Number(t[1]);
  const minute = Number(t[2]);
  const second = Number(t[3] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`Not a time of day: ${time}`);

  // The wall time read as if it were UTC; the real instant is this minus the zone's offset then.
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Offsets in force a day either side bracket any transition near this wall time (zones change
  // offset at most once a day), so each one is a candidate to test.
  const before = timeZoneOffsetMinutes(new Date(wallAsUtc - DAY_MS), timeZone);
  const after = timeZoneOffsetMinutes(new Date(wallAsUtc + DAY_MS), timeZone);
  const candidates: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = wallAsUtc - offset * 60_000;
    if (timeZoneOffsetMinutes(new Date(instant), timeZone) === offset) candidates.push(instant);
  }
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // Gap: nothing shows this wall time. Reading it with the pre-transition offset lands the same
  // distance past the transition, i.e. shifted forward by the gap length.
  return new Date(wallAsUtc - before * 60_000);
}

/** `date` moved by `n` calendar days (negative moves back). @throws RangeError for a malformed date. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  const d = new Date(parseYmd(date).utcMs + n * DAY_MS);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. @throws RangeError for a malformed date. */
export function weekdayOf(date: string): number {
  const dow = new Date(parseYmd(date).utcMs).getUTCDay();
  return dow === 0 ? 7 : dow;
}
