import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, userOf } from './helpers.ts';

describe('registration with the default language (zh-CN)', () => {
  const h = useHarness();

  it('makes the first user of an org its admin and welcomes them in Chinese', async () => {
    const replies = await h.current.say('alice', '帮助', { displayName: 'Alice Wang' });
    expect(replies[0]).toBe('欢迎使用 Legwork，Alice Wang！你是第一位用户，已成为管理员。Legwork 只在你签到时记录位置，并保存你的拜访、备注和日报（保存什么、保存多久：http://legwork.test/privacy?lang=zh-CN）。发送"帮助"查看所有命令。');
    expect(replies[1]).toContain('命令（示例）：');
    expect(await userOf(h.current, 'alice')).toMatchObject({
      display_name: 'Alice Wang',
      role: 'admin',
      language: 'zh-CN',
      time_zone: 'Asia/Shanghai',
    });
  });

  it('registers the second user as a rep in the same org', async () => {
    await h.current.say('alice', '你好');
    const replies = await h.current.say('bob', '今天');
    expect(replies[0]).toBe('欢迎使用 Legwork，bob！Legwork 只在你签到时记录位置，并保存你的拜访、备注和日报（保存什么、保存多久：http://legwork.test/privacy?lang=zh-CN）。发送"帮助"查看所有命令。');
    expect(replies[1]).toContain('今天（2026-11-27）：');
    expect((await userOf(h.current, 'bob')).role).toBe('rep');
    expect(await countRows(h.current, 'users')).toBe(2);
    const orgs = await h.current.db.selectFrom('orgs').select(['id', 'checkin_radius_m', 'report_deadline']).execute();
    expect(orgs).toEqual([{ id: expect.any(String), checkin_radius_m: 500, report_deadline: '20:00' }]);
  });

  it('welcomes a person once', async () => {
    expect(await h.current.say('alice', '今天')).toHaveLength(2);
    const again = await h.current.say('alice', '今天');
    expect(again).toHaveLength(1);
    expect(again[0]).not.toContain('欢迎');
    expect(await countRows(h.current, 'identities')).toBe(1);
  });

  it('welcomes, then runs the first message as a command', async () => {
    const replies = await h.current.say('alice', '新客户 华为 22.54,113.95');
    expect(replies).toEqual([
      '欢迎使用 Legwork，alice！你是第一位用户，已成为管理员。Legwork 只在你签到时记录位置，并保存你的拜访、备注和日报（保存什么、保存多久：http://legwork.test/privacy?lang=zh-CN）。发送"帮助"查看所有命令。',
      '已新建客户"华为"（22.54000,113.95000）。',
    ]);
    expect(await countRows(h.current, 'customers')).toBe(1);
  });

  it('welcomes a newcomer even when their first message is refused, and keeps the registration', async () => {
    const replies = await h.current.say('alice', '签到 华为 91,200');
    expect(replies).toEqual([
      '欢迎使用 Legwork，alice！你是第一位用户，已成为管理员。Legwork 只在你签到时记录位置，并保存你的拜访、备注和日报（保存什么、保存多久：http://legwork.test/privacy?lang=zh-CN）。发送"帮助"查看所有命令。',
      '坐标超出范围：纬度须在 -90 到 90 之间，经度须在 -180 到 180 之间。',
    ]);
    expect(await countRows(h.current, 'users')).toBe(1);
    expect(await countRows(h.current, 'check_ins')).toBe(0);
  });
});

describe('registration in an org whose default language is English', () => {
  const h = useHarness({ DEFAULT_LANGUAGE: 'en-US' });

  it('welcomes the first user (admin) and the second (rep) in English', async () => {
    expect(await h.current.say('alice', 'help')).toEqual([
      'Welcome to Legwork, alice! You are the first person here, so you are the admin. Legwork records your location only when you check in, with your visits, notes and reports (what is kept, and for how long: http://legwork.test/privacy?lang=en-US). Type "help" to see what I can do.',
      expect.stringContaining('Commands (examples):'),
    ]);
    expect((await h.current.say('bob', 'today'))[0]).toBe('Welcome to Legwork, bob! Legwork records your location only when you check in, with your visits, notes and reports (what is kept, and for how long: http://legwork.test/privacy?lang=en-US). Type "help" to see what I can do.');
    expect(await userOf(h.current, 'alice')).toMatchObject({ role: 'admin', language: 'en-US' });
    expect(await userOf(h.current, 'bob')).toMatchObject({ role: 'rep', language: 'en-US' });
  });
});

describe('registration when many people write at once', () => {
  const h = useHarness();

  it('makes exactly one of them the admin, however their first messages interleave', async () => {
    // On PostgreSQL the turns run in parallel on the pool; the org's creation (the tenant's unique
    // key) orders them, so whoever commits first is the admin and everyone else a rep.
    const people = Array.from({ length: 12 }, (_, i) => `newcomer-${i}`);
    const answers = await Promise.all(people.map((userId) => h.current.post({ userId, text: '帮助' })));
    expect(answers.map((r) => r.status)).toEqual(people.map(() => 202));
    const roles = await h.current.db.selectFrom('users').select('role').execute();
    expect(roles).toHaveLength(people.length);
    expect(roles.filter((r) => r.role === 'admin')).toHaveLength(1);
    expect(await h.current.db.selectFrom('orgs').select('id').execute()).toHaveLength(1);
  });
});
