import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, minutes, registerInEnglish, snapshot } from './helpers.ts';

const h = useHarness();

async function reports() {
  return h.current.db.selectFrom('daily_reports').selectAll().orderBy('report_date').execute();
}

/** A day with one verified and one off-site check-in, notes with a follow-up, and a note-only visit. */
async function busyDay(language: 'zh' | 'en') {
  const say = (zh: string, en: string) => h.current.say('alice', language === 'zh' ? zh : en);
  await say('新客户 华为 22.54,113.95', 'new customer 华为 22.54,113.95');
  await say('新客户 腾讯 22.54,113.93', 'new customer 腾讯 22.54,113.93');
  await say('新客户 小米', 'new customer 小米');
  await say('签到 华为 22.54,113.95', 'checkin 华为 22.54,113.95');
  await say('拜访 华为 演示顺利 下一步 发报价 跟进 下周五', 'visit 华为: demo went well; next: send quote; follow up: next Friday');
  h.current.clock.advance(minutes(60));
  await say('签到 腾讯 22.60,113.93', 'checkin 腾讯 22.60,113.93');
  h.current.clock.advance(minutes(60));
  await say('签退 见了前台', 'checkout met reception');
  await say('拜访 小米 电话沟通', 'visit 小米: phone call');
}

describe('daily report in Chinese', () => {
  it('日报 shows the day’s summary, then the next free text submits it', async () => {
    await h.current.register('alice');
    await busyDay('zh');
    h.current.clock.set('2026-11-27T10:00:00Z'); // 18:00 in Shanghai

    const summary = await h.current.ask('alice', '日报');
    expect(summary).toContain('2026-11-27 日报');
    expect(summary).toContain('拜访：3 次（核实 1，范围外 1，未核实 0，无签到 1）');
    expect(summary).toContain('客户：华为、腾讯、小米');
    expect(summary).toContain('• 华为：演示顺利；下一步：发报价（2026-12-04 跟进）');
    expect(summary).toContain('• 腾讯：见了前台');
    expect(summary).toContain('设置跟进：1 个');
    expect(summary).toContain('请回复你自己的总结');
    expect(await countRows(h.current, 'daily_reports')).toBe(0);

    expect(await h.current.ask('alice', '完成三家拜访 明天跟进报价')).toBe('2026-11-27 日报已提交，辛苦了！');
    const [row] = await reports();
    expect(row).toMatchObject({ report_date: '2026-11-27', body: '完成三家拜访 明天跟进报价', late: false, revision: 1 });
    expect(row!.summary).toMatchObject({ visits: 3, verified: 1, outside: 1, noteOnly: 1, followUps: 1 });
    expect(new Date(row!.submitted_at).toISOString()).toBe('2026-11-27T10:00:00.000Z');

    // Submitted: free text is not a report any more.
    expect(await h.current.ask('alice', '另外一句话')).toContain('没看懂');
    expect((await reports())[0]?.revision).toBe(1);
  });

  it('files "拜访了3家客户 明天跟进报价" as the report the bot asked for', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '日报');
    expect(await h.current.ask('alice', '拜访了3家客户 明天跟进报价')).toBe('2026-11-27 日报已提交，辛苦了！');
    expect(await countRows(h.current, 'daily_reports')).toBe(1);
  });

  it('日报 <内容> submits directly; resubmitting edits the same report (revision 2)', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '日报 今天跑了两家')).toBe('2026-11-27 日报已提交，辛苦了！');
    h.current.clock.advance(minutes(60));
    expect(await h.current.ask('alice', '日报 今天跑了三家')).toBe('2026-11-27 日报已更新。');
    const rows = await reports();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ body: '今天跑了三家', revision: 2, late: false });
  });

  it('日报 again after submitting says so, and the reply edits the report', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '日报 第一版');
    const summary = await h.current.ask('alice', '日报');
    expect(summary).toContain('你已在 10:00 提交了今天的日报，再次回复会修改它');
    expect(summary).toContain('拜访：0 次');
    expect(await h.current.ask('alice', '第二版')).toBe('2026-11-27 日报已更新。');
    expect(await reports()).toMatchObject([{ body: '第二版', revision: 2 }]);
  });

  it('marks a report after 20:00 local time as late', async () => {
    await h.current.register('alice');
    h.current.clock.set('2026-11-27T12:30:00Z'); // 20:30 in Shanghai
    expect(await h.current.ask('alice', '日报 晚了点')).toBe('2026-11-27 日报已提交——迟交（晚于 20:00）。');
    expect(await reports()).toMatchObject([{ report_date: '2026-11-27', late: true }]);
  });

  it('is not late at 19:59 local time', async () => {
    await h.current.register('alice');
    h.current.clock.set('2026-11-27T11:59:00Z');
    expect(await h.current.ask('alice', '日报 刚好')).toBe('2026-11-27 日报已提交，辛苦了！');
    expect(await reports()).toMatchObject([{ late: false }]);
  });

  it('files a report after local midnight for the new local date', async () => {
    await h.current.register('alice');
    h.current.clock.set('2026-11-27T16:30:00Z'); // 00:30 on 28 Nov in Shanghai
    expect(await h.current.ask('alice', '日报 凌晨补交')).toBe('2026-11-28 日报已提交，辛苦了！');
    expect(await reports()).toMatchObject([{ report_date: '2026-11-28', late: false }]);
  });
});

