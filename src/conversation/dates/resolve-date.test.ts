import { describe, it, expect, afterEach } from 'vitest';
import { resolveDate } from './resolve-date.ts';

// 15:30 UTC is 23:30 Friday 27 Nov in Shanghai and 07:30 the same Friday in Los Angeles.
const FRIDAY_NOV_27 = new Date('2026-11-27T15:30:00Z');
const SHANGHAI = { now: FRIDAY_NOV_27, timeZone: 'Asia/Shanghai' };
const LOS_ANGELES = { now: FRIDAY_NOV_27, timeZone: 'America/Los_Angeles' };

/** Same expectations whatever the hour on Friday 27 Nov: the result depends on the local date only. */
const ON_FRIDAY_NOV_27: Array<[string, string]> = [
  ['今天', '2026-11-27'],
  ['明天', '2026-11-28'],
  ['后天', '2026-11-29'],
  ['大后天', '2026-11-30'],
  ['昨天', '2026-11-26'],
  ['下周五', '2026-12-04'],
  ['下周一', '2026-11-30'],
  ['下周日', '2026-12-06'],
  ['下个星期三', '2026-12-02'],
  ['下礼拜天', '2026-12-06'],
  ['下下周一', '2026-12-07'],
  ['上周五', '2026-11-20'],
  ['这周一', '2026-11-23'],
  ['本周日', '2026-11-29'],
  ['周五', '2026-11-27'], // today is Friday: a bare weekday includes today
  ['周六', '2026-11-28'],
  ['周一', '2026-11-30'],
  ['星期天', '2026-11-29'],
  ['星期日', '2026-11-29'],
  ['礼拜四', '2026-12-03'],
  ['周4', '2026-12-03'],
  ['3月5日', '2027-03-05'], // already past this year → next year
  ['三月五号', '2027-03-05'],
  ['12月1日', '2026-12-01'],
  ['11月27日', '2026-11-27'], // today, even after noon
  ['Nov 27', '2026-11-27'],
  ['３月５日', '2027-03-05'], // full-width digits
  ['3/5', '2027-03-05'],
  ['2026-03-05', '2026-03-05'], // explicit year is honoured even in the past
  ['2026年3月5日', '2026-03-05'],
  ['明年3月5日', '2027-03-05'],
  ['去年3月5日', '2025-03-05'],
  ['5号', '2026-12-05'],
  ['27号', '2026-11-27'],
  ['30号', '2026-11-30'],
  ['31号', '2026-12-31'], // November has no 31st
  ['下个月5号', '2026-12-05'],
  ['3天后', '2026-11-30'],
  ['tomorrow', '2026-11-28'],
  ['today', '2026-11-27'],
  ['yesterday', '2026-11-26'],
  ['next Friday', '2026-12-04'],
  ['next Monday', '2026-11-30'],
  ['Friday', '2026-11-27'],
  ['this Friday', '2026-11-27'],
  ['Monday', '2026-11-30'],
  ['last Friday', '2026-11-20'],
  ['Friday next week', '2026-12-04'],
  ['next sat', '2026-12-05'],
  ['Mar 5', '2027-03-05'],
  ['March 5', '2027-03-05'],
  ['5 March', '2027-03-05'],
  ['Dec 1', '2026-12-01'],
  ['in 3 days', '2026-11-30'],
  ['the day after tomorrow', '2026-11-29'],
  // A weekday's short name alone (chrono leaves Mon, Wed, Sat and Sun alone as words).
  ['Wed', '2026-12-02'],
  ['wed.', '2026-12-02'],
  ['Weds', '2026-12-02'],
  ['on Mon', '2026-11-30'],
  ['Sat', '2026-11-28'],
  ['Sun', '2026-11-29'],
  ['Thurs', '2026-12-03'],
  ['周三', '2026-12-02'],
];

