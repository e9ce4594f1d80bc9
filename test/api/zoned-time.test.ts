import { describe, expect, it } from 'vitest';
import { zonedFormatter } from '../../src/http/api/zoned-time.ts';

/** The obvious, slow way: Intl's wall clock and offset for each instant on its own. */
const intl = new Map<string, Intl.DateTimeFormat>();
function reference(ms: number, timeZone: string): string {
  let f = intl.get(timeZone);
  if (!f) intl.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })));
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  const abs = Math.abs(offset);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

// Whole-hour, half-hour and quarter-hour offsets; DST north and south, Lord Howe's half-hour DST, Dublin's "negative" DST.
const zones = ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Europe/Dublin', 'Asia/Tehran', 'UTC'];

describe('zonedFormatter', () => {
  it('gives the local time and offset Intl gives, every 37 minutes or so across a year of DST changes, in time order as exports read', () => {
    for (const zone of zones) {
      const format = zonedFormatter(zone);
      const start = Date.UTC(2026, 0, 1);
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 37 * 60_000 + 13_250) {
        const got = format(new Date(ms));
        if (got !== reference(ms, zone)) expect(`${zone} ${new Date(ms).toISOString()} → ${got}`).toBe(`… → ${reference(ms, zone)}`);
      }
    }
  });

  it('gives the same text for instants out of order, as strings, before 1970, and null for nothing', () => {
    const format = zonedFormatter('America/New_York');
    const instants = [Date.UTC(2026, 2, 8, 7, 0, 0), Date.UTC(1950, 5, 1, 12, 30, 1), Date.UTC(2026, 2, 8, 6, 59, 59, 999), Date.UTC(2026, 10, 1, 5, 59, 59), Date.UTC(2026, 10, 1, 6, 0, 0), Date.UTC(1969, 11, 31, 23, 59, 59, 500)];
    for (const ms of instants) {
      expect(format(new Date(ms))).toBe(reference(ms, 'America/New_York'));
      expect(format(new Date(ms).toISOString())).toBe(reference(ms, 'America/New_York'));
    }
    expect(format(new Date(Date.UTC(2026, 2, 8, 7)))).toBe('2026-03-08T03:00:00-04:00');
    expect(format(null)).toBeNull();
    expect(format('not a time')).toBeNull();
  });
});
