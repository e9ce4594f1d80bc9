import { describe, expect, it } from 'vitest';
import { dateRuns, parseCalendarDate, parseTimeOfDay, parseTimeWindow, parseWeekdays, weekdayRuns } from './setting-values.ts';

describe('parseWeekdays', () => {
  it.each([
    ['周一至周五', [1, 2, 3, 4, 5]],
    ['周一到周五', [1, 2, 3, 4, 5]],
    ['周一至五', [1, 2, 3, 4, 5]],
    ['星期一 星期三 星期五', [1, 3, 5]],
    ['周一、周三和周五', [1, 3, 5]],
    ['周一至周六', [1, 2, 3, 4, 5, 6]],
    ['周日至周四', [1, 2, 3, 4, 7]],
    ['礼拜天', [7]],
    ['每天', [1, 2, 3, 4, 5, 6, 7]],
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['Monday to Friday', [1, 2, 3, 4, 5]],
    ['mon,wed,fri', [1, 3, 5]],
    ['Mon, Wed and Fri', [1, 3, 5]],
    ['sat sun', [6, 7]],
    ['1-5', [1, 2, 3, 4, 5]],
    ['1,3,5', [1, 3, 5]],
    ['５－７', [5, 6, 7]],
    ['fri mon fri', [1, 5]],
  ])('%s', (text, days) => {
    expect(parseWeekdays(text)).toEqual({ ok: true, value: days });
  });

  it.each([
    ['周八', '周八'],
    ['mon-funday', 'funday'],
    ['mon, holiday', 'holiday'],
    ['8', '8'],
    ['12', '12'],
    ['mon-', 'mon-'],
  ])('names the word it cannot read: %s', (text, token) => {
    expect(parseWeekdays(text)).toEqual({ ok: false, error: 'unknownWeekday', token });
  });

  it('refuses an empty list', () => {
    expect(parseWeekdays(' , 、 ')).toEqual({ ok: false, error: 'noWorkdays' });
  });

  it('groups consecutive days for display', () => {
    expect(weekdayRuns([1, 2, 3, 5, 7])).toEqual([[1, 3], [5, 5], [7, 7]]);
  });
});

describe('parseTimeOfDay', () => {
  it.each([
    ['18:30', '18:30'],
    ['9:05', '09:05'],
    ['18', '18:00'],
    ['１８：３０', '18:30'],
    ['6pm', '18:00'],
    ['6:30 pm', '18:30'],
    ['12am', '00:00'],
    ['18点', '18:00'],
    ['下午6点半', '18:30'],
    ['晚上9点15分', '21:15'],
    ['早上7点', '07:00'],
    ['00:00', '00:00'],
  ])('%s → %s', (text, time) => {
    expect(parseTimeOfDay(text)).toBe(time);
  });

  it.each(['25:00', '18:60', '24:00', '13pm', 'soon', '1830', ''])('%s is not a time', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });
});

describe('parseTimeWindow', () => {
  it.each([
    ['22:00-07:00', { start: '22:00', end: '07:00' }],
    ['22:00 - 7:00', { start: '22:00', end: '07:00' }],
    ['晚上10点到早上7点', { start: '22:00', end: '07:00' }],
    ['12:00至13:30', { start: '12:00', end: '13:30' }],
    ['10pm to 7am', { start: '22:00', end: '07:00' }],
  ])('%s', (text, window) => {
    expect(parseTimeWindow(text)).toEqual({ ok: true, value: window });
  });

  it('says which end is not a time', () => {
    expect(parseTimeWindow('25:00-07:00')).toEqual({ ok: false, error: 'badTime', text: '25:00' });
    expect(parseTimeWindow('22:00-7:75')).toEqual({ ok: false, error: 'badTime', text: '7:75' });
  });

  it('refuses a window without two ends, or with equal ends', () => {
    expect(parseTimeWindow('22:00')).toEqual({ ok: false, error: 'badWindow' });
    expect(parseTimeWindow('22:00-')).toEqual({ ok: false, error: 'badWindow' });
    expect(parseTimeWindow('22:00-22:00')).toEqual({ ok: false, error: 'emptyWindow' });
  });
});

describe('parseCalendarDate', () => {
  const opts = { now: new Date('2026-11-27T02:00:00Z'), timeZone: 'Asia/Shanghai' }; // Friday 10:00

  it.each([
    ['2026-10-01', '2026-10-01'],
    ['2026/1/5', '2026-01-05'],
    ['2027.02.28', '2027-02-28'],
    ['10月1日', '2027-10-01'],
    ['12月31日', '2026-12-31'],
    ['Oct 1', '2027-10-01'],
    ['Jan 3', '2027-01-03'],
    ['明天', '2026-11-28'],
    ['下周一', '2026-11-30'],
  ])('%s → %s', (text, date) => {
    expect(parseCalendarDate(text, opts)).toBe(date);
  });

  it.each(['2026-13-01', '2026-02-30', 'someday', '32', ''])('%s is not a date', (text) => {
    expect(parseCalendarDate(text, opts)).toBeNull();
  });

  it('groups consecutive dates, across month ends', () => {
    expect(dateRuns(['2026-10-02', '2026-09-30', '2026-10-01', '2026-10-05'])).toEqual([
      ['2026-09-30', '2026-10-02'],
      ['2026-10-05', '2026-10-05'],
    ]);
  });
});
