import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish, snapshot } from './helpers.ts';

/**
 * Schedule settings and the team digest ask can() like every other permission (issue #13): per role,
 * rep, manager of another team, the team's manager and an admin, in both languages.
 */
const h = useHarness();

async function org(english: boolean): Promise<void> {
  const s = h.current;
  const [admin, manager, other, rep] = english ? ['Li', 'Zhang', 'Zhao', 'Wang'] : ['李四', '张三', '赵六', '王五'];
  if (english) for (const id of [admin, manager, other, rep]) await registerInEnglish(s, id!);
  else await s.register(admin!, manager!, other!, rep!);
  await s.say(admin!, english ? 'joining open' : '加入方式 开放');
  await s.say(admin!, english ? `team create East manager ${manager}` : `创建团队 华东 经理 ${manager}`);
  await s.say(admin!, english ? `team create West manager ${other}` : `创建团队 华西 经理 ${other}`);
  await s.say(rep!, english ? 'join East' : '加入团队 华东');
}

describe('changing a team’s quiet hours, per role', () => {
  it('in Chinese', async () => {
    await org(false);
    const s = h.current;
    const before = await snapshot(s);
    expect(await s.ask('王五', '免打扰 23:00-07:00 团队 华东')).toBe('只有团队"华东"的经理或管理员可以修改它的设置。');
    expect(await s.ask('赵六', '免打扰 23:00-07:00 团队 华东')).toBe('只有团队"华东"的经理或管理员可以修改它的设置。');
    expect(await s.ask('王五', '免打扰 23:00-07:00 全公司')).toBe('只有管理员可以修改全公司的设置。去掉「全公司」即可修改你自己团队的设置。');
    expect(await s.ask('王五', '免打扰 23:00-07:00')).toBe('只有团队经理或管理员可以修改提醒设置。发送「设置」可以查看当前设置。');
    expect(await snapshot(s)).toEqual(before);
    expect(await s.ask('张三', '免打扰 23:00-07:00')).toContain('23:00-07:00');
    expect(await s.ask('李四', '免打扰 23:30-07:00 团队 华东')).toContain('23:30-07:00');
    // What a listing offers follows the same check.
    expect((await s.ask('赵六', '设置 团队 华东')).split('\n').at(-1)).toBe('只有团队经理或管理员可以修改。');
    expect(await s.ask('李四', '设置 团队 华东')).toContain('修改示例');
  });

  it('in English', async () => {
    await org(true);
    const s = h.current;
    expect(await s.ask('Wang', 'quiet 23:00-07:00 team East')).toBe('Only the manager of team East or an admin can change its settings.');
    expect(await s.ask('Zhao', 'quiet 23:00-07:00 team East')).toBe('Only the manager of team East or an admin can change its settings.');
    expect(await s.ask('Zhao', 'quiet 23:00-07:00 org')).toBe("Only an admin can change the whole company's settings. Leave out \"org\" to change your own team's.");
    expect(await s.ask('Zhang', 'quiet 23:00-07:00')).toContain('23:00–07:00');
    expect(await s.ask('Li', 'quiet 23:30-07:00 org')).toContain('23:30–07:00');
  });
});

describe('the team digest on demand, per role', () => {
  it('in Chinese', async () => {
    await org(false);
    const s = h.current;
    expect(await s.ask('王五', '团队')).toBe('团队简报只给团队经理看。要管理团队，请联系管理员（李四）。');
    const other = await s.ask('赵六', '团队');
    expect(other).toContain('华西');
    expect(other).not.toContain('王五');
    const own = await s.ask('张三', '团队');
    expect(own).toContain('华东');
    expect(own).toContain('王五');
    expect(await s.ask('李四', '团队')).toBe('团队简报只给团队经理看。要管理团队，请联系管理员（李四）。');
  });

  it('in English', async () => {
    await org(true);
    const s = h.current;
    expect(await s.ask('Wang', 'team')).toBe('The team digest is for team managers. To manage a team, ask an admin (Li).');
    expect(await s.ask('Zhao', 'team')).not.toContain('Wang');
    expect(await s.ask('Zhang', 'team')).toContain('Wang');
  });
});
