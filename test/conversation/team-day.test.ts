import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish, snapshot } from './helpers.ts';

const h = useHarness();

/**
 * 李四 admin; 张三 manages 华东 (王五, 孙七); 赵六 manages 华西. On Fri 2026-11-27 王五 planned 华为
 * and 中兴, checked in at 华为 on site and at 腾讯 1 km away, noted the 华为 visit and filed the
 * report; 孙七 did nothing.
 */
async function org() {
  const s = h.current;
  await s.register('李四', '张三', '王五', '孙七', '赵六');
  await s.say('李四', '加入方式 开放');
  await s.say('李四', '创建团队 华东 经理 张三');
  await s.say('李四', '创建团队 华西 经理 赵六');
  await s.say('王五', '加入团队 华东');
  await s.say('孙七', '加入团队 华东');
  await s.say('王五', '新客户 华为 22.54,113.95');
  await s.say('王五', '新客户 腾讯 22.55,113.95');
  await s.say('王五', '新客户 中兴 22.56,113.95');
  await s.say('王五', '计划 今天 华为 中兴');
  await s.say('王五', '签到 华为 22.54,113.95');
  await s.say('王五', '拜访 华为 谈了价格 下一步 发报价 跟进 下周五');
  await s.say('王五', '签到 腾讯 22.54,113.95');
  await s.say('王五', '日报 拜访了华为\n明天跟进报价');
}

const WANG_DAY_LINES = [
  '签到与拜访（2）',
  '• 10:00 华为：已核实，距离 0 米',
  '  备注：谈了价格',
  '  下一步：发报价（2026-12-04 跟进）',
  '• 10:00 腾讯：范围外，距离 1112 米（未签退）',
  '',
  '日报（10:00 提交）',
  '拜访了华为',
  '明天跟进报价',
  '',
];

describe("团队 张三: a person's day in Chinese", () => {
  it('the manager sees check-ins with result and distance, notes and next steps, the report and the plan', async () => {
    await org();
    expect(await h.current.ask('张三', '团队 王五')).toBe(
      [
        '王五的一天：2026-11-27 周五',
        '',
        ...WANG_DAY_LINES,
        '王五 今天（11月27日 周五）的计划（按路线顺序）：',
        '1. 华为 — 距上一站 0 米 — 已完成 ✓（位置已核实）',
        '2. 中兴 — 距上一站 2.2 公里 — 待拜访',
        '总路程 2.2 公里（从出发点算起），输入顺序已是最短。',
        // 腾讯 was visited but nobody planned it.
        '计划外拜访：腾讯',
      ].join('\n'),
    );
    // Bots render the sections natively (Block Kit, cards); the text above is the plain fallback.
    const rows = await h.current.db.selectFrom('outbox').select('message').execute();
    type Sent = { title?: string; sections: { heading?: string }[] };
    const messages = rows.map((row) => (typeof row.message === 'string' ? JSON.parse(row.message) : row.message) as Sent);
    const message = messages.find((m) => m.title === '王五的一天：2026-11-27 周五')!;
    expect(message.sections.map((section) => section.heading)).toEqual(['签到与拜访（2）', '日报（10:00 提交）', '王五 今天（11月27日 周五）的计划（按路线顺序）：']);
  });

  it('another date, 昨天, 上周, and the whole team yesterday; 团队 alone is still today\'s digest', async () => {
    await org();
    h.current.clock.set('2026-11-28T02:00:00Z');
    const yesterday = await h.current.ask('张三', '团队 王五 昨天');
    expect(yesterday).toBe(
      [
        '王五的一天：2026-11-27 周五',
        '',
        ...WANG_DAY_LINES,
        '王五 11月27日 周五的计划（按路线顺序）：',
        '1. 华为 — 距上一站 0 米 — 已完成 ✓（位置已核实）',
        '2. 中兴 — 距上一站 2.2 公里 — 未完成',
        '总路程 2.2 公里（从出发点算起），输入顺序已是最短。',
        '计划外拜访：腾讯',
      ].join('\n'),
    );
    // History looks back: 11月27日 said on 28 Nov is this year's, 周五 is the Friday just gone.
    expect(await h.current.ask('张三', '团队 王五 11月27日')).toBe(yesterday);
    expect(await h.current.ask('张三', '团队 王五 周五')).toBe(yesterday);
    expect(await h.current.ask('张三', '团队 孙七')).toBe('孙七的一天：2026-11-28 周六\n\n签到与拜访（0）\n没有签到或拜访。\n\n日报：无（休息日）');
    h.current.clock.set('2026-12-01T02:00:00Z');
    expect(await h.current.ask('张三', '团队 王五 上周')).toBe(
      [
        '王五的一周：2026-11-23 至 2026-11-29',
        '',
        // 王五 registered on Friday 27 Nov: the days before are not reports he missed.
        '• 周一 2026-11-23：未加入',
        '• 周二 2026-11-24：未加入',
        '• 周三 2026-11-25：未加入',
        '• 周四 2026-11-26：未加入',
        '• 周五 2026-11-27：拜访 2（核实 1，范围外 1），日报已交，计划完成 1/2',
        '• 周六 2026-11-28：拜访 0（核实 0，范围外 0），休息日',
        '• 周日 2026-11-29：拜访 0（核实 0，范围外 0），休息日',
      ].join('\n'),
    );
    const digest = await h.current.ask('张三', '团队 昨天');
    expect(digest.split('\n')[0]).toContain('2026-11-30');
    expect(await h.current.ask('张三', '团队')).toContain('2026-12-01');
    expect(await h.current.ask('张三', '团队 上周')).toContain('2026-11-23');
  });

  it('refuses a rep asking about a colleague and a manager of another team, naming who can see it', async () => {
    await org();
    const before = await snapshot(h.current);
    expect(await h.current.ask('孙七', '团队 王五')).toBe('只有王五的经理（张三）或管理员（李四）可以查看其一天。');
    expect(await h.current.ask('赵六', '团队 王五 昨天')).toBe('只有王五的经理（张三）或管理员（李四）可以查看其一天。');
    expect(await h.current.ask('孙七', '团队 昨天')).toContain('李四');
    expect(await snapshot(h.current)).toEqual(before);
    expect(await h.current.ask('李四', '团队 王五')).toContain('王五的一天');
    expect(await h.current.ask('王五', '团队 王五')).toContain('王五的一天');
    expect(await h.current.ask('张三', '团队 王六')).toBe('这里还没有叫"王六"的同事使用 Legwork。');
    await h.current.say('wang2', '帮助', { displayName: '王五' });
    // Two colleagues of that name: a numbered choice (same-name-people.test.ts follows it through).
    expect(await h.current.ask('张三', '团队 王五')).toMatch(/^有不止一位同事叫"王五"，是哪一位？请回复编号：\n1\. 王五（.+）\n2\. 王五（未加入团队）$/u);
  });

  it('words naming nobody answer the open question instead', async () => {
    await org();
    await h.current.say('孙七', '日报');
    expect(await h.current.ask('孙七', '团队 很给力')).toBe('2026-11-27 日报已提交，辛苦了！');
    expect(await h.current.ask('张三', '日报 孙七')).toContain('团队 很给力');
  });
});

