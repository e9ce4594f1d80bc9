import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

/**
 * Defects found trying issue #13 end to end as its users would (admin, manager, rep). 2026-11-27 is
 * a Friday; everyone is in Asia/Shanghai (UTC+8); quiet hours are the default 22:00–07:00.
 */
const h = useHarness();

async function managerInbox(id: string): Promise<string[]> {
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${encodeURIComponent(id)}`)).map((m) => m.text);
}

async function passAt(instant: string): Promise<void> {
  h.current.clock.set(instant);
  await h.current.app.scheduler.runDueNow();
  await h.current.app.delivery.drainOnce();
}

describe('join requests held in quiet hours', () => {
  it('are not sent after the manager has already decided them (sent `同意 王五` at night from the team list)', async () => {
    const s = h.current;
    await s.register('李四', '张三', '王五', '孙七');
    await s.say('李四', '创建团队 华东 经理 张三');
    await managerInbox('张三');
    s.clock.set('2026-11-27T15:00:00Z'); // 23:00, quiet hours
    await s.say('王五', '加入团队 华东');
    await s.say('孙七', '加入团队 华东');
    expect(await managerInbox('张三')).toEqual([]);
    // The manager decides both before the held questions go out (a declined one asked again too).
    expect(await s.ask('张三', '同意 王五')).toBe('王五已加入团队"华东"。');
    expect(await s.ask('张三', '拒绝 孙七')).toBe('已拒绝孙七加入团队"华东"的申请。');
    await s.say('孙七', '加入团队 华东');
    await passAt('2026-11-27T23:00:00Z'); // 07:00
    // Only the request still waiting is asked, once.
    expect(await managerInbox('张三')).toEqual(['孙七申请加入团队"华东"。回复"同意 孙七"或"拒绝 孙七"。']);
  });
});

describe('the team on a past day', () => {
  it('`团队 昨天` and a date do not say "today" of a past day', async () => {
    const s = h.current;
    s.clock.set('2026-11-27T03:00:00Z'); // Friday 11:00
    await s.register('李四', '张三', '王五');
    await s.say('李四', '创建团队 华东 经理 张三');
    await s.say('王五', '加入团队 华东');
    await s.say('张三', '同意 王五');
    const yesterday = await s.ask('张三', '团队 昨天');
    expect(yesterday).toContain('每日简报（2026-11-26）');
    expect(yesterday).toContain('王五：没有拜访；日报未交');
    expect(yesterday).not.toContain('今天');
    expect(await s.ask('张三', '团队 2026-11-25')).not.toContain('今天');
  });
});

describe('a refusal of `团队 <name>`', () => {
  it('does not name the person as their own manager when they manage another team', async () => {
    const s = h.current;
    await s.register('李四', '张三', '王五', '孙七');
    await s.say('李四', '创建团队 华东 经理 张三');
    await s.say('李四', '创建团队 西区 经理 王五');
    await s.say('王五', '加入团队 华东');
    await s.say('张三', '同意 王五');
    expect(await s.ask('孙七', '团队 王五')).toBe('只有王五的经理（张三）或管理员（李四）可以查看其一天。');
  });
});

describe('two people with the same name in the same team', () => {
  it('are told apart in the numbered list (it read 1. 张三（华东） 2. 张三（华东）)', async () => {
    const s = h.current;
    s.clock.set('2026-11-27T02:00:00Z');
    await s.register('李四', '经理');
    await s.say('李四', '加入方式 开放');
    await s.say('李四', '创建团队 华东 经理 经理');
    await s.say('zhang-a', '帮助', { displayName: '张三' });
    await s.say('zhang-b', '帮助', { displayName: '张三' });
    await s.say('zhang-a', '加入团队 华东');
    await s.say('zhang-b', '加入团队 华东');
    await s.say('zhang-a', '新客户 华为 22.54,113.95');
    await s.say('zhang-a', '签到 华为 22.54,113.95');
    const asked = await s.ask('经理', '团队 张三');
    expect(asked).toContain('1. 张三（华东，最近签到：华为 2026-11-27）');
    // users.created_at is the database's clock, not the test's.
    expect(asked).toMatch(/\n2\. 张三（华东，\d{4}-\d{2}-\d{2} 开始使用）$/u);
    await s.say('经理', 'language en');
    const english = await s.ask('经理', 'team 张三');
    expect(english).toContain('1. 张三 (华东, last check-in 华为 2026-11-27)');
    expect(english).toMatch(/\n2\. 张三 \(华东, since \d{4}-\d{2}-\d{2}\)$/u);
  });
});

describe('`同意 张三` with two people called 张三', () => {
  it('approves the one who asked, without listing a namesake who asked nothing', async () => {
    const s = h.current;
    await s.register('李四', '经理');
    await s.say('李四', '创建团队 华东 经理 经理');
    await s.say('zhang-a', '帮助', { displayName: '张三' });
    await s.say('zhang-b', '帮助', { displayName: '张三' });
    await s.say('zhang-a', '加入团队 华东');
    await s.say('经理', '同意 张三');
    await s.say('zhang-b', '加入团队 华东');
    expect(await s.ask('经理', '同意 张三')).toBe('张三已加入团队"华东"。');
    const members = await s.db.selectFrom('team_memberships').select('user_id').where('role', '=', 'rep').execute();
    expect(members).toHaveLength(2);
  });
});
