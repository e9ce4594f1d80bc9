import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  isValidLocalDate,
  isValidTimeZone,
  localDateOf,
  localTimeOf,
  timeZoneOffsetMinutes,
  weekdayOf,
  zonedDateTimeToInstant,
} from './local-date.ts';

const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // -11
  'America/Santiago', // DST transitions at midnight
];

describe('localDateOf / localTimeOf', () => {
  it('gives the calendar date in the zone, not in UTC', () => {
    const instant = new Date('2026-11-27T17:00:00Z');
    expect(localDateOf(instant, 'UTC')).toBe('2026-11-27');
    expect(localDateOf(instant, 'Asia/Shanghai')).toBe('2026-11-28');
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2026-11-27');
    expect(localDateOf(instant, 'Pacific/Kiritimati')).toBe('2026-11-28');
    expect(localDateOf(new Date('2026-11-27T10:30:00Z'), 'Pacific/Pago_Pago')).toBe('2026-11-26');
  });

  it('gives wall-clock hour and minute', () => {
    expect(localTimeOf(new Date('2026-11-27T15:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-11-27', hour: 23, minute: 30 });
    expect(localTimeOf(new Date('2026-11-27T15:30:00Z'), 'America/Los_Angeles')).toEqual({ date: '2026-11-27', hour: 7, minute: 30 });
    expect(localTimeOf(new Date('2026-11-27T15:30:00Z'), 'Asia/Kathmandu')).toEqual({ date: '2026-11-27', hour: 21, minute: 15 });
  });

  it('reports midnight as hour 0, never 24', () => {
    expect(localTimeOf(new Date('2026-11-27T16:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-11-28', hour: 0, minute: 0 });
  });

  it('pads years before 1000 to four digits', () => {
    expect(localDateOf(new Date(Date.UTC(999, 0, 2)), 'UTC')).toBe('0999-01-02');
  });

  it('throws for an unknown zone or an invalid Date', () => {
    expect(() => localDateOf(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDateOf(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('timeZoneOffsetMinutes', () => {
  it('follows DST', () => {
    expect(timeZoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-480);
    expect(timeZoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-420);
    expect(timeZoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(timeZoneOffsetMinutes(new Date('2026-07-15T12:00:00.999Z'), 'Asia/Kathmandu')).toBe(345);
  });
});

describe('zonedDateTimeToInstant', () => {
  it('converts ordinary wall times', () => {
    expect(zonedDateTimeToInstant('2026-11-28', '09:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-28T01:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-01-15', '09:00', 'America/Los_Angeles').toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-07-15', '09:00', 'America/Los_Angeles').toISOString()).toBe('2026-07-15T16:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-07-15', '09:00:30', 'UTC').toISOString()).toBe('2026-07-15T09:00:30.000Z');
  });

  it('handles the spring-forward day 2026-03-08 in America/Los_Angeles', () => {
    expect(zonedDateTimeToInstant('2026-03-08', '00:00', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-03-08', '01:59', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T09:59:00.000Z');
    expect(zonedDateTimeToInstant('2026-03-08', '03:00', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-03-08', '09:00', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    // 02:30 does not exist: moved forward by the one-hour gap to 03:30 PDT.
    expect(zonedDateTimeToInstant('2026-03-08', '02:30', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T10:30:00.000Z');
  });

  it('takes the first of repeated wall times on the fall-back day 2026-11-01', () => {
    expect(zonedDateTimeToInstant('2026-11-01', '01:30', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(zonedDateTimeToInstant('2026-11-01', '02:00', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-11-01', '09:00', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T17:00:00.000Z');
  });

  it('handles a midnight gap (America/Santiago, 2026-09-06 00:00 does not exist)', () => {
    const instant = zonedDateTimeToInstant('2026-09-06', '00:00', 'America/Santiago');
    expect(localTimeOf(instant, 'America/Santiago')).toEqual({ date: '2026-09-06', hour: 1, minute: 0 });
  });

  it('rejects malformed input', () => {
    expect(() => zonedDateTimeToInstant('2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2026-3-5', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2026-03-05', '24:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2026-03-05', '9am', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2026-03-05', '09:00', 'Not/AZone')).toThrow(RangeError);
  });

  it('round-trips every existing wall time (property)', () => {
    const minute = fc
      .integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 })
      .map((m) => new Date(m * 60_000));
    fc.assert(
      fc.property(minute, fc.constantFrom(...ZONES), (instant, zone) => {
        const { date, hour, minute: min } = localTimeOf(instant, zone);
        const hhmm = `${String(hour).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
        const back = zonedDateTimeToInstant(date, hhmm, zone);
        expect(localTimeOf(back, zone)).toEqual({ date, hour, minute: min });
        // In an overlap the earlier occurrence is chosen, so never later than the original.
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
      }),
      { numRuns: 500 },
    );
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects junk', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('America/Los_Angeles')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Beijing')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('  ')).toBe(false);
    expect(isValidTimeZone('GMT+8 please')).toBe(false);
  });
});

describe('addDays / weekdayOf / isValidLocalDate', () => {
  it('adds across month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-27', 1)).toBe('2026-11-28');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09'); // a DST day is still one calendar day
    expect(addDays('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('is consistent: adding n then -n is identity, and weekdays advance by n mod 7 (property)', () => {
    const date = fc.integer({ min: 0, max: 50_000 }).map((d) => addDays('1970-01-01', d));
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
        expect(((weekdayOf(d) - 1 + n) % 7 + 7) % 7 + 1).toBe(weekdayOf(addDays(d, n)));
      }),
    );
  });

  it('numbers weekdays Monday = 1 … Sunday = 7', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-27')).toBe(5);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });

  it('rejects malformed dates', () => {
    expect(() => addDays('2026-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('20261127', 1)).toThrow(RangeError);
    expect(() => addDays('2026-11-27', 1.5)).toThrow(RangeError);
    expect(() => weekdayOf('2026-13-01')).toThrow(RangeError);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
    expect(isValidLocalDate('2026-02-29')).toBe(false);
    expect(isValidLocalDate('2026-1-1')).toBe(false);
  });
});
