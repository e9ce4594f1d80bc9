import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { locationLink, registerInEnglish } from './helpers.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import { encodeSlackMessage } from '../../bots/slack/encode.ts';
import { encodeOpenApiMessage } from '../../bots/dingtalk/encode.ts';
import { encodeAppMessage } from '../../bots/wecom/encode.ts';

/**
 * Issue #13 tried as its users would (a manager reading alerts and their team's week, reps checking
 * in, a newcomer saying hello), in both languages. 2026-11-27 is a Friday; everyone is in
 * Asia/Shanghai (UTC+8); quiet hours are the default 22:00–07:00; workdays Monday to Friday.
 */
const h = useHarness();

async function inbox(id: string): Promise<string[]> {
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${encodeURIComponent(id)}`)).map((m) => m.text);
}

/** The scheduler's passes at `instant`, as the minute tick would run them. */
async function passAt(instant: string): Promise<void> {
  h.current.clock.set(instant);
  await h.current.app.scheduler.runDueNow();
  await h.current.app.delivery.drainOnce();
}

/** Posts a position to the location page the bot linked in `reply`, as the page's script does. */
async function submitOnPage(reply: string, body: Record<string, unknown>): Promise<void> {
  const token = locationLink.exec(reply)![1]!;
  const res = await h.current.app.http.request(`/c/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

/** 李四 admin; 张三 manages 华东; 王五 joins with 张三's approval and has two customers. */
async function chineseTeam(): Promise<void> {
  const s = h.current;
  await s.register('李四', '张三', '王五');
  await s.say('李四', '创建团队 华东 经理 张三');
  await s.say('王五', '加入团队 华东');
  await s.say('张三', '同意 王五');
  await s.say('王五', '新客户 华为 22.54,113.95');
  await s.say('王五', '新客户 腾讯 22.60,113.95');
  await inbox('张三');
}

describe('the simulated-position alert in Chinese', () => {
  it('calls it 模拟定位 everywhere the manager reads it: the alert, its footer, the switch and the list', async () => {
    await chineseTeam();
    const s = h.current;
    const reply = (await s.say('王五', '签到 腾讯')).join('\n');
    await submitOnPage(reply, { lat: 22.6, lng: 113.95, accuracy: 5, mocked: true });
    const [alert] = await inbox('张三');
    expect(alert).toBe('提醒：王五 10:00 在腾讯的签到，手机报告其位置为模拟定位。\n关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交、入队）；发送“提醒”查看全部。');
    expect(alert).not.toContain('虚拟');
    // The word the footer offers is one the switch understands.
    expect(await s.ask('张三', '提醒 模拟定位 关')).toBe('模拟定位提醒已关闭，每日简报里仍能看到。');
    expect(await s.ask('张三', '提醒')).toContain('• 模拟定位：关');
  });
});

describe('alerts held in quiet hours', () => {
  it('are not sent after the manager switched their kind off meanwhile; the other kinds still go, once', async () => {
    await chineseTeam();
    const s = h.current;
    s.clock.set('2026-11-27T15:00:00Z'); // 23:00
    await s.say('王五', '签到 华为 22.558,113.95');
    s.clock.set('2026-11-27T15:20:00Z');
    const reply = (await s.say('王五', '签到 腾讯')).join('\n');
    await submitOnPage(reply, { lat: 22.6, lng: 113.95, accuracy: 5, mocked: true });
    expect(await inbox('张三')).toEqual([]);
    s.clock.set('2026-11-27T15:30:00Z');
    expect(await s.ask('张三', '提醒 范围外 关')).toBe('范围外签到提醒已关闭，每日简报里仍能看到。');
    await passAt('2026-11-27T23:00:00Z'); // 07:00
    expect(await inbox('张三')).toEqual([
      '提醒：王五 23:20 在腾讯的签到，手机报告其位置为模拟定位。\n关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交、入队）；发送“提醒”查看全部。',
    ]);
    await passAt('2026-11-27T23:30:00Z');
    expect(await inbox('张三')).toEqual([]);
    // Switched on again, it reaches the manager as before (nothing held is replayed).
    expect(await s.ask('张三', '提醒 范围外 开')).toContain('范围外签到提醒已开启');
    s.clock.set('2026-11-28T00:00:00Z'); // 08:00
    await s.say('王五', '签到 华为 22.558,113.95');
    expect(await inbox('张三')).toEqual([expect.stringMatching(/^提醒：王五 08:00 在华为签到，距离客户 2\.0 公里（范围 500 米）。/u)]);
  });
});

describe('joining at once with open joining', () => {
  it('tells the manager in Chinese, as an alert: batched, a switch, held in quiet hours', async () => {
    const s = h.current;
    await s.register('李四', '张三', '王五', '赵六', '孙七');
    expect(await s.ask('李四', '加入方式 开放')).toBe('现在任何人都可以直接加入团队，无需审批。');
    await s.say('李四', '创建团队 华东 经理 张三');
    await inbox('张三');
    expect(await s.ask('王五', '加入团队 华东')).toBe('你已加入团队"华东"。');
    expect(await inbox('张三')).toEqual([
      '提醒：王五 10:00 加入了你的团队"华东"（无需审批）。发送"移出团队 王五 华东"可将其移出。\n关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交、入队）；发送“提醒”查看全部。',
    ]);
    // A second one within 10 minutes waits for the window, then comes as one message.
    s.clock.set('2026-11-27T02:05:00Z');
    await s.say('赵六', '加入团队 华东');
    expect(await inbox('张三')).toEqual([]);
    await passAt('2026-11-27T02:10:00Z');
    expect(await inbox('张三')).toEqual([expect.stringMatching(/^提醒：赵六 10:05 加入了你的团队"华东"（无需审批）。/u)]);
    // The command it offers works.
    expect(await s.ask('张三', '移出团队 王五 华东')).toContain('王五');
    // Switched off, nothing comes; the switch is listed.
    expect(await s.ask('张三', '提醒 入队 关')).toBe('无需审批的入队提醒已关闭，新成员仍会出现在每日简报里。');
    expect(await s.ask('张三', '提醒')).toContain('• 无需审批的入队：关');
    s.clock.set('2026-11-27T03:00:00Z');
    await s.say('孙七', '加入团队 华东');
    await passAt('2026-11-27T03:30:00Z');
    expect(await inbox('张三')).toEqual([]);
  });

  it('in quiet hours the manager hears of it when they end; an admin joining is told too (English)', async () => {
    const s = h.current;
    for (const id of ['Li', 'Zhang', 'Wang']) await registerInEnglish(s, id);
    await s.say('Li', 'joining open');
    await s.say('Li', 'team create East manager Zhang');
    await inbox('Zhang');
    s.clock.set('2026-11-27T15:00:00Z'); // 23:00
    expect(await s.ask('Wang', 'join East')).toBe('You joined team "East".');
    expect(await inbox('Zhang')).toEqual([]);
    await passAt('2026-11-27T23:00:00Z'); // 07:00
    expect(await inbox('Zhang')).toEqual([
      'Alert: Wang joined your team "East" at 23:00 (no approval needed). "remove Wang from East" takes them out.\nSwitch a kind off with e.g. "alerts offsite off" (or mock, late, joined); "alerts" lists them.',
    ]);
    s.clock.set('2026-11-28T02:00:00Z');
    expect(await s.ask('Li', 'join East')).toBe('You joined team "East".');
    expect(await inbox('Zhang')).toEqual([expect.stringMatching(/^Alert: Li joined your team "East" at 10:00/u)]);
    expect(await s.ask('Zhang', 'alerts joined off')).toBe('People joining without approval: alerts off. New members still appear in your digest.');
  });
});

describe("a rep's week: weekends and holidays are not missing reports", () => {
  /**
   * 王五 files on Monday 23 November and on Saturday 28; it is now Monday 30 November, 10:00. They all
   * joined that Monday morning: days before someone joined are not missing reports (not yet joined).
   */
  async function weekWithReports(english = false): Promise<void> {
    const s = h.current;
    s.clock.set('2026-11-23T01:00:00Z'); // Monday 09:00
    if (english) {
      for (const id of ['Li', 'Zhang', 'Wang']) await registerInEnglish(s, id);
      await s.say('Li', 'team create East manager Zhang');
      await s.say('Wang', 'join East');
      await s.say('Zhang', 'approve Wang');
    } else {
      await chineseTeam();
    }
    const rep = english ? 'Wang' : '王五';
    s.clock.set('2026-11-23T10:00:00Z'); // Monday 18:00
    await s.say(rep, english ? 'report visited two customers' : '日报 拜访两家');
    s.clock.set('2026-11-28T10:00:00Z'); // Saturday 18:00
    await s.say(rep, english ? 'report Saturday overtime' : '日报 周六加班');
    s.clock.set('2026-11-30T02:00:00Z');
  }

  it('`团队 王五 上周` says 休息日 for Sunday, 日报已交 for a Saturday report, and follows the team\'s workdays', async () => {
    await weekWithReports();
    const s = h.current;
    expect(await s.ask('张三', '团队 王五 上周')).toBe(
      [
        '王五的一周：2026-11-23 至 2026-11-29',
        '',
        '• 周一 2026-11-23：拜访 0（核实 0，范围外 0），日报已交',
        '• 周二 2026-11-24：拜访 0（核实 0，范围外 0），日报未交',
        '• 周三 2026-11-25：拜访 0（核实 0，范围外 0），日报未交',
        '• 周四 2026-11-26：拜访 0（核实 0，范围外 0），日报未交',
        '• 周五 2026-11-27：拜访 0（核实 0，范围外 0），日报未交',
        '• 周六 2026-11-28：拜访 0（核实 0，范围外 0），日报已交',
        '• 周日 2026-11-29：拜访 0（核实 0，范围外 0），休息日',
      ].join('\n'),
    );
    expect(await s.ask('张三', '团队 王五 2026-11-29')).toBe('王五的一天：2026-11-29 周日\n\n签到与拜访（0）\n没有签到或拜访。\n\n日报：无（休息日）');
    expect(await s.ask('张三', '团队 王五 2026-11-27')).toContain('日报：未提交');
    // The whole team on Sunday: nobody is missing a report.
    s.clock.set('2026-11-29T04:00:00Z');
    expect(await s.ask('张三', '团队')).toBe('每日简报（2026-11-29）\n\n华东：1 人，拜访 0 次（有效 0，范围外 0）；日报已交 0、迟交 0、未交 0\n王五：没有拜访；休息日，无需日报');
    // The week's digest counts Tuesday to Friday as missing: Saturday's report does not make up for one.
    s.clock.set('2026-11-30T02:00:00Z');
    expect(await s.ask('张三', '团队 上周')).toContain('王五：拜访 0 次（持平），有效 0 次（持平），范围外 0 次，客户 0 家；日报已交 2、迟交 0、未交 4');
    // A team that works Saturdays: Saturday without a report is missing then, Sunday still a day off.
    expect(await s.ask('张三', '工作日 周一至周六')).toContain('周一至周六');
    const week = (await s.ask('张三', '团队 王五 上周')).split('\n');
    expect(week[7]).toBe('• 周六 2026-11-28：拜访 0（核实 0，范围外 0），日报已交');
    expect(week[8]).toBe('• 周日 2026-11-29：拜访 0（核实 0，范围外 0），休息日');
    // A holiday (added before it comes) is a day off too.
    expect(await s.ask('张三', '节假日 添加 2026-12-02')).toContain('12');
    s.clock.set('2026-12-03T02:00:00Z');
    expect(await s.ask('张三', '团队 王五 2026-12-02')).toContain('日报：无（休息日）');
    expect(await s.ask('张三', '团队 2026-12-02')).toContain('王五：没有拜访；休息日，无需日报');
    expect(await s.ask('张三', '团队 王五 本周')).toContain('• 周二 2026-12-01：拜访 0（核实 0，范围外 0），日报未交\n• 周三 2026-12-02：拜访 0（核实 0，范围外 0），休息日');
  });

  it('`team Wang last week` in English', async () => {
    await weekWithReports(true);
    const s = h.current;
    const week = (await s.ask('Zhang', 'team Wang last week')).split('\n');
    expect(week.slice(2)).toEqual([
      '• Mon 2026-11-23: 0 visits (0 verified, 0 outside), report in',
      '• Tue 2026-11-24: 0 visits (0 verified, 0 outside), no report',
      '• Wed 2026-11-25: 0 visits (0 verified, 0 outside), no report',
      '• Thu 2026-11-26: 0 visits (0 verified, 0 outside), no report',
      '• Fri 2026-11-27: 0 visits (0 verified, 0 outside), no report',
      '• Sat 2026-11-28: 0 visits (0 verified, 0 outside), report in',
      '• Sun 2026-11-29: 0 visits (0 verified, 0 outside), day off',
    ]);
    expect(await s.ask('Zhang', 'team Wang 2026-11-29')).toContain('Daily report: none (day off)');
    expect(await s.ask('Zhang', 'team yesterday')).toContain('Wang: no visits; day off, no report due');
  });
});

describe("a newcomer's first words choose their language when the platform gives none", () => {
  it('welcomes "hello" in English in an org that speaks Chinese, and keeps replying in English', async () => {
    const s = h.current;
    await s.register('李四');
    const [welcome] = await s.say('newbie', 'hello');
    expect(welcome).toMatch(/^Welcome to Legwork, newbie! /u);
    expect(welcome).toContain('privacy?lang=en-US');
    expect(await s.ask('newbie', 'today')).not.toMatch(/\p{Script=Han}/u);
    // Chinese words, or words in no language (coordinates), get the org's Chinese.
    expect((await s.say('xiaoming', '你好'))[0]).toMatch(/^欢迎使用 Legwork，xiaoming！/u);
    expect((await s.say('xiaohong', '22.54,113.95'))[0]).toMatch(/^欢迎使用 Legwork，xiaohong！/u);
    // Someone already known keeps their language whatever they write.
    expect(await s.ask('xiaoming', 'hello')).toBe('你好，xiaoming！发送"帮助"查看我能做什么。');
  });
});

describe("the manager's view of a rep on the day the rep moved their clock", () => {
  /**
   * 王五 (team 华东, Asia/Shanghai) moves to America/Los_Angeles at 00:30 on Saturday in Shanghai,
   * still Friday morning in Los Angeles: until Saturday ends in Shanghai the team's zone decides his
   * day, so what he checks in and files is Saturday's. The manager's views must look there too.
   */
  it('团队 王五, 日报 王五 and 日报 团队 show the day his records are on (the team\'s), not his new clock\'s', async () => {
    await chineseTeam();
    const s = h.current;
    s.clock.set('2026-11-27T16:30:00Z'); // Saturday 00:30 in Shanghai, Friday 08:30 in Los Angeles
    await s.say('王五', '设置时区 America/Los_Angeles');
    await s.say('王五', '签到 华为 22.54,113.95');
    expect(await s.ask('王五', '日报 周六一早拜访华为')).toBe('2026-11-28 日报已提交，辛苦了！');
    s.clock.set('2026-11-27T17:00:00Z');
    const day = await s.ask('张三', '团队 王五');
    expect(day.split('\n')[0]).toBe('王五的一天：2026-11-28 周六');
    expect(day).toContain('华为');
    expect(day).toContain('周六一早拜访华为');
    expect(await s.ask('张三', '日报 王五')).toBe('王五的日报（2026-11-28，00:30 提交）：\n周六一早拜访华为');
    expect(await s.ask('张三', '日报 团队')).toBe('团队今天的日报\n\n团队"华东"今天的日报：已交 1/1\n• 王五：周六一早拜访华为');
    // "Yesterday" is the day before that one.
    expect((await s.ask('张三', '团队 王五 昨天')).split('\n')[0]).toBe('王五的一天：2026-11-27 周五');
    // Once Saturday has ended in Shanghai his own zone decides again: Saturday in Los Angeles.
    s.clock.set('2026-11-28T17:00:00Z'); // Sunday 01:00 in Shanghai, Saturday 09:00 in Los Angeles
    expect((await s.ask('张三', '团队 王五')).split('\n')[0]).toBe('王五的一天：2026-11-28 周六');
  });
});

describe('long answers for a team of 15', () => {
  const names = ['赵一', '钱二', '孙三', '李四四', '周五五', '吴六', '郑七', '王八', '冯九', '陈十', '褚十一', '卫十二', '蒋十三', '沈十四', '韩十五'];

  /** 15 reps in 华东, each with two visits on Friday 27 November (one off-site, with notes) and a report. */
  async function bigTeam(): Promise<void> {
    const s = h.current;
    await s.register('李四', '张三', ...names);
    await s.say('李四', '加入方式 开放');
    await s.say('李四', '创建团队 华东 经理 张三');
    await s.say('张三', '提醒 范围外 关');
    await s.say('张三', '提醒 入队 关');
    for (const [i, name] of names.entries()) {
      const lat = (22.5 + i * 0.01).toFixed(3);
      await s.say(name, '加入团队 华东');
      await s.say(name, `新客户 客户${i + 1}号 ${lat},113.95`);
      await s.say(name, `签到 客户${i + 1}号 ${lat},113.95`);
      await s.say(name, '签退 见了采购经理，谈了明年的框架协议 下一步 发报价');
      await s.say(name, `签到 客户${i + 1}号 ${(Number(lat) + 0.02).toFixed(3)},113.95`);
      if (i % 2 === 0) await s.say(name, '日报 今天拜访两家客户，进展顺利');
    }
    await inbox('张三');
  }

  /** The message the bot queued for the manager's last command, as every adapter receives it. */
  async function lastAnswer(): Promise<OutboundMessage> {
    const row = await h.current.db.selectFrom('outbox').select('message').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    return (typeof row.message === 'string' ? JSON.parse(row.message) : row.message) as OutboundMessage;
  }

  /** The answer's pages, from the one just asked for to the last, reading on with `下一页` as the manager would. */
  async function allPages(): Promise<OutboundMessage[]> {
    const pages = [await lastAnswer()];
    while (pages.at(-1)!.choices?.length) {
      await h.current.ask('张三', '下一页');
      pages.push(await lastAnswer());
    }
    return pages;
  }

  /** Every page fits each platform whole (no line left out), and together they name every rep. */
  function expectWhole(pages: OutboundMessage[]): void {
    const rendered = pages.map((message) => [
      JSON.stringify(encodeSlackMessage(message).blocks),
      JSON.stringify(encodeOpenApiMessage(message)),
      encodeAppMessage(message, 'task').map((m) => JSON.stringify(m)).join('\n'),
    ]);
    for (const platform of [0, 1, 2]) {
      const all = rendered.map((page) => page[platform]!).join('\n');
      expect(all).not.toContain('未显示');
      for (const name of names) expect(all).toContain(name);
    }
  }

  it('团队 昨天 and 团队 上周 reach the manager whole on Slack, DingTalk and WeCom, in pages (no line left out)', async () => {
    await bigTeam();
    const s = h.current;
    s.clock.set('2026-11-28T02:00:00Z');
    const yesterday = await s.ask('张三', '团队 昨天');
    expect(yesterday.split('\n')[2]).toBe('华东：15 人，拜访 30 次（有效 15，范围外 15）；日报已交 8、迟交 0、未交 7');
    expectWhole(await allPages());
    s.clock.set('2026-11-30T02:00:00Z');
    expect(await s.ask('张三', '团队 上周')).toContain('华东：拜访 30 次');
    expectWhole(await allPages());
  });
});

describe('batching and the late report, in English', () => {
  it('one message per 10 minutes: the first at once, the next ones together when the window ends, then a new window', async () => {
    const s = h.current;
    for (const id of ['Li', 'Zhang', 'Wang']) await registerInEnglish(s, id);
    await s.say('Li', 'team create East manager Zhang');
    await s.say('Wang', 'join East');
    await s.say('Zhang', 'approve Wang');
    await s.say('Wang', 'new customer Huawei 22.54,113.95');
    await s.say('Wang', 'new customer Tencent 22.60,113.95');
    await inbox('Zhang');
    await s.say('Wang', 'checkin Huawei 22.558,113.95'); // 10:00, about 2 km off
    expect(await inbox('Zhang')).toEqual([expect.stringMatching(/^Alert: Wang checked in at Huawei at 10:00, 2\.0 km from the customer \(radius 500 m\)\./u)]);
    s.clock.set('2026-11-27T02:03:00Z');
    await s.say('Wang', 'checkin Tencent 22.618,113.95');
    s.clock.set('2026-11-27T02:06:00Z');
    await s.say('Wang', 'checkin Huawei 22.558,113.95');
    expect(await inbox('Zhang')).toEqual([]);
    await passAt('2026-11-27T02:10:00Z');
    const [batch] = await inbox('Zhang');
    expect(batch!.split('\n').slice(0, 3)).toEqual([
      '2 alerts (10:03–10:06):',
      expect.stringMatching(/^• Wang checked in at Tencent at 10:03, /u),
      expect.stringMatching(/^• Wang checked in at Huawei at 10:06, /u),
    ]);
    // The batch opened a new window: an alert at 10:12 waits for 10:20, and is sent once.
    s.clock.set('2026-11-27T02:12:00Z');
    await s.say('Wang', 'checkin Tencent 22.618,113.95');
    await passAt('2026-11-27T02:19:00Z');
    expect(await inbox('Zhang')).toEqual([]);
    await passAt('2026-11-27T02:20:00Z');
    expect(await inbox('Zhang')).toEqual([expect.stringMatching(/^Alert: Wang checked in at Tencent at 10:12, /u)]);
    await passAt('2026-11-27T02:40:00Z');
    expect(await inbox('Zhang')).toEqual([]);

    // A report after the 19:00 digest: the manager hears of it; an edit is not news.
    await passAt('2026-11-27T11:00:00Z');
    expect((await inbox('Zhang'))[0]).toMatch(/^Daily digest for 2026-11-27/u);
    s.clock.set('2026-11-27T11:40:00Z');
    await s.say('Wang', 'report four visits today');
    expect(await inbox('Zhang')).toEqual([
      'Alert: Wang filed the report for 2026-11-27 at 19:40, after your digest was sent. "report Wang" shows it.\nSwitch a kind off with e.g. "alerts offsite off" (or mock, late, joined); "alerts" lists them.',
    ]);
    expect(await s.ask('Zhang', 'report Wang')).toContain('four visits today');
    s.clock.set('2026-11-27T12:00:00Z');
    await s.say('Wang', 'report four visits today, corrected');
    await passAt('2026-11-27T12:30:00Z');
    expect(await inbox('Zhang')).toEqual([]);
  });
});
