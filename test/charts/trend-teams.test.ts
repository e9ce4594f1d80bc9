import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { Seed } from '../jobs/support/seed.ts';
import { loadTrend } from '../../src/charts/trend-data.ts';
import { trendChartOption } from '../../src/charts/trend-chart.ts';
import { defaultScheduleSettings } from '../../src/core/schedules/settings.ts';
import type { LocalDelivered } from '../../bots/local/api.ts';

const h = useHarness();

/**
 * The clock is Friday 2026-11-27 10:00 in Shanghai: the latest week is Nov 23–29.
 *
 * - mgr (zh-CN) manages 华东 (张伟, 李娜, mgr2, and Gone who left and Erased whose data was erased)
 *   and 华南 (Anna, boss).
 * - mgr2 (en-US) manages 西部 (Ben) and is a rep of 华东.
 * - boss is the org's admin and a rep of 华南.
 *
 * Verified visits in the latest week: 张伟 3, 李娜 1, mgr2 0, Gone 9, Erased 9: the active reps'
 * median is 1, with the departed counted it would be 3.
 */
async function seedOrg(seed: Seed): Promise<void> {
  await seed.org();
  await seed.user('boss', { zone: 'Asia/Shanghai', role: 'admin', language: 'zh-CN' });
  await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager', language: 'zh-CN' });
  await seed.user('mgr2', { zone: 'Asia/Shanghai', role: 'manager', language: 'en-US' });
  for (const rep of ['张伟', '李娜', 'Gone', 'Erased', 'Anna', 'Ben']) await seed.user(rep, { zone: 'Asia/Shanghai', language: 'zh-CN' });
  await seed.team('华东', { manager: 'mgr', reps: ['张伟', '李娜', 'mgr2', 'Gone', 'Erased'] });
  await seed.team('华南', { manager: 'mgr', reps: ['Anna', 'boss'] });
  await seed.team('西部', { manager: 'mgr2', reps: ['Ben'] });
  await seed.customer('Huawei');
  const visits: [string, number][] = [['张伟', 3], ['李娜', 1], ['Gone', 9], ['Erased', 9], ['Anna', 2], ['Ben', 1]];
  for (const [rep, count] of visits) {
    for (let i = 0; i < count; i++) await seed.visit(rep, 'Huawei', { at: `2026-11-2${3 + (i % 4)}T0${1 + Math.floor(i / 4)}:00:00Z`, status: 'verified' });
  }
  const db = h.current.db;
  await db.updateTable('users').set({ deactivated_at: '2026-11-26T00:00:00Z' }).where('id', '=', seed.id('Gone')).execute();
  await db.updateTable('users').set({ deactivated_at: '2026-11-26T00:00:00Z', erased_at: '2026-11-26T01:00:00Z', display_name: '前员工 1', former_number: 1 }).where('id', '=', seed.id('Erased')).execute();
}

/** Says `text` as `userId` and returns the new messages in their 1:1 inbox. */
async function trend(userId: string, text: string): Promise<LocalDelivered[]> {
  await h.current.newMessages(`/local/inbox/${userId}`);
  const res = await h.current.post({ userId, text });
  expect(res.status).toBe(202);
  await h.current.app.delivery.drainOnce();
  return h.current.newMessages(`/local/inbox/${userId}`);
}

