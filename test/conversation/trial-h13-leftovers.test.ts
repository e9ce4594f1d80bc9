import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish } from './helpers.ts';

/**
 * Issue #13's leftovers from the roles trial, through the chat: a rep's week and day for the manager
 * (away days, days before joining), an admin's 日报 团队 (people in no team), and 签到范围 alone.
 * Everyone registers on Fri 2026-11-27 in Asia/Shanghai (UTC+8).
 */
const h = useHarness();

/** 10:00 in Shanghai on local `date`. */
const at = (date: string) => `${date}T02:00:00Z`;

describe("a rep's week and day: away days and days before joining are not missing reports", () => {
  /**
   * 张三 manages 华东 with 王五. Week of 30 Nov: 王五 says 请假 到 周三 on Monday but is back
   * (恢复) on Wednesday, files Wednesday's report, and nothing after.
   */
  async function awayWeek(lang: 'zh' | 'en') {
    const s = h.current;
    const zh = lang === 'zh';
    const [admin, manager, rep] = zh ? ['李四', '张三', '王五'] : ['Li', 'Zhang', 'Wang'];
    if (zh) await s.register(admin, manager, rep);
    else for (const who of [admin, manager, rep]) await registerInEnglish(s, who);
    await s.say(admin, zh ? '加入方式 开放' : 'joining open');
    await s.say(admin, zh ? `创建团队 华东 经理 ${manager}` : `team create East manager ${manager}`);
    await s.say(rep, zh ? '加入团队 华东' : 'join East');
    s.clock.set(at('2026-11-30'));
    await s.say(rep, zh ? '请假 到 周三' : 'away until Wed');
    s.clock.set(at('2026-12-02'));
    await s.say(rep, zh ? '恢复' : 'back');
    await s.say(rep, zh ? '日报 整理客户资料' : 'report sorted customer files');
    s.clock.set(at('2026-12-07'));
    return { manager, rep };
  }

  it('zh: 上周 says 请假 on away days and 未加入 before he joined; a day says so too', async () => {
    const { manager } = await awayWeek('zh');
    expect(await h.current.ask(manager, '团队 王五 上周')).toBe(
      [
        '王五的一周：2026-11-30 至 2026-12-06',
        '',
        '• 周一 2026-11-30：拜访 0（核实 0，范围外 0），请假',
        '• 周二 2026-12-01：拜访 0（核实 0，范围外 0），请假',
        // Back on Wednesday: that day counts, and he filed.
        '• 周三 2026-12-02：拜访 0（核实 0，范围外 0），日报已交',
        '• 周四 2026-12-03：拜访 0（核实 0，范围外 0），日报未交',
        '• 周五 2026-12-04：拜访 0（核实 0，范围外 0），日报未交',
        '• 周六 2026-12-05：拜访 0（核实 0，范围外 0），休息日',
        '• 周日 2026-12-06：拜访 0（核实 0，范围外 0），休息日',
      ].join('\n'),
    );
    expect(await h.current.ask(manager, '团队 王五 12月1日')).toBe('王五的一天：2026-12-01 周二\n\n签到与拜访（0）\n没有签到或拜访。\n\n日报：无（请假）');
    expect(await h.current.ask(manager, '团队 王五 12月3日')).toBe('王五的一天：2026-12-03 周四\n\n签到与拜访（0）\n没有签到或拜访。\n\n日报：未提交');
    expect(await h.current.ask(manager, '团队 王五 11月26日')).toBe('王五的一天：2026-11-26 周四\n\n签到与拜访（0）\n没有签到或拜访。\n\n日报：无（当时还未加入）');
    h.current.clock.set(at('2026-11-30'));
    expect(await h.current.ask(manager, '团队 王五 上周')).toBe(
      [
        '王五的一周：2026-11-23 至 2026-11-29',
        '',
        '• 周一 2026-11-23：未加入',
        '• 周二 2026-11-24：未加入',
        '• 周三 2026-11-25：未加入',
        '• 周四 2026-11-26：未加入',
        '• 周五 2026-11-27：拜访 0（核实 0，范围外 0），日报未交',
        '• 周六 2026-11-28：拜访 0（核实 0，范围外 0），休息日',
        '• 周日 2026-11-29：拜访 0（核实 0，范围外 0），休息日',
      ].join('\n'),
    );
  });

  it("zh: the team's day (the daily digest) says 请假 for him on an away day, not 日报未交", async () => {
    const { manager } = await awayWeek('zh');
    expect(await h.current.ask(manager, '团队 12月1日')).toContain('王五：没有拜访；请假');
    expect(await h.current.ask(manager, '团队 12月3日')).toContain('王五：没有拜访；日报未交');
  });

  it('en: last week says away and not yet joined, a day says away', async () => {
    const { manager } = await awayWeek('en');
    const week = (await h.current.ask(manager, 'team Wang last week')).split('\n');
    expect(week.slice(2, 5)).toEqual([
      '• Mon 2026-11-30: 0 visits (0 verified, 0 outside), away',
      '• Tue 2026-12-01: 0 visits (0 verified, 0 outside), away',
      '• Wed 2026-12-02: 0 visits (0 verified, 0 outside), report in',
    ]);
    expect(await h.current.ask(manager, 'team Wang Nov 30')).toBe("Wang's day, Mon 2026-11-30\n\nCheck-ins and visits (0)\nNo check-ins or visits.\n\nDaily report: none (away)");
    expect(await h.current.ask(manager, 'team Wang Nov 26')).toBe("Wang's day, Thu 2026-11-26\n\nCheck-ins and visits (0)\nNo check-ins or visits.\n\nDaily report: none (not yet joined)");
    expect(await h.current.ask(manager, 'team Nov 30')).toContain('Wang: no visits; away');
  });
});