describe("team Zhang: a person's day in English", () => {
  it('day, date, yesterday, last week, team yesterday, and the refusals', async () => {
    const s = h.current;
    for (const id of ['Li', 'Zhang', 'Wang', 'Sun', 'Zhao']) await registerInEnglish(s, id);
    await s.say('Li', 'joining open');
    await s.say('Li', 'team create East manager Zhang');
    await s.say('Li', 'team create West manager Zhao');
    await s.say('Wang', 'join East');
    await s.say('Sun', 'join East');
    await s.say('Wang', 'new customer Acme 22.54,113.95');
    await s.say('Wang', 'checkin Acme 22.55,113.95');
    await s.say('Wang', 'visit Acme: demo went well; next: send quote');
    await s.say('Wang', 'report quiet day');
    const day = [
      'Check-ins and visits (1)',
      '• 10:00 Acme: outside, 1112 m away (not checked out)',
      '  Notes: demo went well',
      '  Next step: send quote',
      '',
      'Daily report (submitted 10:00)',
      'quiet day',
    ];
    expect(await s.ask('Zhang', 'team Wang')).toBe(["Wang's day, Fri 2026-11-27", '', ...day].join('\n'));
    s.clock.set('2026-11-28T02:00:00Z');
    expect(await s.ask('Zhang', 'team Wang yesterday')).toBe(["Wang's day, Fri 2026-11-27", '', ...day].join('\n'));
    expect(await s.ask('Zhang', 'team Wang Nov 27')).toBe(["Wang's day, Fri 2026-11-27", '', ...day].join('\n'));
    expect(await s.ask('Zhang', 'team Wang someday')).toBe('No one called "Wang someday" uses Legwork here yet.');
    s.clock.set('2026-12-01T02:00:00Z');
    const week = [
      "Wang's week, 2026-11-23 to 2026-11-29",
      '',
      '• Mon 2026-11-23: not yet joined',
      '• Tue 2026-11-24: not yet joined',
      '• Wed 2026-11-25: not yet joined',
      '• Thu 2026-11-26: not yet joined',
      '• Fri 2026-11-27: 1 visit (0 verified, 1 outside), report in',
      '• Sat 2026-11-28: 0 visits (0 verified, 0 outside), day off',
      '• Sun 2026-11-29: 0 visits (0 verified, 0 outside), day off',
    ].join('\n');
    expect(await s.ask('Zhang', 'team Wang last week')).toBe(week);
    expect(await s.ask('Li', 'team Wang last week')).toBe(week);
    expect((await s.ask('Zhang', 'team yesterday')).split('\n')[0]).toBe('Daily digest for 2026-11-30');
    const before = await snapshot(s);
    expect(await s.ask('Sun', 'team Wang')).toBe("Only Wang's manager (Zhang) or an admin (Li) can see their day.");
    expect(await s.ask('Zhao', 'team Wang yesterday')).toBe("Only Wang's manager (Zhang) or an admin (Li) can see their day.");
    expect(await snapshot(s)).toEqual(before);
    expect(await s.ask('Wang', 'team Wang')).toBe("Wang's day, Tue 2026-12-01\n\nCheck-ins and visits (0)\nNo check-ins or visits.\n\nDaily report: not filed");
  });
});