describe('resolveDate', () => {
  describe('on Friday 2026-11-27 at 23:30 in Asia/Shanghai', () => {
    it.each(ON_FRIDAY_NOV_27)('%s → %s', (text, expected) => {
      expect(resolveDate(text, SHANGHAI)).toBe(expected);
    });
  });

  describe('on Friday 2026-11-27 at 07:30 in America/Los_Angeles', () => {
    it.each(ON_FRIDAY_NOV_27)('%s → %s', (text, expected) => {
      expect(resolveDate(text, LOS_ANGELES)).toBe(expected);
    });
  });

  describe("counts from the user's local date, not the UTC date", () => {
    // 17:00 UTC on Fri 27 Nov is 01:00 Sat 28 Nov in Shanghai and 09:00 Fri 27 Nov in Los Angeles.
    const now = new Date('2026-11-27T17:00:00Z');

    it.each([
      ['明天', '2026-11-29'], // chrono alone says 11-28 before 02:00 ("still last night")
      ['今天', '2026-11-28'],
      ['tomorrow', '2026-11-29'],
      ['周六', '2026-11-28'],
      ['下周五', '2026-12-04'],
      ['Friday', '2026-12-04'],
    ])('Asia/Shanghai: %s → %s', (text, expected) => {
      expect(resolveDate(text, { now, timeZone: 'Asia/Shanghai' })).toBe(expected);
    });

    it.each([
      ['明天', '2026-11-28'],
      ['今天', '2026-11-27'],
      ['tomorrow', '2026-11-28'],
      ['Friday', '2026-11-27'],
    ])('America/Los_Angeles: %s → %s', (text, expected) => {
      expect(resolveDate(text, { now, timeZone: 'America/Los_Angeles' })).toBe(expected);
    });
  });

  describe('下周X / next X is that weekday in next Monday–Sunday week', () => {
    it('on a Sunday, 下周一 and next Monday are tomorrow', () => {
      const sunday = { now: new Date('2026-11-29T04:00:00Z'), timeZone: 'Asia/Shanghai' }; // Sun 12:00
      expect(resolveDate('下周一', sunday)).toBe('2026-11-30');
      expect(resolveDate('next Monday', sunday)).toBe('2026-11-30');
      expect(resolveDate('下周日', sunday)).toBe('2026-12-06');
      expect(resolveDate('周日', sunday)).toBe('2026-11-29');
      expect(resolveDate('周一', sunday)).toBe('2026-11-30');
    });

    it('on a Monday, 下周五 is 11 days later and 周五 is this week', () => {
      const monday = { now: new Date('2026-11-23T01:00:00Z'), timeZone: 'Asia/Shanghai' }; // Mon 09:00
      expect(resolveDate('下周五', monday)).toBe('2026-12-04');
      expect(resolveDate('next Friday', monday)).toBe('2026-12-04');
      expect(resolveDate('周五', monday)).toBe('2026-11-27');
      expect(resolveDate('Friday', monday)).toBe('2026-11-27');
      expect(resolveDate('last Friday', monday)).toBe('2026-11-20');
    });
  });

  it('rolls month-day dates into next year and handles year ends', () => {
    const dec31 = { now: new Date('2026-12-31T12:00:00Z'), timeZone: 'Asia/Shanghai' };
    expect(resolveDate('明天', dec31)).toBe('2027-01-01');
    expect(resolveDate('1月2日', dec31)).toBe('2027-01-02');
    expect(resolveDate('Jan 2', dec31)).toBe('2027-01-02');
    expect(resolveDate('12月31日', dec31)).toBe('2026-12-31');
    expect(resolveDate('下周一', dec31)).toBe('2027-01-04');
    expect(resolveDate('下个月5号', dec31)).toBe('2027-01-05');
  });

  it('finds the date inside a sentence', () => {
    expect(resolveDate('明天下午3点拜访华为', SHANGHAI)).toBe('2026-11-28');
    expect(resolveDate('下周五下午3点去客户那里', SHANGHAI)).toBe('2026-12-04');
    expect(resolveDate('跟进：3月5日再约', SHANGHAI)).toBe('2027-03-05');
    expect(resolveDate('follow up with Acme next Friday at 3pm', LOS_ANGELES)).toBe('2026-12-04');
    expect(resolveDate('visit them on Mar 5', LOS_ANGELES)).toBe('2027-03-05');
    expect(resolveDate('3/5去拜访', SHANGHAI)).toBe('2027-03-05');
  });

  it('lets an explicit date win over a weekday written next to it', () => {
    expect(resolveDate('周五（3月5日）', SHANGHAI)).toBe('2027-03-05');
    expect(resolveDate('Friday, March 5', LOS_ANGELES)).toBe('2027-03-05');
    expect(resolveDate('Fri 3/5', LOS_ANGELES)).toBe('2027-03-05');
  });

  it('takes the first of several dates', () => {
    expect(resolveDate('明天或者后天', SHANGHAI)).toBe('2026-11-28');
    expect(resolveDate('后天，不行就下周一', SHANGHAI)).toBe('2026-11-29');
  });

  it('returns null when there is no date', () => {
    for (const text of [
      '',
      '   ',
      '拜访了华为，聊得不错',
      '下午3点', // a time alone is not a date
      '3pm',
      'March', // a month alone is not a date
      '然后天津的客户', // 后天 inside 然后天津
      '一周三次', // a frequency, not Wednesday
      '10号楼', // a building number
      '地铁2号线',
      'I sat with them for an hour',
      'in 2 hours', // hour-level durations are not dates
      '3小时后',
      'c’mon, the sun is out',
      '2月30日', // impossible dates
      'Feb 30',
    ]) {
      expect(resolveDate(text, SHANGHAI), text).toBeNull();
    }
    // Named but impossible: February 2027 has no 30th.
    const jan = { now: new Date('2027-01-10T04:00:00Z'), timeZone: 'Asia/Shanghai' };
    expect(resolveDate('下个月30号', jan)).toBeNull();
  });

  it('throws for an unknown time zone', () => {
    expect(() => resolveDate('明天', { now: FRIDAY_NOV_27, timeZone: 'Asia/Beijing' })).toThrow(RangeError);
  });

  describe("does not depend on the server's time zone", () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      process.env.TZ = originalTz;
    });

    it.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])('server TZ=%s', (serverTz) => {
      process.env.TZ = serverTz;
      const now = new Date('2026-11-27T17:00:00Z'); // 01:00 Sat 28 Nov in Shanghai
      const sh = { now, timeZone: 'Asia/Shanghai' };
      expect(resolveDate('今天', sh)).toBe('2026-11-28');
      expect(resolveDate('明天', sh)).toBe('2026-11-29');
      expect(resolveDate('tomorrow', sh)).toBe('2026-11-29');
      expect(resolveDate('3月5日', sh)).toBe('2027-03-05');
      expect(resolveDate('Mar 5', sh)).toBe('2027-03-05');
      expect(resolveDate('周五', sh)).toBe('2026-12-04');
      // The user's wall clock (02:30 on 8 Mar) does not exist on a Los Angeles server; the date must not move.
      const springForward = { now: new Date('2026-03-07T18:30:00Z'), timeZone: 'Asia/Shanghai' };
      expect(resolveDate('明天', springForward)).toBe('2026-03-09');
      expect(resolveDate('tomorrow', springForward)).toBe('2026-03-09');
      expect(resolveDate('today', springForward)).toBe('2026-03-08');
    });
  });
});
