import { describe, expect, it } from 'vitest';
import { useHarness, type TestHarness } from '../support/test-app.ts';
import { registerInEnglish } from './helpers.ts';

/**
 * Visit plans (issue 14), the rest: a several-customer plan with one unknown customer, plan
 * reminders switched off, bare weekday names, unplanned visits in the plan view. The harness starts
 * on Friday 2026-11-27 at 10:00 in Shanghai.
 */
const h = useHarness();

async function customers(s: TestHarness, user: string, english = false): Promise<void> {
  const word = english ? 'new customer' : '新客户';
  for (const [name, lng] of english ? [['Huawei', 113.95], ['Tencent', 113.93], ['ZTE', 113.94]] : [['华为', 113.95], ['腾讯', 113.93], ['中兴', 113.94]]) {
    await s.say(user, `${word} ${name} 22.54,${lng}`);
  }
}

async function planned(s: TestHarness): Promise<{ name: string; local_date: unknown }[]> {
  const rows = await s.db
    .selectFrom('visit_plans as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select(['c.name', 'p.local_date'])
    .orderBy('p.typed_seq')
    .execute();
  return rows.map((r) => ({ name: r.name, local_date: (r.local_date as unknown) instanceof Date ? (r.local_date as unknown as Date).toISOString().slice(0, 10) : r.local_date }));
}

describe('visit plans in Chinese', () => {
  it('计划 with several customers plans the known ones and asks about the unknown one, offering to create it', async () => {
    const s = h.current;
    await s.register('ann');
    await customers(s, 'ann');
    expect(await s.say('ann', '计划 明天 诺基亚 腾讯')).toEqual([
      '已计划 明天（11月28日 周六）：腾讯。当天共 1 站，发送「计划 2026-11-28」查看路线。',
      '没有找到客户"诺基亚"。回复 1 新建"诺基亚"，或检查名称。',
    ]);
    expect((await s.say('ann', '1')).at(-1)).toBe('已计划 明天（11月28日 周六）：诺基亚。当天共 2 站，发送「计划 2026-11-28」查看路线。');
    expect(await planned(s)).toEqual([
      { name: '腾讯', local_date: '2026-11-28' },
      { name: '诺基亚', local_date: '2026-11-28' },
    ]);
    // Two unknown ones: the first is asked about, the second named for later.
    expect(await s.say('ann', '计划 周一 爱立信 中兴 三星')).toEqual([
      '已计划 11月30日 周一：中兴。当天共 1 站，发送「计划 2026-11-30」查看路线。',
      '三星 也无法唯一对应到一个客户，请之后单独计划。',
      '没有找到客户"爱立信"。回复 1 新建"爱立信"，或检查名称。',
    ]);
  });

  it('关闭提醒 计划 turns plan reminders off and 开启提醒 计划 on again', async () => {
    const s = h.current;
    await s.register('ann');
    expect(await s.ask('ann', '关闭提醒 计划')).toBe('已关闭计划提醒。发送「开启提醒 计划」可重新开启。');
    const prefs = await s.db.selectFrom('user_schedule_prefs').select('reminders_off').executeTakeFirstOrThrow();
    expect(prefs.reminders_off).toEqual(['plan']);
    expect(await s.ask('ann', '开启提醒 计划')).toBe('已开启计划提醒。');
  });

  it('a bare weekday (周三) names the day; a visit nobody planned shows as unplanned in the plan', async () => {
    const s = h.current;
    await s.register('ann');
    await customers(s, 'ann');
    expect(await s.ask('ann', '计划 周三 华为')).toBe('已计划 12月2日 周三：华为。当天共 1 站，发送「计划 2026-12-02」查看路线。');
    await s.say('ann', '计划 今天 华为');
    await s.say('ann', '签到 中兴 22.54,113.94');
    const today = (await s.ask('ann', '计划')).split('\n');
    expect(today.at(-1)).toBe('计划外拜访：中兴');
  });
});

describe('visit plans in English', () => {
  it('plan with several customers plans the known ones and asks about the unknown one, offering to create it', async () => {
    const s = h.current;
    await registerInEnglish(s, 'bob');
    await customers(s, 'bob', true);
    expect(await s.say('bob', 'plan tomorrow Nokia, Tencent')).toEqual([
      'Planned for tomorrow (Sat Nov 28): Tencent. 1 stop that day; "plan 2026-11-28" shows the route.',
      'No customer matches "Nokia". Reply 1 to create "Nokia", or check the spelling.',
    ]);
    expect((await s.say('bob', '1')).at(-1)).toBe('Planned for tomorrow (Sat Nov 28): Nokia. 2 stops that day; "plan 2026-11-28" shows the route.');
    expect((await planned(s)).map((p) => p.name)).toEqual(['Tencent', 'Nokia']);
  });

  it('reminders off plan turns plan reminders off', async () => {
    const s = h.current;
    await registerInEnglish(s, 'bob');
    expect(await s.ask('bob', 'reminders off plan')).toBe('visit plan reminders are off. "reminders on plan" turns them back on.');
    expect(await s.ask('bob', 'reminders on plan')).toBe('visit plan reminders are on.');
  });

  it('bare weekday names (Wed, Sat) name the day; a visit nobody planned shows as unplanned', async () => {
    const s = h.current;
    await registerInEnglish(s, 'bob');
    await customers(s, 'bob', true);
    expect(await s.ask('bob', 'plan Wed Huawei')).toBe('Planned for Wed Dec 2: Huawei. 1 stop that day; "plan 2026-12-02" shows the route.');
    expect(await s.ask('bob', 'plan Sat Tencent')).toBe('Planned for tomorrow (Sat Nov 28): Tencent. 1 stop that day; "plan 2026-11-28" shows the route.');
    expect((await s.ask('bob', 'plan Wed')).split('\n')[0]).toBe('Plan for Wed Dec 2, in route order:');
    await s.say('bob', 'plan today Huawei');
    await s.say('bob', 'checkin ZTE 22.54,113.94');
    expect((await s.ask('bob', 'plan')).split('\n').at(-1)).toBe('Unplanned visits (nobody planned them): ZTE');
  });
});
