import { describe, expect, it } from 'vitest';
import { saveScheduleOverrides } from '../../src/core/schedules/settings-repository.ts';
import { savePrefs } from '../../src/core/schedules/prefs.ts';
import { submitDailyReport } from '../../src/core/reports/submit-daily-report.ts';
import { redisUrl, skipRedisReason, useFileDatabase, useSchedulerEnv, type RunnerMode } from './support/scheduler-env.ts';

/**
 * The daily-report reminder, driven by a manual clock through the real scheduler (in-process, and
 * BullMQ when REDIS_URL is set) and delivered through the outbox to the local chat.
 * 2026-10-30 is a Friday; Los Angeles leaves daylight saving time on Sunday 2026-11-01.
 */
const modes: RunnerMode[] = ['in-process', 'bullmq'];
const database = useFileDatabase();

describe.each(modes)('report reminders (%s runner)', (mode) => {
  describe.skipIf(mode === 'bullmq' && !redisUrl)(mode === 'bullmq' && !redisUrl ? skipRedisReason : 'scenarios', () => {
    const env = useSchedulerEnv(mode, database);

    async function twoTeams() {
      const { seed } = env.current;
      await seed.org();
      await seed.user('mgrEast', { zone: 'Asia/Shanghai', language: 'zh-CN', role: 'manager' });
      await seed.user('alice', { zone: 'Asia/Shanghai', language: 'zh-CN' });
      await seed.user('carol', { zone: 'Asia/Shanghai', language: 'en-US' });
      await seed.user('mgrWest', { zone: 'America/Los_Angeles', role: 'manager' });
      await seed.user('bob', { zone: 'America/Los_Angeles' });
      await seed.team('East', { manager: 'mgrEast', reps: ['alice', 'carol'] });
      await seed.team('West', { manager: 'mgrWest', reps: ['bob'] });
    }

    it('reaches each team at its own 18:00, across the DST change in Los Angeles', async () => {
      await twoTeams();
      const e = env.current;
      await e.at('2026-10-30T09:59:00Z'); // 17:59 in Shanghai
      expect(await e.delivered('local:user:alice')).toEqual([]);

      await e.at('2026-10-30T10:00:00Z'); // 18:00 in Shanghai, 03:00 in Los Angeles
      expect(await e.delivered('local:user:alice')).toEqual([
        '现在是 18:00，你 2026-10-30 的日报还没交。发送「日报」查看今天的汇总，或发送「日报 <内容>」直接提交。（外出请假？发送「请假 到 周五」暂停提醒。）',
      ]);
      expect(await e.delivered('local:user:carol')).toHaveLength(1);
      expect(await e.delivered('local:user:bob')).toEqual([]);
      expect(await e.delivered('local:user:mgrEast')).toEqual([]);

      await e.at('2026-10-31T00:59:00Z'); // 17:59 PDT
      expect(await e.delivered('local:user:bob')).toEqual([]);
      await e.at('2026-10-31T01:00:00Z'); // 18:00 PDT (UTC-7)
      expect(await e.delivered('local:user:bob')).toEqual([
        `It's 18:00: your daily report for 2026-10-30 isn't in yet. Send "report" to see today's summary, or "report <text>" to file it. (Away? "away until Friday" pauses reminders.)`,
      ]);

      // Monday after the change: 01:00Z is now 17:00 PST; 18:00 PST is 02:00Z.
      await e.at('2026-11-03T01:00:00Z');
      expect(await e.delivered('local:user:bob')).toHaveLength(1);
      await e.at('2026-11-03T02:00:00Z');
      const bob = await e.delivered('local:user:bob');
      expect(bob).toHaveLength(2);
      expect(bob[1]).toContain('2026-11-02');
      // Nobody got anything twice, and the weekend was quiet.
      expect(await e.delivered('local:user:alice')).toHaveLength(1);
    });

    it('follows up once at 19:00, and not once the report is in', async () => {
      await twoTeams();
      const e = env.current;
      await e.at('2026-10-30T10:00:00Z');
      e.clock.set('2026-10-30T10:30:00Z');
      await submitDailyReport(
        { db: e.database.db, clock: e.clock },
        { orgId: e.seed.orgId, userId: e.seed.id('carol'), deadline: '20:00', body: 'visited 3' },
      );
      await e.at('2026-10-30T10:59:00Z');
      expect(await e.delivered('local:user:alice')).toHaveLength(1);
      await e.at('2026-10-30T11:00:00Z'); // 19:00
      await e.at('2026-10-30T11:30:00Z');
      const alice = await e.delivered('local:user:alice');
      expect(alice).toHaveLength(2);
      expect(alice[1]).toBe('提醒：你 2026-10-30 的日报还没交（截止 20:00）。发送「日报 <内容>」即可提交。');
      expect(await e.delivered('local:user:carol')).toHaveLength(1);
    });

    it('catches up after downtime with the reminder still relevant, once', async () => {
      await twoTeams();
      const e = env.current;
      await e.at('2026-10-30T09:59:00Z');
      await e.at('2026-10-30T10:45:00Z'); // down from 17:59 to 18:45
      expect(await e.delivered('local:user:alice')).toEqual([expect.stringContaining('现在是 18:45')]);
      // Down through 19:00 for carol's side too: only the follow-up is still relevant by 19:20.
      await e.database.db.deleteFrom('scheduled_sends').where('user_id', '=', e.seed.id('carol')).execute();
      await e.at('2026-10-30T11:20:00Z');
      expect(await e.delivered('local:user:alice')).toHaveLength(2);
      expect((await e.delivered('local:user:carol')).at(-1)).toContain('still missing');
    });

    it('is quiet on weekends and holidays', async () => {
      await twoTeams();
      const e = env.current;
      const westId = e.seed.teams.get('West')!;
      await saveScheduleOverrides({ db: e.database.db }, { scope: 'team', scopeId: westId, orgId: e.seed.orgId, overrides: { holidays: ['2026-11-02'] }, now: e.clock.now() });
      await e.at('2026-10-31T10:00:00Z'); // Saturday 18:00 in Shanghai
      await e.at('2026-11-01T10:00:00Z'); // Sunday
      expect(await e.delivered('local:user:alice')).toEqual([]);
      await e.at('2026-11-02T10:00:00Z'); // Monday in Shanghai: not a holiday for East
      expect(await e.delivered('local:user:alice')).toHaveLength(1);
      await e.at('2026-11-03T02:00:00Z'); // Monday 18:00 PST: West's holiday
      await e.at('2026-11-03T03:00:00Z');
      expect(await e.delivered('local:user:bob')).toEqual([]);
    });

    it('waits out quiet hours while still due, and drops what they cover entirely', async () => {
      await twoTeams();
      const e = env.current;
      const db = e.database.db;
      const now = e.clock.now();
      await saveScheduleOverrides({ db }, { scope: 'org', scopeId: e.seed.orgId, orgId: e.seed.orgId, overrides: { quietHours: { start: '17:30', end: '18:30' } }, now });
      await saveScheduleOverrides({ db }, { scope: 'team', scopeId: e.seed.teams.get('West')!, orgId: e.seed.orgId, overrides: { reminders: { report: '22:30', reportFollowUpMinutes: 0 }, quietHours: { start: '22:00', end: '07:00' } }, now });
      await e.at('2026-10-30T10:00:00Z'); // 18:00 Shanghai, in the quiet window
      expect(await e.delivered('local:user:alice')).toEqual([]);
      await e.at('2026-10-30T10:30:00Z'); // 18:30: quiet over, still due
      expect(await e.delivered('local:user:alice')).toEqual([expect.stringContaining('现在是 18:30')]);

      await e.at('2026-10-31T05:30:00Z'); // 22:30 PDT: inside West's quiet hours
      await e.at('2026-10-31T06:59:00Z'); // 23:59 PDT
      await e.at('2026-10-31T14:00:00Z'); // 07:00 Saturday: the day is over
      expect(await e.delivered('local:user:bob')).toEqual([]);
    });

    it('respects pauses and a reminder kind turned off, and skips people it cannot reach', async () => {
      await twoTeams();
      const e = env.current;
      const db = e.database.db;
      await e.seed.user('dave', { zone: 'Asia/Shanghai', reachable: false });
      await savePrefs(db, e.seed.id('alice'), { awayUntil: '2026-11-02' }, e.clock.now());
      await savePrefs(db, e.seed.id('carol'), { remindersOff: ['report'] }, e.clock.now());
      await e.at('2026-10-30T10:00:00Z');
      await e.at('2026-11-02T10:00:00Z');
      await e.at('2026-11-02T11:00:00Z');
      expect(await e.delivered('local:user:alice')).toEqual([]);
      await e.at('2026-11-03T10:00:00Z'); // back on Tuesday
      expect(await e.delivered('local:user:alice')).toHaveLength(1);
      expect(await e.delivered('local:user:carol')).toEqual([]);
      expect(await db.selectFrom('scheduled_sends').select('key').where('user_id', '=', e.seed.id('dave')).execute()).toEqual([]);
    });

    it('writes each reminder once when two workers run the same minute at the same time', async () => {
      await twoTeams();
      const e = env.current;
      const second = e.another();
      await second.start({ schedules: false });
      e.clock.set('2026-10-30T10:00:00Z');
      await Promise.all([e.scheduler.runDueNow(), second.runDueNow(), e.scheduler.runDueNow(), second.runDueNow()]);
      await Promise.all([e.delivery.drainOnce(), e.delivery.drainOnce()]);
      expect(await e.queued('local:user:alice')).toHaveLength(1);
      expect(await e.delivered('local:user:alice')).toHaveLength(1);
      expect(await e.delivered('local:user:carol')).toHaveLength(1);
      // Nothing failed and was retried behind the scenes (a deadlock between the passes would).
      expect([e.scheduler.runner.stats.failed, second.runner.stats.failed]).toEqual([{}, {}]);
      await second.stop();
    });
  });
});
