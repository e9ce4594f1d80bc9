import { describe, expect, it } from 'vitest';
import { useHarness, type TestHarness } from '../support/test-app.ts';
import { registerInEnglish, snapshot } from './helpers.ts';

/**
 * Visit plans (issue 14) through the local chat. The harness starts on Friday 2026-11-27 at 10:00
 * in Shanghai, so 明天 / tomorrow is Saturday 11-28 and 周一 / Mon is 11-30.
 * 腾讯 (113.93), 中兴 (113.94) and 华为 (113.95) lie on one line about 1 km apart.
 */
const h = useHarness();
const day = 86_400_000;

async function customers(s: TestHarness, user: string, english = false): Promise<void> {
  const word = english ? 'new customer' : '新客户';
  const names = english ? ['Huawei', 'Tencent', 'ZTE'] : ['华为', '腾讯', '中兴'];
  await s.say(user, `${word} ${names[0]} 22.54,113.95`);
  await s.say(user, `${word} ${names[1]} 22.54,113.93`);
  await s.say(user, `${word} ${names[2]} 22.54,113.94`);
}

async function plans(s: TestHarness) {
  return s.db
    .selectFrom('visit_plans as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select(['c.name', 'p.local_date', 'p.planned_minute', 'p.purpose', 'p.expected_result', 'p.state'])
    .orderBy('p.typed_seq')
    .execute();
}

async function inbox(s: TestHarness, user: string): Promise<string[]> {
  return (await s.newMessages(`/local/inbox/${user}`)).map((m) => m.text);
}

describe('planning visits in Chinese', () => {
  it('计划 with time, purpose and expected result; 计划 明天 lists the stops in route order with the saving', async () => {
    const s = h.current;
    await s.register('ann');
    await customers(s, 'ann');
    expect(await s.ask('ann', '计划 明天 华为 10:00 目的 演示新品 预期 拿到报价反馈')).toBe(
      '已计划 明天（11月28日 周六）：华为 10:00。当天共 1 站，发送「计划 2026-11-28」查看路线。',
    );
    expect(await s.ask('ann', '计划 明天 腾讯 中兴')).toBe('已计划 明天（11月28日 周六）：腾讯、中兴。当天共 3 站，发送「计划 2026-11-28」查看路线。');
    expect(await s.ask('ann', '计划 明天')).toBe(
      [
        '明天（11月28日 周六）的计划（按路线顺序）：',
        '1. 腾讯 — 待拜访',
        '2. 中兴 — 距上一站 1.0 公里 — 待拜访',
        '3. 10:00 华为 — 目的：演示新品 — 预期：拿到报价反馈 — 距上一站 1.0 公里 — 待拜访',
        '总路程 2.1 公里，比输入顺序少 1.0 公里。',
      ].join('\n'),
    );
    expect(await s.ask('ann', '计划 本周')).toBe('11月23日 周一至11月29日 周日的计划：\n• 明天（11月28日 周六）：腾讯、中兴、华为（3 站，已完成 0，2.1 公里）');
    expect(await s.ask('ann', '计划')).toBe('今天（11月27日 周五）还没有计划。计划拜访：计划 明天 华为 10:00');
    // With a start point west of everything the route starts there.
    expect(await s.ask('ann', '设置出发点 22.54,113.90')).toBe('出发点已设为 22.54000,113.90000。当天首次签到前，路线从这里出发。');
    expect((await s.ask('ann', '计划 明天')).split('\n').slice(1, 2)).toEqual(['1. 腾讯 — 距上一站 3.1 公里 — 待拜访']);
  });

  it('设置出发点 without coordinates takes the next location message as the start point', async () => {
    const s = h.current;
    await s.register('ann');
    expect(await s.ask('ann', '设置出发点')).toBe('请现在发送出发点的位置，或直接输入：设置出发点 22.54,113.95');
    expect(await s.ask('ann', undefined, { location: { lat: 22.54, lng: 113.9, system: 'wgs84' } })).toBe(
      '出发点已设为 22.54000,113.90000。当天首次签到前，路线从这里出发。',
    );
    expect(await s.db.selectFrom('plan_start_points').select(['lat', 'lng']).execute()).toEqual([{ lat: 22.54, lng: 113.9 }]);
  });

  it('取消计划 and 改期 change one stop; the rest stays', async () => {
    const s = h.current;
    await s.register('ann');
    await customers(s, 'ann');
    await s.say('ann', '计划 明天 华为 腾讯 中兴');
    expect(await s.ask('ann', '取消计划 腾讯')).toBe('已取消 明天（11月28日 周六）对 腾讯 的拜访计划。');
    expect(await s.ask('ann', '改期 中兴 周一 14:00')).toBe('已把 中兴 从明天（11月28日 周六）改到11月30日 周一 14:00。');
    expect(await s.ask('ann', '计划 明天')).toBe(['明天（11月28日 周六）的计划（按路线顺序）：', '1. 华为 — 待拜访', '✗ 腾讯 — 已取消'].join('\n'));
    expect(await s.ask('ann', '取消计划 腾讯')).toBe('腾讯 没有待拜访的计划。发送「计划 本周」查看计划。');
    expect(await plans(s)).toEqual([
      { name: '华为', local_date: '2026-11-28', planned_minute: null, purpose: null, expected_result: null, state: 'planned' },
      { name: '腾讯', local_date: '2026-11-28', planned_minute: null, purpose: null, expected_result: null, state: 'cancelled' },
      { name: '中兴', local_date: '2026-11-30', planned_minute: 840, purpose: null, expected_result: null, state: 'planned' },
    ]);
  });

  it('bad input gets a specific answer and changes nothing', async () => {
    const s = h.current;
    await s.register('ann');
    await customers(s, 'ann');
    const before = await snapshot(s);
    const rowsBefore = await plans(s);
    expect(await s.ask('ann', '计划 昨天 华为')).toBe('11月26日 周四已经过去，只能计划今天或以后。未做任何计划。');
    expect(await s.ask('ann', '计划 明天 华为 25:00')).toBe('"25:00"不是有效的时间（可以写 10:00、14:30、下午3点）。未做任何计划。');
    expect(await s.ask('ann', '计划 今天 华为 9:00')).toBe('今天 09:00 已经过了。未做任何计划。');
    expect(await s.ask('ann', '计划 明天 华为 腾讯 9:00')).toBe('时间只能对应一个客户：带时间的拜访请逐个计划。未做任何计划。');
    expect(await s.ask('ann', '改期 华为 周一')).toBe('华为 没有待拜访的计划。发送「计划 本周」查看计划。');
    expect(await s.ask('ann', '设置出发点 95,200')).toBe('坐标超出范围：纬度须在 -90 到 90 之间，经度须在 -180 到 180 之间。');
    expect(await snapshot(s)).toEqual(before);
    expect(await plans(s)).toEqual(rowsBefore);
  });

  it('more than 25 stops on one day are refused', async () => {
    const s = h.current;
    await s.register('ann');
    const names = Array.from({ length: 26 }, (_, i) => `客户${i + 1}`);
    for (const name of names) await s.say('ann', `新客户 ${name}`);
    expect(await s.ask('ann', `计划 明天 ${names.slice(0, 25).join(' ')}`)).toContain('当天共 25 站');
    expect(await s.ask('ann', `计划 明天 ${names[25]}`)).toBe('一天最多 25 站，明天（11月28日 周六）已有 25 站。未做任何计划。');
  });

  it('the plan follows the work: a check-in marks the stop done, an open stop of a past day is missed', async () => {
    const s = h.current;
    await s.register('ann');
    await customers(s, 'ann');
    await s.say('ann', '计划 今天 华为 腾讯');
    await s.say('ann', '签到 华为 22.54,113.95');
    const today = (await s.ask('ann', '计划')).split('\n');
    expect(today).toEqual([
      '今天（11月27日 周五）的计划（按路线顺序）：',
      '1. 华为 — 距上一站 0 米 — 已完成 ✓（位置已核实）',
      '2. 腾讯 — 距上一站 2.1 公里 — 待拜访',
      // The stop still to do carries its check-in link (the local chat shows links in the text).
      expect.stringMatching(/^ {3}签到链接：http:\/\/legwork\.test\/c\/[\w-]+\.[\w-]+$/),
      '总路程 2.1 公里（从出发点算起），输入顺序已是最短。',
    ]);
    const visit = await s.db.selectFrom('visits').select('id').executeTakeFirstOrThrow();
    expect(await s.db.selectFrom('visit_plans').select(['state', 'visit_id']).where('state', '=', 'done').execute()).toEqual([{ state: 'done', visit_id: visit.id }]);
    s.clock.set(new Date(s.clock.now().getTime() + day));
    expect((await s.ask('ann', '计划 昨天')).split('\n')[2]).toBe('2. 腾讯 — 距上一站 2.1 公里 — 未完成');
  });
});

describe('planning visits in English', () => {
  it('plan with purpose and expected result, several customers, week, cancel, move', async () => {
    const s = h.current;
    await registerInEnglish(s, 'bob');
    await customers(s, 'bob', true);
    expect(await s.ask('bob', 'plan tomorrow Huawei 10:00; purpose: product demo; expect: quote feedback')).toBe(
      'Planned for tomorrow (Sat Nov 28): Huawei at 10:00. 1 stop that day; "plan 2026-11-28" shows the route.',
    );
    expect(await s.ask('bob', 'plan Mon Huawei, Tencent, ZTE')).toBe('Planned for Mon Nov 30: Huawei, Tencent, ZTE. 3 stops that day; "plan 2026-11-30" shows the route.');
    expect(await s.ask('bob', 'plan Mon')).toBe(
      [
        'Plan for Mon Nov 30, in route order:',
        '1. Tencent — to do',
        '2. ZTE — 1.0 km from the previous stop — to do',
        '3. Huawei — 1.0 km from the previous stop — to do',
        'Total 2.1 km, 1.0 km shorter than the order typed.',
      ].join('\n'),
    );
    expect(await s.ask('bob', 'plan tomorrow')).toContain('1. 10:00 Huawei — purpose: product demo — expect: quote feedback — to do');
    expect(await s.ask('bob', 'plan week')).toBe('Plan for Mon Nov 23 – Sun Nov 29:\n• tomorrow (Sat Nov 28): Huawei (1 stop, 0 done)');
    expect(await s.ask('bob', 'plan next week')).toBe('Plan for Mon Nov 30 – Sun Dec 6:\n• Mon Nov 30: Tencent, ZTE, Huawei (3 stops, 0 done, 2.1 km)');
    expect(await s.ask('bob', 'plan cancel Huawei tomorrow')).toBe('Cancelled the visit to Huawei planned for tomorrow (Sat Nov 28).');
    expect(await s.ask('bob', 'plan move ZTE Tue 14:00')).toBe('Moved ZTE from Mon Nov 30 to Tue Dec 1 at 14:00.');
    expect(await s.ask('bob', 'home 22.54,113.95')).toBe("Start point set to 22.54000,113.95000. Routes start there until the day's first check-in.");
  });

  it('bad input in English changes nothing', async () => {
    const s = h.current;
    await registerInEnglish(s, 'bob');
    await customers(s, 'bob', true);
    const before = await snapshot(s);
    expect(await s.ask('bob', 'plan yesterday Huawei')).toBe('Thu Nov 26 is in the past: plans are for today or later. Nothing was planned.');
    expect(await s.ask('bob', 'plan tomorrow Huawei 25:00')).toBe('"25:00" is not a time of day (use 10:00, 14:30 or 3pm). Nothing was planned.');
    expect(await s.ask('bob', 'assign Zhang tomorrow Huawei')).toBe('I know nobody called "Zhang" here. To plan a visit yourself: plan tomorrow Zhang 10:00');
    expect(await snapshot(s)).toEqual(before);
    expect(await plans(s)).toEqual([]);
  });

  it('plan suggest proposes due customers near each other; 1 takes them all, numbers pick', async () => {
    const s = h.current;
    await registerInEnglish(s, 'bob');
    await customers(s, 'bob', true);
    await s.say('bob', 'new customer Zhuhai 23.54,114.95');
    // C customers are due after 90 days: three months later all four are, never visited.
    s.clock.set(new Date(s.clock.now().getTime() + 100 * day));
    const suggestion = await s.ask('bob', 'plan suggest');
    expect(suggestion.split('\n')[0]).toBe('Suggested stops for today (Sun Mar 7) (due by tier, overdue first, near each other):');
    expect(suggestion.split('\n').at(-1)).toBe('Reply 1 to take them all, or the numbers to pick (1 3 4).');
    expect(suggestion.split('\n')).toHaveLength(6);
    expect(suggestion).toContain('Huawei (C) — never visited');
    // Zhuhai, 150 km away from the others, comes last.
    expect(suggestion.split('\n')[4]).toBe('4. Zhuhai (C) — never visited');
    expect(await s.ask('bob', '1 2')).toMatch(/^Planned for today \(Sun Mar 7\): \w+, \w+\. 2 stops that day/);
    expect(await plans(s)).toHaveLength(2);
  });
});

describe('managers plan for their reps', () => {
  async function eastTeam(s: TestHarness): Promise<void> {
    await s.register('admin', 'boss', 'ann', 'cid');
    // Admins create teams and name their managers; open joining spares the approval step here.
    await s.say('admin', '创建团队 华东 经理 boss');
    await s.say('admin', '加入方式 开放');
    await s.say('ann', '加入团队 华东');
    await registerInEnglish(s, 'cid');
    await customers(s, 'boss');
  }

  it('安排 plans for a team member, who is told at once in their language; 计划 ann shows it', async () => {
    const s = h.current;
    await eastTeam(s);
    await inbox(s, 'ann');
    expect(await s.ask('boss', '安排 ann 明天 华为 10:00 目的 续约')).toBe('已为 ann 安排 明天（11月28日 周六）：华为 10:00，并已通知 ann。');
    expect(await inbox(s, 'ann')).toEqual(['boss 为你安排了 明天（11月28日 周六） 的拜访：华为 10:00（目的：续约）。发送「计划 2026-11-28」查看路线。']);
    expect(await s.ask('ann', '计划 明天')).toContain('1. 10:00 华为 — 目的：续约 — 待拜访 — boss 安排');
    expect(await s.ask('boss', '计划 ann 明天')).toContain('ann 明天（11月28日 周六）的计划（按路线顺序）：');
    const audit = await s.db.selectFrom('audit_log').select(['action']).where('action', 'like', 'visit_plan.%').execute();
    expect(audit).toEqual([{ action: 'visit_plan.assigned' }]);
  });

  it('a manager cannot plan outside their teams; an admin can plan for anyone; a rep for nobody', async () => {
    const s = h.current;
    await eastTeam(s);
    expect(await s.ask('boss', '安排 cid 明天 华为')).toBe('你只能为自己管理的团队成员安排拜访（管理员可为任何人安排），cid 不在其中。未做任何安排。');
    expect(await s.ask('boss', '计划 cid')).toBe('你只能查看自己管理的团队成员的计划，cid 不在其中。');
    expect(await s.ask('ann', '安排 boss 明天 华为')).toBe('只有经理和管理员可以为别人安排拜访。计划自己的拜访：计划 明天 华为 10:00');
    expect(await plans(s)).toEqual([]);
    expect(await s.ask('admin', '安排 cid 明天 华为')).toBe('已为 cid 安排 明天（11月28日 周六）：华为，并已通知 cid。');
    expect(await inbox(s, 'cid')).toEqual(['admin planned a visit for you, tomorrow (Sat Nov 28): 华为. "plan 2026-11-28" shows your route.']);
  });

  it('a manager by title who manages no team is answered as a rep: they plan for nobody else', async () => {
    const s = h.current;
    await eastTeam(s);
    // The API can make someone a manager without a team: can(leadAnyTeam) is false for them.
    await s.db.updateTable('users').set({ role: 'manager' }).where('display_name', '=', 'cid').execute();
    await s.say('cid', 'language zh');
    expect(await s.ask('cid', '安排 ann 明天 华为')).toBe('只有经理和管理员可以为别人安排拜访。计划自己的拜访：计划 明天 华为 10:00');
    expect(await s.ask('cid', '安排 nobody 明天 华为')).toBe('只有经理和管理员可以为别人安排拜访。计划自己的拜访：计划 明天 华为 10:00');
    expect(await plans(s)).toEqual([]);
  });

  it('a verified visit to a planned stop earns the bonus point on the leaderboard', async () => {
    const s = h.current;
    await eastTeam(s);
    await s.say('ann', '计划 今天 华为');
    await s.say('ann', '签到 华为 22.54,113.95');
    await s.say('ann', '签退');
    await s.say('ann', '签到 腾讯 22.54,113.93');
    const board = await s.ask('ann', '排行榜 日');
    // 华为: 3 for the verified visit + 1 for the plan; 腾讯 (unplanned): 3.
    expect(board).toContain('ann：7 分（有效拜访 2 次');
  });
});
