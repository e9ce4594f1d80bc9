import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { checkIns, customerNamed } from './helpers.ts';

const h = useHarness();

/** 李四 admin; 张三 manages 华东, 王五 a rep in it; 赵六 manages 华西. 王五 created 华为 from chat. */
async function org(english = false) {
  await h.current.register('李四', '张三', '王五', '赵六');
  if (english) for (const who of ['李四', '张三', '王五', '赵六']) await h.current.say(who, 'language en');
  await h.current.say('李四', '创建团队 华东 经理 张三');
  await h.current.say('李四', '创建团队 华西 经理 赵六');
  await h.current.say('王五', '加入团队 华东');
  await h.current.say('张三', '同意 王五');
  await h.current.say('王五', '新客户 华为 22.54,113.95');
}

async function audits(action: string) {
  const rows = await h.current.db.selectFrom('audit_log').select(['detail']).where('action', '=', action).execute();
  return rows.map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail));
}

/** About 670 m north of 华为: outside the default radius, inside a 1 km campus. */
const campusGate = { lat: 22.546, lng: 113.95 };

describe('check-in radius from chat', () => {
  it('zh: only an admin sets the org radius; bounds and unreadable values are answered', async () => {
    await org();
    for (const who of ['王五', '张三', '赵六']) expect(await h.current.ask(who, '签到范围 300米')).toBe('只有管理员可以这样做，请联系李四。');
    expect(await h.current.ask('李四', '签到范围 10米')).toBe('签到范围须在 50 米到 5000 米之间，例如"签到范围 300米"。');
    expect(await h.current.ask('李四', '签到范围 6公里')).toBe('签到范围须在 50 米到 5000 米之间，例如"签到范围 300米"。');
    expect(await h.current.ask('李四', '签到范围 很远')).toBe('"很远"不是能看懂的距离，请写成"300米"或"1公里"。');
    expect(await h.current.ask('李四', '签到范围')).toContain('签到范围 300米');
    expect(await h.current.ask('李四', '签到范围 300米')).toBe('签到范围已改为 300 米（设置了自己范围的客户不变）。');
    const orgRow = await h.current.db.selectFrom('orgs').select('checkin_radius_m').executeTakeFirstOrThrow();
    expect(orgRow.checkin_radius_m).toBe(300);
    expect((await audits('org.radius_changed')).map((d) => d.after)).toEqual([300]);
  });

  it('en: the same rule and answers in English', async () => {
    await org(true);
    expect(await h.current.ask('王五', 'radius 300m')).toBe('Only an admin can do that. Ask 李四.');
    expect(await h.current.ask('张三', 'radius 300m')).toBe('Only an admin can do that. Ask 李四.');
    expect(await h.current.ask('李四', 'radius 20m')).toBe('A radius must be between 50 m and 5000 m, e.g. "radius 300m".');
    expect(await h.current.ask('李四', 'radius far')).toBe('"far" is not a distance I can read; write it like "300m" or "1km".');
    expect(await h.current.ask('李四', 'radius 1.5km')).toBe(
      'Check-ins now count as on site within 1500 m of the customer (customers with their own radius keep it).',
    );
  });

  it("zh: a customer's own radius, set by its owner's manager or an admin, decides check-ins there", async () => {
    await org();
    expect(await h.current.ask('王五', '签到 华为', { location: campusGate })).toContain('超出 500 米范围');
    await h.current.say('王五', '签退');
    expect(await h.current.ask('王五', '客户 华为 范围 1000米')).toBe('只有管理员（李四）或团队"华东"的经理可以修改 华为。');
    expect(await h.current.ask('赵六', '客户 华为 范围 1000米')).toBe('只有管理员（李四）或团队"华东"的经理可以修改 华为。');
    expect(await h.current.ask('张三', '客户 华为 范围 20米')).toBe('签到范围须在 50 米到 5000 米之间，例如"签到范围 300米"。');
    expect(await h.current.ask('张三', '客户 华为 范围 1000米')).toBe('在 华为 签到，1000 米以内算在现场。');
    expect(await h.current.ask('王五', '签到 华为', { location: campusGate })).toContain('已在 华为 签到 ✓ 位置已核实');
    await h.current.say('王五', '签退 谈得不错', { location: campusGate });
    expect((await checkIns(h.current)).map((r) => r.status)).toEqual(['outside', 'verified']);
    // The check-out at the gate is judged by the same 1 km.
    expect((await checkIns(h.current, 'out')).map((r) => [r.status, r.radius_m])).toEqual([
      ['unverified', 500],
      ['verified', 1000],
    ]);
    expect(await h.current.ask('李四', '客户 华为 范围 默认')).toMatch(/^华为 改用公司的签到范围（\d+ 米）。$/);
    expect((await customerNamed(h.current, '华为')).radius_m).toBeNull();
    expect((await audits('customer.changed')).map((d) => d.after)).toEqual([{ radius_m: 1000 }, { radius_m: null }]);
  });

  it('en: customer radius per role', async () => {
    await org(true);
    expect(await h.current.ask('王五', 'customer 华为 radius 1000m')).toBe('Only an admin (李四) or the manager of team "华东" can change 华为.');
    expect(await h.current.ask('赵六', 'customer 华为 radius 1000m')).toBe('Only an admin (李四) or the manager of team "华东" can change 华为.');
    expect(await h.current.ask('张三', 'customer 华为 radius 9km')).toBe('A radius must be between 50 m and 5000 m, e.g. "radius 300m".');
    expect(await h.current.ask('张三', 'customer 华为 radius 1km')).toBe('Check-ins at 华为 now count as on site within 1000 m.');
    expect(await h.current.ask('李四', 'customer 华为 radius 800m')).toBe('Check-ins at 华为 now count as on site within 800 m.');
    expect(await h.current.ask('李四', 'customer Nowhere radius 800m')).toBe('No customer called "Nowhere"; create it with "new customer Nowhere".');
  });
});

