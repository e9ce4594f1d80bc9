import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish } from './helpers.ts';

/**
 * The rule (README, "Time zones"): records keep the local date they were written with, and on a day a
 * rep changes their zone the team's zone decides the day and a report's lateness. The team here runs
 * on Asia/Shanghai (its manager's zone); the report deadline is 20:00.
 */
const h = useHarness();

async function team(ids: [string, string, string], english = false): Promise<void> {
  const s = h.current;
  if (english) for (const id of ids) await registerInEnglish(s, id);
  else await s.register(...ids);
  const [admin, manager, rep] = ids;
  await s.say(admin, english ? 'joining open' : '加入方式 开放');
  await s.say(admin, english ? `team create East manager ${manager}` : `创建团队 华东 经理 ${manager}`);
  await s.say(rep, english ? 'join East' : '加入团队 华东');
}

const visitDates = async () => (await h.current.db.selectFrom('visits').select('local_date').orderBy('started_at').execute()).map((v) => String(v.local_date));
const reportRows = async () => h.current.db.selectFrom('daily_reports').select(['report_date', 'late']).orderBy('report_date').execute();

describe('a rep moving their clock does not move their records (Chinese)', () => {
  it("keeps a check-in on the day it was made after the rep's zone changes", async () => {
    await team(['李四', '张三', '王五']);
    const s = h.current;
    await s.say('王五', '新客户 华为 22.54,113.95');
    s.clock.set('2026-11-27T16:30:00Z'); // Saturday 00:30 in Shanghai, still Friday in Los Angeles
    await s.say('王五', '签到 华为 22.54,113.95');
    expect(await visitDates()).toEqual(['2026-11-28']);
    s.clock.set('2026-11-28T02:00:00Z');
    await s.say('王五', '设置时区 America/Los_Angeles');
    expect(await visitDates()).toEqual(['2026-11-28']);
    // The manager's view of Friday does not gain it, Saturday keeps it.
    expect(await s.ask('张三', '团队 王五 2026-11-27')).not.toContain('华为');
    expect(await s.ask('张三', '团队 王五 2026-11-28')).toContain('华为');
  });

  it("judges a report filed after moving the clock the same day in the team's zone: late, and on the team's date", async () => {
    await team(['李四', '张三', '王五']);
    const s = h.current;
    s.clock.set('2026-11-27T13:00:00Z'); // 21:00 in Shanghai: past the deadline
    await s.say('王五', '设置时区 Europe/London'); // 13:00 in London
    expect(await s.ask('王五', '日报 今天拜访两家')).toBe('2026-11-27 日报已提交——迟交（晚于 20:00）。');
    // The next day the rep's own zone decides again: 19:00 in London is on time for 28 Nov.
    s.clock.set('2026-11-28T19:00:00Z');
    expect(await s.ask('王五', '日报 周六加班')).toBe('2026-11-28 日报已提交，辛苦了！');
    expect(await reportRows()).toEqual([
      { report_date: '2026-11-27', late: true },
      { report_date: '2026-11-28', late: false },
    ]);
  });

  it('setting the same zone again is no change', async () => {
    await team(['李四', '张三', '王五']);
    const s = h.current;
    await s.say('王五', '设置时区 Asia/Shanghai');
    const row = await s.db.selectFrom('users').select('time_zone_changed_at').where('display_name', '=', '王五').executeTakeFirstOrThrow();
    expect(row.time_zone_changed_at).toBeNull();
  });
});

describe('a rep moving their clock does not move their records (English)', () => {
  it("a report after the deadline stays late when the rep moves their clock back that day", async () => {
    await team(['Li', 'Zhang', 'Wang'], true);
    const s = h.current;
    s.clock.set('2026-11-27T12:30:00Z'); // 20:30 in Shanghai
    await s.say('Wang', 'time zone Asia/Dubai'); // 16:30 in Dubai
    expect(await s.ask('Wang', 'report visited two customers')).toBe('Daily report for 2026-11-27 submitted — late (after 20:00).');
    // A rep in no team has only their own zone.
    await registerInEnglish(s, 'Solo');
    await s.say('Solo', 'time zone Asia/Dubai');
    expect(await s.ask('Solo', 'report on my own')).toBe('Daily report for 2026-11-27 submitted. Thanks!');
  });
});