describe('daily report in English', () => {
  it('report shows the summary, then the next free text submits it', async () => {
    await registerInEnglish(h.current, 'alice');
    await busyDay('en');
    const summary = await h.current.ask('alice', 'report');
    expect(summary).toContain('Daily report for 2026-11-27');
    expect(summary).toContain('Visits: 3 (verified 1, outside 1, unverified 0, without check-in 1)');
    expect(summary).toContain('Customers: 华为, 腾讯, 小米');
    expect(summary).toContain('• 华为: demo went well; next: send quote (follow up 2026-12-04)');
    expect(summary).toContain('Follow-ups set: 1');
    expect(summary).toContain('Reply with your own words');

    expect(await h.current.ask('alice', 'Three visits, quote follows next week')).toBe(
      'Daily report for 2026-11-27 submitted. Thanks!',
    );
    expect(await reports()).toMatchObject([{ body: 'Three visits, quote follows next week', revision: 1, late: false }]);
  });

  it('report <text> submits directly; resubmitting updates it; late after 20:00', async () => {
    await registerInEnglish(h.current, 'alice');
    expect(await h.current.ask('alice', 'report Visited two customers')).toBe('Daily report for 2026-11-27 submitted. Thanks!');
    h.current.clock.set('2026-11-27T12:05:00Z'); // 20:05 in Shanghai
    expect(await h.current.ask('alice', 'daily report Visited three customers')).toBe('Daily report for 2026-11-27 updated (late).');
    expect(await reports()).toMatchObject([{ body: 'Visited three customers', revision: 2, late: true }]);
  });

  it('a first report after the deadline says it is late', async () => {
    await registerInEnglish(h.current, 'alice');
    h.current.clock.set('2026-11-27T13:00:00Z');
    expect(await h.current.ask('alice', 'report Sorry, late')).toBe('Daily report for 2026-11-27 submitted — late (after 20:00).');
  });

  it('abandons the question when another command comes instead', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'report');
    await h.current.say('alice', 'today');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', 'did some stuff')).toContain('I didn\'t understand "did some stuff".');
    expect(await snapshot(h.current)).toEqual(before);
  });
});

describe('late reports across a time-zone boundary', () => {
  it('judges lateness and the report date on the rep’s own clock (America/Los_Angeles)', async () => {
    await h.current.register('alice', 'bob');
    await registerInEnglish(h.current, 'bob');
    expect(await h.current.ask('bob', 'timezone America/Los_Angeles')).toContain('Time zone set to America/Los_Angeles');

    // 03:30Z on 28 Nov is 19:30 on 27 Nov in Los Angeles: on time, for the 27th.
    h.current.clock.set('2026-11-28T03:30:00Z');
    expect(await h.current.ask('bob', 'report On time in LA')).toBe('Daily report for 2026-11-27 submitted. Thanks!');
    // At the same instant it is 11:30 on the 28th in Shanghai: alice files for the 28th, on time.
    expect(await h.current.ask('alice', '日报 上海的周六')).toBe('2026-11-28 日报已提交，辛苦了！');

    // 04:30Z is 20:30 on 27 Nov in Los Angeles: the same report, now late.
    h.current.clock.set('2026-11-28T04:30:00Z');
    expect(await h.current.ask('bob', 'report Edited in LA')).toBe('Daily report for 2026-11-27 updated (late).');

    const rows = await h.current.db
      .selectFrom('daily_reports')
      .innerJoin('users', 'users.id', 'daily_reports.user_id')
      .select(['users.display_name', 'report_date', 'late', 'revision'])
      .orderBy('display_name')
      .execute();
    expect(rows).toEqual([
      { display_name: 'alice', report_date: '2026-11-28', late: false, revision: 1 },
      { display_name: 'bob', report_date: '2026-11-27', late: true, revision: 2 },
    ]);
  });

  it('a first report at 04:30Z from Los Angeles is late for 27 Nov', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '设置时区 America/Los_Angeles');
    h.current.clock.set('2026-11-28T04:30:00Z');
    expect(await h.current.ask('alice', '日报 洛杉矶晚上')).toBe('2026-11-27 日报已提交——迟交（晚于 20:00）。');
    expect(await reports()).toMatchObject([{ report_date: '2026-11-27', late: true }]);
  });

  it('the LA summary counts the visits of the LA day, not the Shanghai day', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '设置时区 America/Los_Angeles');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    // 26 Nov 18:00 in LA.
    await h.current.say('alice', '签到 华为 22.54,113.95');
    await h.current.say('alice', '签退 好');
    // 27 Nov 09:00 in LA (and 28 Nov 01:00 in Shanghai): a new day with no visits yet.
    h.current.clock.set('2026-11-27T17:00:00Z');
    expect(await h.current.ask('alice', '日报')).toContain('拜访：0 次');
  });
});
