import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, registerInEnglish, snapshot } from './helpers.ts';

const h = useHarness();

/** 李四 admin; 张三 manages 华东 (王五, 孙七); 赵六 manages 华西. 王五 filed today's report. */
async function org() {
  await h.current.register('李四', '张三', '王五', '孙七', '赵六');
  await h.current.say('李四', '加入方式 开放');
  await h.current.say('李四', '创建团队 华东 经理 张三');
  await h.current.say('李四', '创建团队 华西 经理 赵六');
  await h.current.say('王五', '加入团队 华东');
  await h.current.say('孙七', '加入团队 华东');
  await h.current.say('王五', '日报 拜访了华为\n明天跟进报价');
}

describe("a manager reads the team's reports in Chinese", () => {
  it("日报 张三 shows that member's report and never files the manager's own", async () => {
    await org();
    const reports = await countRows(h.current, 'daily_reports');
    expect(await h.current.ask('张三', '日报 王五')).toBe('王五的日报（2026-11-27，10:00 提交）：\n拜访了华为\n明天跟进报价');
    expect(await h.current.ask('张三', '日报 孙七')).toBe('孙七还没有提交 2026-11-27 的日报。');
    expect(await h.current.ask('李四', '日报 王五')).toContain('王五的日报');
    expect(await countRows(h.current, 'daily_reports')).toBe(reports);
    // The manager's own report still works, including words that name nobody.
    expect(await h.current.ask('张三', '日报 今天带新人')).toBe('2026-11-27 日报已提交，辛苦了！');
  });

  it('refuses a manager of another team, and a rep naming a colleague files their own report as before', async () => {
    await org();
    const before = await snapshot(h.current);
    expect(await h.current.ask('赵六', '日报 王五')).toBe('只有王五的经理或管理员可以查看其日报。');
    expect(await snapshot(h.current)).toEqual(before);
    expect(await h.current.ask('孙七', '日报 王五')).toBe('2026-11-27 日报已提交，辛苦了！');
  });

  it('日报 团队 lists who filed, with the first line', async () => {
    await org();
    expect(await h.current.ask('张三', '日报 团队')).toBe('团队今天的日报\n\n团队"华东"今天的日报：已交 1/2\n• 孙七：未交\n• 王五：拜访了华为');
    expect(await h.current.ask('赵六', '日报 团队')).toBe('团队今天的日报\n\n团队"华西"今天的日报：已交 0/0\n• 还没有成员');
    const before = await snapshot(h.current);
    expect(await h.current.ask('孙七', '日报 团队')).toBe('团队日报只给团队经理看。要管理团队，请联系管理员（李四）。');
    expect(await snapshot(h.current)).toEqual(before);
  });
});

describe("a manager reads the team's reports in English", () => {
  it('report <name>, report team, and the refusals', async () => {
    for (const id of ['Li', 'Zhang', 'Wang', 'Zhao']) await registerInEnglish(h.current, id);
    await h.current.say('Li', 'joining open');
    await h.current.say('Li', 'team create East manager Zhang');
    await h.current.say('Li', 'team create West manager Zhao');
    await h.current.say('Wang', 'join East');
    h.current.clock.set('2026-11-27T14:00:00Z'); // 22:00 in Shanghai: after the 20:00 deadline
    await h.current.say('Wang', 'report visited Acme');
    expect(await h.current.ask('Zhang', 'report Wang')).toBe("Wang's daily report for 2026-11-27 (submitted 22:00, late):\nvisited Acme");
    expect(await h.current.ask('Zhang', 'report team')).toBe('Team daily reports today\n\nTeam "East" daily reports today: 1 of 1 in\n• Wang (late): visited Acme');
    expect(await h.current.ask('Zhao', 'report Wang')).toBe("Only Wang's manager or an admin can read their reports.");
    expect(await h.current.ask('Wang', 'report team')).toBe('Team reports are for team managers. To manage a team, ask an admin (Li).');
  });
});
