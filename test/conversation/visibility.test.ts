import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish } from './helpers.ts';

const h = useHarness();

/** The card's visit and follow-up lines, as `who` sees them. */
async function cardLines(who: string, command: string): Promise<string[]> {
  const card = await h.current.ask(who, command);
  return card.split('\n').filter((line) => line.startsWith('•'));
}

describe('visit notes on a customer card', () => {
  /**
   * 李四 admin; 张三 manages 华东 (王五, 孙七); 赵六 manages 华西 (钱八). 王五 logs a visit at 华为
   * with notes and a next step.
   */
  async function org() {
    await h.current.register('李四', '张三', '王五', '孙七', '赵六', '钱八');
    await h.current.say('李四', '加入方式 开放');
    await h.current.say('李四', '创建团队 华东 经理 张三');
    await h.current.say('李四', '创建团队 华西 经理 赵六');
    for (const [who, team] of [['王五', '华东'], ['孙七', '华东'], ['钱八', '华西']] as const) await h.current.say(who, `加入团队 ${team}`);
    await h.current.say('王五', '新客户 华为 22.54,113.95');
    await h.current.say('王五', '签到 华为 22.54,113.95');
    await h.current.say('王五', '拜访 华为 谈了价格 下一步 发报价 跟进 下周五');
  }

  const withNotes = ['• 2026-11-27 王五（已核实）：谈了价格', '• 2026-12-04 发报价（王五）'];
  const withoutNotes = ['• 2026-11-27 王五（已核实）', '• 2026-12-04 跟进（王五）'];

  it("shows a rep's notes to the rep, their manager and admins only", async () => {
    await org();
    expect(await cardLines('王五', '客户 华为'), 'the author').toEqual(withNotes);
    expect(await cardLines('张三', '客户 华为'), 'their manager').toEqual(withNotes);
    expect(await cardLines('李四', '客户 华为'), 'an admin').toEqual(withNotes);
    expect(await cardLines('孙七', '客户 华为'), 'a teammate').toEqual(withoutNotes);
    expect(await cardLines('赵六', '客户 华为'), 'a manager of another team').toEqual(withoutNotes);
    expect(await cardLines('钱八', '客户 华为'), 'a rep of another team').toEqual(withoutNotes);
  });

  it('shares notes within a team when an admin turns it on, never across teams', async () => {
    await org();
    expect(await h.current.ask('张三', '共享备注 开')).toBe('只有管理员可以这样做，请联系李四。');
    expect(await h.current.ask('李四', '共享备注 开')).toBe('现在同一团队的成员可以在客户卡片上看到彼此的拜访备注。');
    expect(await cardLines('孙七', '客户 华为'), 'a teammate').toEqual(withNotes);
    expect(await cardLines('钱八', '客户 华为'), 'a rep of another team').toEqual(withoutNotes);
    expect(await cardLines('赵六', '客户 华为'), 'a manager of another team').toEqual(withoutNotes);
    expect(await h.current.ask('李四', '共享备注 关')).toBe('现在客户卡片上的拜访备注只给本人、团队经理和管理员看。');
    expect(await cardLines('孙七', '客户 华为')).toEqual(withoutNotes);
  });

  it('applies the same rule in English', async () => {
    for (const id of ['Li', 'Zhang', 'Wang', 'Sun']) await registerInEnglish(h.current, id);
    await h.current.say('Li', 'joining open');
    await h.current.say('Li', 'team create East manager Zhang');
    await h.current.say('Wang', 'join East');
    await h.current.say('Sun', 'join East');
    await h.current.say('Wang', 'new customer Acme 37.77,-122.42');
    await h.current.say('Wang', 'checkin Acme 37.77,-122.42');
    await h.current.say('Wang', 'visit Acme: talked price; next: send quote; follow up: next Friday');
    expect(await cardLines('Zhang', 'customer Acme')).toEqual(['• 2026-11-27 Wang (verified): talked price', '• 2026-12-04 send quote (Wang)']);
    expect(await cardLines('Sun', 'customer Acme')).toEqual(['• 2026-11-27 Wang (verified)', '• 2026-12-04 follow-up (Wang)']);
    expect(await h.current.ask('Li', 'share notes on')).toBe("Team members now see each other's visit notes on customer cards.");
    expect(await cardLines('Sun', 'customer Acme')).toEqual(['• 2026-11-27 Wang (verified): talked price', '• 2026-12-04 send quote (Wang)']);
  });
});
