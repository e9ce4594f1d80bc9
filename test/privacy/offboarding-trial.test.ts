import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { userOf } from '../conversation/helpers.ts';

/**
 * Defects found trying issue 16 end to end (task h16): erasure changed past leaderboards, a person
 * who left stayed on every later board, and a chart drawn before erasure still showed their name.
 */
const h = useHarness();
const ZHANG = 'ext-zs-5512';
const NAME = '张三丰';

/** alice (admin), bob (manager of 华东), reps 张三丰 and carol; 张三丰's visit has notes and a next step. */
async function team() {
  const s = h.current;
  await s.register('alice', 'bob', 'carol');
  await s.say(ZHANG, '帮助', { displayName: NAME });
  await s.say('alice', '创建团队 华东 经理 bob');
  await s.say('alice', '加入方式 开放');
  await s.say(ZHANG, '加入团队 华东');
  await s.say('carol', '加入团队 华东');
  await s.say('alice', '新客户 华为 22.54,113.95');
  await s.say(ZHANG, '签到 华为 22.541234,113.951234');
  await s.say(ZHANG, '签退 见了采购 下一步 发报价 跟进 下周五');
  await s.say(ZHANG, '日报 今天拜访了华为');
  await s.say('carol', '签到 华为 22.5401,113.9501');
}

const totalLine = (board: string) => board.split('\n').find((l) => /团队合计|Team total/.test(l));

describe('offboarding, tried end to end', () => {
  it('erasure keeps the points a visit with notes and a next step earned: past boards and totals are unchanged', async () => {
    const s = h.current;
    await team();
    const before = await s.ask('bob', '排行榜 周');
    expect(before).toContain(`${NAME}：6 分`);
    expect(await s.ask('alice', `删除 ${NAME} 的数据`)).toContain('确认删除');
    expect(await s.ask('alice', '确认删除')).toContain('已离职员工 #1');
    const after = await s.ask('bob', '排行榜 周');
    expect(totalLine(after)).toBe(totalLine(before));
    expect(after).toContain('6 分（有效拜访 1 次，其中 1 次有下一步');
    // The words are gone all the same.
    const zhang = await s.db.selectFrom('users').select('id').where('display_name', '=', '已离职员工 #1').executeTakeFirstOrThrow();
    const visit = await s.db.selectFrom('visits').select(['notes', 'next_step']).where('user_id', '=', zhang.id).executeTakeFirstOrThrow();
    expect(`${visit.notes} ${visit.next_step}`).not.toMatch(/采购|报价/);
  });

  it('a deactivated rep is on the boards of periods they worked in, not on later ones', async () => {
    const s = h.current;
    await team();
    const thisWeek = await s.ask('bob', '排行榜 周');
    await s.say('alice', `停用 ${NAME}`);
    // This week's board: their points still count, their name is gone.
    const stillThisWeek = await s.ask('bob', '排行榜 周');
    expect(totalLine(stillThisWeek)).toBe(totalLine(thisWeek));
    expect(stillThisWeek).not.toContain(NAME);
    // Next week they are not on it at all: no anonymous line at 0 points, not counted among the reps.
    s.clock.set('2026-12-01T02:00:00Z');
    const nextWeek = await s.ask('bob', '排行榜 周');
    expect(nextWeek).toContain('carol');
    expect(nextWeek).not.toContain('（不参加排名的同事）');
    expect(totalLine(nextWeek)).toContain('共 1 人');
    // Reactivated, they are back.
    await s.say('alice', `启用 ${NAME}`);
    expect(await s.ask('bob', '排行榜 周')).toContain(NAME);
  });

  it('erasure deletes the charts that show the name (a picture is not a text column the scrub can rewrite)', async () => {
    const s = h.current;
    await team();
    const zhang = await userOf(s, ZHANG);
    await s.say('bob', '排行榜 图');
    const charts = await s.db.selectFrom('chart_images').select(['id', 'alt']).execute();
    expect(charts).toHaveLength(1);
    expect(charts[0]!.alt).toContain(NAME);
    expect(await s.ask('alice', `删除 ${NAME} 的数据`)).toContain('确认删除');
    await s.say('alice', '确认删除');
    expect(await s.db.selectFrom('chart_images').select('id').execute()).toEqual([]);
    expect((await s.db.selectFrom('users').select('erased_at').where('id', '=', zhang.id).executeTakeFirstOrThrow()).erased_at).not.toBeNull();
  });

  it('erasing 张三 leaves 张三丰 and a second 张三 their names, in their profiles and in the text that mentions them', async () => {
    const s = h.current;
    await s.register('alice', 'bob');
    await s.say('zs-1', '帮助', { displayName: '张三' });
    await s.say('zs-2', '帮助', { displayName: '张三' });
    await s.say('zsf', '帮助', { displayName: '张三丰' });
    await s.say('alice', '新客户 小张三五金 22.54,113.95');
    await s.say('alice', '新客户 华为 22.54,113.95');
    await s.say('zsf', '签到 华为 22.5401,113.9501');
    await s.say('zsf', '签退 和张三丰的同事张三、小张三五金的老板一起见了采购');
    const first = await userOf(s, 'zs-1');
    expect(await s.ask('alice', '删除 张三 的数据')).toMatch(/张三/);
    // Two people are called 张三: the admin picks one (the numbered list), then confirms.
    const picked = await s.ask('alice', '1');
    const confirm = picked.includes('确认删除') ? picked : await s.ask('alice', '删除 张三 的数据');
    expect(confirm).toContain('确认删除');
    expect(await s.ask('alice', '确认删除')).toContain('已离职员工 #1');
    const names = new Map((await s.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
    const erased = [...names].find(([, name]) => name === '已离职员工 #1')![0];
    const other = erased === first.id ? (await userOf(s, 'zs-2')).id : first.id;
    expect(names.get(other)).toBe('张三');
    expect(names.get((await userOf(s, 'zsf')).id)).toBe('张三丰');
    expect((await s.db.selectFrom('customers').select('name').orderBy('name').execute()).map((c) => c.name)).toContain('小张三五金');
    const visit = await s.db.selectFrom('visits').select('notes').where('user_id', '=', (await userOf(s, 'zsf')).id).executeTakeFirstOrThrow();
    expect(visit.notes).toBe('和张三丰的同事已离职员工 #1、小张三五金的老板一起见了采购');
  });
});
