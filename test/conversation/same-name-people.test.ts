import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

/**
 * Two colleagues with the same name (issue #13): wherever a person is named, the sender picks from a
 * numbered list (their teams tell them apart), and the command runs with the one picked. Also: a
 * manager answering the report prompt with a member's name reads that member's report.
 */
const h = useHarness();

/** 李四 admin; 赵六 manages 华东 with 张三 (a); 华西 (the admin's) has another 张三 (b). */
async function twoZhangs(english = false): Promise<void> {
  const s = h.current;
  const [same, lead, wrong] = english ? ['Zhang', 'Zhao', 'Li'] : ['张三', '赵六', '李四'];
  await s.say('admin', english ? 'language en' : '帮助', { displayName: wrong });
  await s.say('lead', english ? 'language en' : '帮助', { displayName: lead });
  await s.say('zhang-a', english ? 'language en' : '帮助', { displayName: same });
  await s.say('zhang-b', english ? 'language en' : '帮助', { displayName: same });
  await s.say('admin', english ? 'joining open' : '加入方式 开放');
  await s.say('admin', english ? `team create East manager ${lead}` : `创建团队 华东 经理 ${lead}`);
  await s.say('admin', english ? 'team create West' : '创建团队 华西');
  await s.say('zhang-a', english ? 'join East' : '加入团队 华东');
  await s.say('zhang-b', english ? 'join West' : '加入团队 华西');
  await s.say('zhang-a', english ? 'report visited Acme' : '日报 拜访了华为');
  await s.say('zhang-b', english ? 'report visited Globex' : '日报 拜访了腾讯');
}

const idOf = async (external: string) =>
  (await h.current.db.selectFrom('identities').select('user_id').where('external_id', '=', external).executeTakeFirstOrThrow()).user_id;

describe('same-name colleagues, in Chinese', () => {
  it('团队 张三, 日报 张三 and 设为经理 张三 ask which one, then act on the one picked', async () => {
    await twoZhangs();
    const s = h.current;
    expect(await s.ask('admin', '日报 张三')).toBe('有不止一位同事叫"张三"，是哪一位？请回复编号：\n1. 张三（华东）\n2. 张三（华西）');
    expect(await s.ask('admin', '2')).toBe('张三的日报（2026-11-27，10:00 提交）：\n拜访了腾讯');

    expect(await s.ask('admin', '团队 张三')).toContain('1. 张三（华东）');
    expect(await s.ask('admin', '1')).toContain('张三');

    expect(await s.ask('admin', '设为经理 张三 华西')).toContain('2. 张三（华西）');
    expect(await s.ask('admin', '2')).toBe('张三现在是团队"华西"的经理，接替李四（李四已离开该团队）。');
    const west = await s.db.selectFrom('teams').select('manager_id').where('name', '=', '华西').executeTakeFirstOrThrow();
    expect(west.manager_id).toBe(await idOf('zhang-b'));
    // A number out of range keeps the question open.
    expect(await s.ask('lead', '日报 张三')).toContain('请回复编号');
    expect(await s.ask('lead', '5')).toBe('请回复 1 到 2 之间的数字。');
  });

  it("a manager answering the report prompt with a member's name reads their report; their own words still file", async () => {
    await twoZhangs();
    const s = h.current;
    await s.say('admin', '移出团队 张三');
    await s.register('王五');
    await s.say('王五', '加入团队 华东');
    await s.say('王五', '日报 今天跑了三家');
    const before = await s.db.selectFrom('daily_reports').select('id').execute();
    await s.say('lead', '日报');
    expect(await s.ask('lead', '王五')).toBe('王五的日报（2026-11-27，10:00 提交）：\n今天跑了三家');
    expect(await s.db.selectFrom('daily_reports').select('id').execute()).toHaveLength(before.length);
    // The prompt is still open: the manager's own words file their report.
    expect(await s.ask('lead', '今天带新人')).toBe('2026-11-27 日报已提交，辛苦了！');
  });
});

describe('same-name colleagues, in English', () => {
  it('report Zhang and team Zhang ask which one; a manager at the report prompt naming two Zhangs is asked too', async () => {
    await twoZhangs(true);
    const s = h.current;
    expect(await s.ask('admin', 'report Zhang')).toBe('More than one person is called "Zhang". Which one? Reply with the number:\n1. Zhang (East)\n2. Zhang (West)');
    expect(await s.ask('admin', '1')).toBe("Zhang's daily report for 2026-11-27 (submitted 10:00):\nvisited Acme");
    await s.say('lead', 'report');
    expect(await s.ask('lead', 'Zhang')).toContain('1. Zhang (East)');
    expect(await s.ask('lead', '1')).toBe("Zhang's daily report for 2026-11-27 (submitted 10:00):\nvisited Acme");
    expect(await s.ask('lead', 'team Zhang')).toContain('2. Zhang (West)');
    // The one in another team is refused as before, by name.
    expect(await s.ask('lead', '2')).toContain('Zhang');
  });
});