describe('the weekly digest counts only the reports a rep owed', () => {
  it('not the days before they joined, nor the days they were away', async () => {
    const s = h.current;
    await s.register('李四', '张三', '王五');
    await s.say('李四', '加入方式 开放');
    await s.say('李四', '创建团队 华东 经理 张三');
    await s.say('王五', '加入团队 华东');
    // Joined Friday 27 November: of that week only the Friday was owed.
    s.clock.set(at('2026-11-30'));
    expect(await s.ask('张三', '团队 上周')).toContain('王五：拜访 0 次（持平），有效 0 次（持平），范围外 0 次，客户 0 家；日报已交 0、迟交 0、未交 1；');
    // Away Monday and Tuesday, back and filed on Wednesday, nothing Thursday and Friday: 2 missing, not 4.
    await s.say('王五', '请假 到 周三');
    s.clock.set(at('2026-12-02'));
    await s.say('王五', '恢复');
    await s.say('王五', '日报 整理客户资料');
    s.clock.set(at('2026-12-07'));
    expect(await s.ask('张三', '团队 上周')).toContain('日报已交 1、迟交 0、未交 2；');
  });
});

describe("an admin's 日报 团队 lists the reps in no team too", () => {
  it('zh: a group 不在任何团队 after the teams; a manager sees only their team', async () => {
    const s = h.current;
    await s.register('李四', '张三', '王五', '孙七', '周八');
    await s.say('李四', '加入方式 开放');
    await s.say('李四', '创建团队 华东 经理 张三');
    await s.say('王五', '加入团队 华东');
    await s.say('王五', '日报 拜访了华为');
    await s.say('孙七', '日报 整理了报价');
    expect(await s.ask('李四', '日报 团队')).toBe(
      ['团队今天的日报', '', '团队"华东"今天的日报：已交 1/1', '• 王五：拜访了华为', '', '不在任何团队的销售今天的日报：已交 1/2', '• 周八：未交', '• 孙七：整理了报价'].join('\n'),
    );
    expect(await s.ask('张三', '日报 团队')).toBe(['团队今天的日报', '', '团队"华东"今天的日报：已交 1/1', '• 王五：拜访了华为'].join('\n'));
  });

  it('en: "In no team"', async () => {
    const s = h.current;
    for (const who of ['Li', 'Zhang', 'Wang', 'Sun']) await registerInEnglish(s, who);
    await s.say('Li', 'joining open');
    await s.say('Li', 'team create East manager Zhang');
    await s.say('Wang', 'join East');
    await s.say('Sun', 'report quiet day');
    expect(await s.ask('Li', 'report team')).toBe(
      ['Team daily reports today', '', 'Team "East" daily reports today: 0 of 1 in', '• Wang: not yet', '', 'In no team, daily reports today: 1 of 1 in', '• Sun: quiet day'].join('\n'),
    );
  });
});

describe('签到范围 / radius alone shows the radius now', () => {
  it('zh: everyone is told the radius; the admin also how to change it; after a change it says the new one', async () => {
    const s = h.current;
    await s.register('李四', '王五');
    expect(await s.ask('王五', '签到范围')).toBe('公司的签到范围是 500 米：距客户 500 米以内签到算在现场（设置了自己范围的客户按各自的范围）。');
    expect(await s.ask('李四', '签到范围')).toBe(
      '公司的签到范围是 500 米：距客户 500 米以内签到算在现场（设置了自己范围的客户按各自的范围）。\n要修改，请发送"签到范围 300米"。',
    );
    await s.say('李四', '签到范围 300米');
    expect(await s.ask('王五', '签到范围')).toContain('公司的签到范围是 300 米');
  });

  it('en: radius', async () => {
    const s = h.current;
    for (const who of ['Li', 'Wang']) await registerInEnglish(s, who);
    expect(await s.ask('Li', 'radius')).toBe(
      'The company check-in radius is 500 m: a check-in within 500 m of the customer counts as on site (customers with their own radius keep it).\nTo change it, send "radius 300m".',
    );
    expect(await s.ask('Wang', 'check-in radius')).toBe(
      'The company check-in radius is 500 m: a check-in within 500 m of the customer counts as on site (customers with their own radius keep it).',
    );
  });
});