describe('趋势 / trend per team, through the digest permission filter (issue 18)', () => {
  it('a manager of two teams gets one chart per team, each listing only the active reps (zh-CN)', async () => {
    const seed = new Seed(h.current.db);
    await seedOrg(seed);
    const messages = await trend('mgr', '趋势');
    expect(messages).toHaveLength(2);
    const [east, south] = messages as [LocalDelivered, LocalDelivered];
    expect(east.text).toMatch(/^华东：近 8 周/);
    for (const name of ['张伟', '李娜', 'mgr2']) expect(east.text).toContain(`• ${name}：`);
    expect(east.text).toContain('• 张伟：最近一周有效拜访 3 次');
    // Someone who left and someone erased are in neither the text nor the figures.
    expect(east.text).not.toContain('Gone');
    expect(east.text).not.toContain('前员工');
    expect(east.text).not.toContain('Erased');
    expect(south.text).toMatch(/^华南：近 8 周/);
    expect(south.text).toContain('• Anna：最近一周有效拜访 2 次');
    expect(south.text).not.toContain('张伟');
    expect(east.image?.url).toMatch(/\/i\/.+\.png$/);
    expect(south.image?.url).toMatch(/\/i\/.+\.png$/);
    expect(south.image?.url).not.toBe(east.image?.url);
  });

  it('a manager of another team gets their own team whole, and themself against the median where they are a rep (en-US)', async () => {
    const seed = new Seed(h.current.db);
    await seedOrg(seed);
    const messages = await trend('mgr2', 'trend');
    expect(messages).toHaveLength(2);
    const [west, east] = messages as [LocalDelivered, LocalDelivered];
    expect(west.text).toMatch(/^西部: the last 8 weeks/);
    expect(west.text).toContain('• Ben: 1 verified visit in the latest week');
    expect(west.image?.alt).toContain('西部');
    expect(east.text).toMatch(/^You against your team's median \(华东\): the last 8 weeks/);
    // The median of 张伟 3, 李娜 1 and mgr2 0: the departed (9 each) are not counted.
    expect(east.text).toContain('• Latest week: 0 verified visits (team median 1)');
    for (const name of ['张伟', '李娜', 'Gone', 'Ben']) expect(east.text).not.toContain(name);
    expect(east.image?.url).toMatch(/\/i\/.+\.png$/);
  });

  it('a rep gets themself against the median of the active reps; an admin gets the whole of their team', async () => {
    const seed = new Seed(h.current.db);
    await seedOrg(seed);
    const [mine, ...more] = await trend('张伟', '趋势');
    expect(more).toHaveLength(0);
    expect(mine!.text).toMatch(/^你与团队中位数（华东）：近 8 周/);
    expect(mine!.text).toContain('最近一周有效拜访 3 次（团队中位数 1）');
    expect(mine!.text).not.toContain('李娜');

    // The admin is a rep of 华南 (managed by mgr) and reads it whole, but is given no team they are not in.
    const admin = await trend('boss', '趋势');
    expect(admin).toHaveLength(1);
    expect(admin[0]!.text).toMatch(/^华南：近 8 周/);
    expect(admin[0]!.text).toContain('• Anna：');
    expect(admin[0]!.text).toContain('• boss：');
  });

  it("asked in the team's group, the trend goes to the asker privately, never into the group", async () => {
    const seed = new Seed(h.current.db);
    await seedOrg(seed);
    await h.current.newMessages('/local/inbox/mgr');
    const inGroup = await h.current.say('mgr', '趋势', { channelId: '华东' });
    expect(inGroup).toEqual(['mgr，后续内容已私信发给你（仅限你本人使用）。']);
    const direct = await h.current.newMessages('/local/inbox/mgr');
    expect(direct.map((m) => m.text.split('：')[0])).toEqual(['华东', '华南']);
  });

  it('someone in no team is told so', async () => {
    const seed = new Seed(h.current.db);
    await seed.org();
    await seed.user('solo', { zone: 'Asia/Shanghai', language: 'en-US' });
    const [reply] = await trend('solo', 'trend');
    expect(reply!.text).toMatch(/not in a team yet/);
  });
});

describe('the trend data the weekly digest draws (issue 18)', () => {
  it('counts only the reps given; plans kept and tier coverage as the digest text counts them', async () => {
    const seed = new Seed(h.current.db);
    await seed.org();
    await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager' });
    for (const rep of ['张伟', 'Gone']) await seed.user(rep, { zone: 'Asia/Shanghai' });
    const teamId = await seed.team('华东', { manager: 'mgr', reps: ['张伟', 'Gone'] });
    await seed.customer('Huawei', { tier: 'A', owner: '张伟', createdAt: new Date('2026-09-01T00:00:00Z') });
    // Added in the latest week: not counted (as unseen) in the weeks before it.
    await seed.customer('ZTE', { tier: 'B', owner: '张伟', createdAt: new Date('2026-11-24T00:00:00Z') });
    await seed.customer('Gone Co', { tier: 'A', owner: 'Gone', createdAt: new Date('2026-09-01T00:00:00Z') });
    await seed.visit('张伟', 'Huawei', { at: '2026-11-24T02:00:00Z', status: 'verified' });
    await seed.visit('Gone', 'Huawei', { at: '2026-11-10T02:00:00Z', status: 'verified' });
    const db = h.current.db;
    const orgId = (await db.selectFrom('orgs').select('id').executeTakeFirstOrThrow()).id;
    for (const [date, state] of [['2026-11-24', 'done'], ['2026-11-25', 'planned'], ['2026-11-17', 'cancelled']] as const) {
      await db
        .insertInto('visit_plans')
        .values({ org_id: orgId, user_id: seed.id('张伟'), customer_id: seed.customerId('Huawei'), local_date: date, state, planned_minute: null, purpose: null, expected_result: null, planned_by: null, visit_id: null })
        .execute();
    }
    const team = { orgId, teamId, name: '华东', timeZone: 'Asia/Shanghai', settings: defaultScheduleSettings, repIds: [seed.id('张伟')] };
    const data = await loadTrend(db, team, '2026-11-27');

    expect(data.weeks).toHaveLength(8);
    expect(data.weeks.at(-1)!.start).toBe('2026-11-23');
    expect(data.reps.map((r) => r.name)).toEqual(['张伟']);
    expect(data.reps[0]!.verified).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(data.reps[0]!.punctuality).toHaveLength(8);
    // Plans: one done of two in the latest week (the cancelled one is not counted).
    expect(data.planAdherence).toEqual([0, 0, 0, 0, 0, 0, 0, 50]);
    // Coverage: Huawei (A, 7 days); ZTE (B) exists in the latest week only (a gap before it); Gone's
    // customer (A, never seen) is not counted: Gone is not among the reps.
    // Huawei was also seen in the week of Nov 9 (a visit by anyone counts, as in the digest's text).
    expect(data.coverage?.A).toEqual([0, 0, 0, 0, 0, 100, 0, 100]);
    expect(data.coverage?.B).toEqual([null, null, null, null, null, null, null, 0]);
    // No C customers: no C line.
    expect(data.coverage?.C).toBeUndefined();

    // The chart draws visits per rep, reports on time, plans kept and A/B/C coverage, in both languages.
    const en = trendChartOption(data, 'en-US');
    const legends = (en.option.legend as { data: string[] }[]).map((l) => l.data);
    expect(legends[0]).toEqual(['张伟']);
    expect(legends[1]).toEqual(['Reports on time', 'Plans kept', 'Tier A customers covered', 'Tier B customers covered']);
    const zh = trendChartOption(data, 'zh-CN');
    expect((zh.option.legend as { data: string[] }[])[1]!.data).toEqual(['日报按时率', '计划完成率', 'A 级客户覆盖率', 'B 级客户覆盖率']);

    // A team without plans or tiers: neither series.
    const nobody = await loadTrend(db, { ...team, repIds: [] }, '2026-11-27');
    expect(nobody.reps).toEqual([]);
    expect(nobody.planAdherence).toBeUndefined();
  });
});