describe('customer tier and owner from chat', () => {
  it("zh: a rep's chat-created customer is theirs; tier by its manager or an admin", async () => {
    await org();
    expect((await customerNamed(h.current, '华为')).owner_id).toBe((await h.current.db.selectFrom('users').select('id').where('display_name', '=', '王五').executeTakeFirstOrThrow()).id);
    expect(await h.current.ask('王五', '客户 华为 级别 A')).toBe('只有管理员（李四）或团队"华东"的经理可以修改 华为。');
    expect(await h.current.ask('赵六', '客户 华为 级别 A')).toBe('只有管理员（李四）或团队"华东"的经理可以修改 华为。');
    expect(await h.current.ask('张三', '客户 华为 级别 D')).toBe('"D"不是客户级别，请用 A、B 或 C。');
    expect(await h.current.ask('张三', '客户 华为 级别 A')).toBe('华为 现在是 A 级客户。');
    expect(await h.current.ask('李四', '客户 华为 级别B')).toBe('华为 现在是 B 级客户。');
    expect((await customerNamed(h.current, '华为')).tier).toBe('B');
    // The card is still the card.
    expect(await h.current.ask('王五', '客户 华为')).toContain('华为');
    expect(await h.current.ask('张三', '客户 华为 级别')).toContain('客户 华为 级别 A');
  });

  it('zh: a manager moves a customer within their teams only; an admin anywhere', async () => {
    await org();
    expect(await h.current.ask('王五', '客户 华为 负责人 张三')).toBe('只有管理员（李四）或团队"华东"的经理可以修改 华为。');
    expect(await h.current.ask('张三', '客户 华为 负责人 赵六')).toBe('赵六 不在你管理的团队里；管理员（李四）可以把这个客户交给他。');
    expect(await h.current.ask('张三', '客户 华为 负责人 无名')).toBe('这里还没有叫"无名"的同事使用 Legwork。');
    expect(await h.current.ask('张三', '客户 华为 负责人 张三')).toBe('华为 的负责人改为 张三。');
    expect(await h.current.ask('李四', '客户 华为 负责人 赵六')).toBe('华为 的负责人改为 赵六。');
    // Now in 华西's hands: 华东's manager may no longer touch it, 华西's may.
    expect(await h.current.ask('张三', '客户 华为 级别 A')).toBe('只有管理员（李四）或团队"华西"的经理可以修改 华为。');
    expect(await h.current.ask('赵六', '客户 华为 级别 A')).toBe('华为 现在是 A 级客户。');
    expect((await audits('customer.changed')).length).toBe(3);
  });

  it('en: tier and owner per role', async () => {
    await org(true);
    expect(await h.current.ask('王五', 'customer 华为 tier A')).toBe('Only an admin (李四) or the manager of team "华东" can change 华为.');
    expect(await h.current.ask('赵六', 'customer 华为 owner 赵六')).toBe('Only an admin (李四) or the manager of team "华东" can change 华为.');
    expect(await h.current.ask('张三', 'customer 华为 tier Z')).toBe('"Z" is not a tier; use A, B or C.');
    expect(await h.current.ask('张三', 'customer 华为 tier a')).toBe('华为 is now a tier A customer.');
    expect(await h.current.ask('张三', 'customer 华为 owner 赵六')).toBe('赵六 is not in a team you manage; an admin (李四) can give them this customer.');
    expect(await h.current.ask('李四', 'customer 华为 owner 赵六')).toBe('赵六 now owns 华为.');
  });
});

