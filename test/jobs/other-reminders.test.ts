import { describe, expect, it } from 'vitest';
import { comeBack, goAway, setReminderKind } from '../../src/core/schedules/manage-prefs.ts';
import { redisUrl, skipRedisReason, useFileDatabase, useSchedulerEnv, type RunnerMode } from './support/scheduler-env.ts';

/**
 * Check-out, follow-up-date and overdue-key-customer reminders, and the chat-facing use cases that
 * pause them or turn a kind off. Asia/Shanghai is UTC+8; quiet hours default to 22:00–07:00.
 */
const modes: RunnerMode[] = ['in-process', 'bullmq'];
const database = useFileDatabase();

describe.each(modes)('other reminders (%s runner)', (mode) => {
  describe.skipIf(mode === 'bullmq' && !redisUrl)(mode === 'bullmq' && !redisUrl ? skipRedisReason : 'scenarios', () => {
    const env = useSchedulerEnv(mode, database);

    async function people() {
      const { seed } = env.current;
      await seed.org();
      await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager' });
      await seed.user('Ann', { zone: 'Asia/Shanghai' });
      await seed.user('Ben', { zone: 'Asia/Shanghai', language: 'zh-CN' });
      await seed.team('East', { manager: 'mgr', reps: ['Ann', 'Ben'] });
      const added = new Date('2026-10-28T00:00:00Z');
      await seed.customer('Huawei', { tier: 'B', owner: 'Ann', createdAt: added });
      await seed.customer('ZTE', { tier: 'C', owner: 'Ann', createdAt: added });
    }
    const user = (name: string) => env.current.database.db.selectFrom('users').selectAll().where('id', '=', env.current.seed.id(name)).executeTakeFirstOrThrow();
    // Checks reminders only: the Friday board and 19:00 digest go elsewhere; report reminders are counted out.
    const reminders = async (name: string) => (await env.current.delivered(`local:user:${name}`)).filter((t) => !/daily report|日报/.test(t));

    it('reminds to check out of a visit open 3 hours, once, and waits out quiet hours', async () => {
      await people();
      const e = env.current;
      await e.seed.visit('Ann', 'Huawei', { at: '2026-10-30T02:00:00Z', status: 'verified', endedAt: null }); // 10:00
      await e.seed.visit('Ben', 'ZTE', { at: '2026-10-30T13:30:00Z', status: 'verified', endedAt: null }); // 21:30
      await e.at('2026-10-30T04:59:00Z');
      expect(await reminders('Ann')).toEqual([]);
      await e.at('2026-10-30T05:00:00Z');
      await e.at('2026-10-30T06:00:00Z');
      expect(await reminders('Ann')).toEqual(['Your visit at Huawei has been open since 10:00 (3 h 0 min). Send "checkout <notes>" when you leave.']);
      await e.at('2026-10-30T16:30:00Z'); // 00:30: quiet
      expect(await reminders('Ben')).toEqual([]);
      await e.at('2026-10-30T23:00:00Z'); // 07:00
      expect(await reminders('Ben')).toEqual(['你在ZTE的拜访从 21:30 开始，已经 9 小时 30 分钟还没签退。离开时请发送「签退 <备注>」。']);
    });

    it('lists the follow-ups due at 09:00 on their date, even on a Saturday', async () => {
      await people();
      const e = env.current;
      await e.seed.visit('Ann', 'Huawei', { at: '2026-10-29T02:00:00Z', notes: 'demo', nextStep: 'send quote', followUp: '2026-10-31' });
      await e.seed.visit('Ann', 'ZTE', { at: '2026-10-29T04:00:00Z', notes: 'call', followUp: '2026-10-31' });
      await e.seed.visit('Ann', 'ZTE', { at: '2026-10-29T05:00:00Z', notes: 'later', nextStep: 'x', followUp: '2026-11-05' });
      await e.at('2026-10-31T00:59:00Z');
      expect(await reminders('Ann')).toEqual([]);
      await e.at('2026-10-31T01:00:00Z');
      await e.at('2026-10-31T05:00:00Z');
      expect(await reminders('Ann')).toEqual(['Follow-ups due today (2026-10-31):\n• Huawei: send quote\n• ZTE']);
    });

    it('nudges owners about overdue key customers on Monday 09:00', async () => {
      await people();
      const e = env.current;
      await e.seed.customer('Alibaba', { tier: 'A', owner: 'Ben', createdAt: new Date('2026-01-01T00:00:00Z') });
      await e.seed.customer('Baidu', { tier: 'C', owner: 'Ben', createdAt: new Date('2026-01-01T00:00:00Z') });
      await e.seed.customer('Tencent', { tier: 'A', owner: 'Ben', createdAt: new Date('2026-01-01T00:00:00Z') });
      await e.seed.visit('Ann', 'Alibaba', { at: '2026-10-20T02:00:00Z', status: 'verified' });
      await e.seed.visit('Ann', 'Tencent', { at: '2026-10-30T02:00:00Z', status: 'verified' });
      await e.at('2026-11-02T00:59:00Z');
      expect(await reminders('Ben')).toEqual([]);
      await e.at('2026-11-02T01:00:00Z');
      await e.at('2026-11-02T02:00:00Z');
      expect(await reminders('Ben')).toEqual(['以下重点客户该去拜访了：\n• Alibaba（A 级）：上次拜访是 12 天前\n• Baidu（C 级）：还没有拜访记录']);
      // Ann's customers were added on 28 October: not overdue yet, so no nudge at all.
      expect(await reminders('Ann')).toEqual([]);
    });

    it('asks once per Monday: a customer overdue by the afternoon is in the next week\'s nudge', async () => {
      await people();
      const e = env.current;
      // Tier A (7 days), added Monday 26 October 14:00 in Shanghai: overdue from 14:00 on 2 November.
      await e.seed.customer('Xiaomi', { tier: 'A', owner: 'Ann', createdAt: new Date('2026-10-26T06:00:00Z') });
      await e.at('2026-11-02T01:00:00Z'); // Monday 09:00: nothing overdue yet
      await e.at('2026-11-02T07:00:00Z'); // 15:00: overdue now, but Monday's answer stands
      expect(await reminders('Ann')).toEqual([]);
      await e.at('2026-11-09T01:00:00Z');
      expect(await reminders('Ann')).toEqual([expect.stringContaining('Xiaomi')]);
    });

    it('"away until Friday" pauses every reminder through Friday; "back" resumes; a kind can be turned off', async () => {
      await people();
      const e = env.current;
      const deps = { db: e.database.db, clock: e.clock };
      e.clock.set('2026-10-28T02:00:00Z'); // Wednesday
      expect((await goAway(deps, { user: await user('Ann'), untilText: 'Friday' })).text).toBe(
        'Reminders paused through Friday 2026-10-30. Send "back" to turn them on earlier.',
      );
      expect((await goAway(deps, { user: await user('Ben'), untilText: '周五' })).text).toBe('已暂停提醒，直到 2026-10-30（周五）。提前回来请发送「恢复」。');
      expect((await goAway(deps, { user: await user('Ann'), untilText: 'someday maybe' })).text).toContain(`couldn't read "someday maybe"`);
      await e.seed.visit('Ann', 'Huawei', { at: '2026-10-30T02:00:00Z', status: 'verified', endedAt: null });
      await e.at('2026-10-30T05:00:00Z');
      await e.at('2026-10-30T10:00:00Z');
      expect(await e.delivered('local:user:Ann')).toEqual([]);
      expect(await e.delivered('local:user:Ben')).toEqual([]);

      e.clock.set('2026-10-29T01:00:00Z');
      expect((await comeBack(deps, { user: await user('Ben') })).text).toBe('欢迎回来，提醒已恢复。');
      expect((await comeBack(deps, { user: await user('Ben') })).text).toBe('你的提醒本来就是开启的。');
      expect((await setReminderKind(deps, { user: await user('Ben'), kind: 'report', enabled: false })).text).toBe('已关闭日报提醒。发送「开启提醒 日报」可重新开启。');
      await e.seed.visit('Ben', 'ZTE', { at: '2026-10-30T03:00:00Z', status: 'verified', endedAt: null });
      await e.at('2026-10-30T06:00:00Z');
      await e.at('2026-10-30T10:00:00Z');
      // Back, with the report reminder off: the check-out reminder comes, the report one does not.
      expect(await e.delivered('local:user:Ben')).toEqual([expect.stringContaining('还没签退')]);
      expect((await setReminderKind(deps, { user: await user('Ann'), kind: 'checkout', enabled: true })).text).toBe('check-out reminders are on.');
    });
  });
});