describe('points rules from chat', () => {
  it('zh: everyone reads the rules; only an admin changes them (org overrides, audited)', async () => {
    await org();
    const rules = await h.current.ask('王五', '积分规则');
    expect(rules).toContain('• 核实拜访：3 分');
    expect(rules).not.toContain('修改');
    for (const who of ['王五', '张三', '赵六']) expect(await h.current.ask(who, '积分 核实拜访 5')).toBe('只有管理员可以这样做，请联系李四。');
    expect(await h.current.ask('李四', '积分规则')).toContain('修改：发送"积分 核实拜访 3 备注 2 日报 1"');
    expect(await h.current.ask('李四', '积分 核实拜访 2000')).toBe('积分须是 0 到 1000 的整数。');
    expect(await h.current.ask('李四', '积分 飞行 3')).toContain('看不懂"飞行 3"');
    const changed = await h.current.ask('李四', '积分 核实拜访 5 备注 2 日报 1');
    expect(changed).toContain('• 核实拜访：5 分');
    expect(changed).toContain('• 按时提交日报：1 分');
    expect(await h.current.ask('王五', '积分')).toContain('• 核实拜访：5 分');
    const stored = await h.current.db.selectFrom('schedule_settings').select('settings').where('scope', '=', 'org').executeTakeFirstOrThrow();
    expect(stored.settings).toMatchObject({ leaderboard: { points: { verifiedVisit: 5, notesAndNextStep: 2, reportOnTime: 1 } } });
    expect(await audits('org.points_changed')).toMatchObject([{ before: { verifiedVisit: 3 }, after: { verifiedVisit: 5 } }]);
  });

  it('en: points per role', async () => {
    await org(true);
    expect(await h.current.ask('王五', 'points')).toContain('• verified visit: 3');
    expect(await h.current.ask('王五', 'points verified 3 notes 2 report 1')).toBe('Only an admin can do that. Ask 李四.');
    expect(await h.current.ask('赵六', 'points verified 3 notes 2 report 1')).toBe('Only an admin can do that. Ask 李四.');
    expect(await h.current.ask('李四', 'points verified -1')).toBe('Points must be whole numbers from 0 to 1000.');
    expect(await h.current.ask('李四', 'points flying 3')).toContain('I could not read "flying 3"');
    const changed = await h.current.ask('李四', 'points verified 4 notes 2 report 1');
    expect(changed).toContain('• verified visit: 4');
  });
});
