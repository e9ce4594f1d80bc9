import { describe, expect, it } from 'vitest';
import { goAway, setReminderKind } from '../../src/core/schedules/manage-prefs.ts';
import { redisUrl, skipRedisReason, useFileDatabase, useSchedulerEnv, type RunnerMode } from './support/scheduler-env.ts';

/**
 * Plan reminders (issue 14): the day's plan at 08:30 local on workdays and a reminder 30 minutes
 * before each stop with a time, through the scheduler's natural keys. 2026-10-30 is a Friday;
 * Shanghai is UTC+8, Los Angeles UTC-7 that day; quiet hours default to 22:00–07:00.
 */
const modes: RunnerMode[] = ['in-process', 'bullmq'];
const database = useFileDatabase();

describe.each(modes)('plan reminders (%s runner)', (mode) => {
  describe.skipIf(mode === 'bullmq' && !redisUrl)(mode === 'bullmq' && !redisUrl ? skipRedisReason : 'scenarios', () => {
    const env = useSchedulerEnv(mode, database);

    async function people() {
      const { seed } = env.current;
      await seed.org();
      await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager' });
      await seed.user('Ann', { zone: 'Asia/Shanghai' });
      await seed.user('Ben', { zone: 'America/Los_Angeles', language: 'zh-CN' });
      await seed.team('East', { manager: 'mgr', reps: ['Ann', 'Ben'] });
      await seed.customer('Huawei', { owner: 'Ann' });
      await seed.customer('ZTE', { owner: 'Ann' });
    }
    async function plan(user: string, customer: string, date: string, minute: number | null) {
      const { seed, database: db } = env.current;
      await db.db
        .insertInto('visit_plans')
        .values({ org_id: seed.orgId, user_id: seed.id(user), customer_id: seed.customers.get(customer)!, local_date: date, planned_minute: minute, planned_by: seed.id(user) })
        .execute();
    }
    // Plan messages only: report reminders and digests of the same day are counted out.
    const planTexts = async (name: string) => (await env.current.delivered(`local:user:${name}`)).filter((t) => !/daily report|日报/.test(t));

    it('sends the day plan at 08:30 and each timed stop 30 minutes before, once each', async () => {
      await people();
      const e = env.current;
      await plan('Ann', 'Huawei', '2026-10-30', 600);
      await plan('Ann', 'ZTE', '2026-10-30', null);
      await e.at('2026-10-30T00:29:00Z');
      expect(await planTexts('Ann')).toEqual([]);
      await e.at('2026-10-30T00:30:00Z');
      await e.at('2026-10-30T00:45:00Z');
      const [morning, ...rest] = await planTexts('Ann');
      expect(rest).toEqual([]);
      expect(morning!.split('\n')[0]).toBe('Good morning! Your plan for today (Fri Oct 30):');
      expect(morning).toContain('10:00 Huawei');
      expect(morning).toContain('ZTE');
      await e.at('2026-10-30T01:29:00Z');
      expect(await planTexts('Ann')).toHaveLength(1);
      await e.at('2026-10-30T01:30:00Z');
      await e.at('2026-10-30T01:45:00Z');
      expect((await planTexts('Ann')).slice(1)).toEqual(['Next stop in 30 minutes: Huawei at 10:00. Check in when you arrive.']);
    });

    it('holds a stop reminder through quiet hours on the rep’s own clock, in their language', async () => {
      await people();
      const e = env.current;
      await plan('Ben', 'Huawei', '2026-10-30', 7 * 60 + 15);
      await e.at('2026-10-30T13:45:00Z'); // 06:45 in Los Angeles: quiet
      expect(await planTexts('Ben')).toEqual([]);
      await e.at('2026-10-30T14:00:00Z'); // 07:00
      expect(await planTexts('Ben')).toEqual(['15 分钟后拜访：Huawei 07:15。到达后请签到。']);
    });

    it('sends nothing to a rep who is away, on a weekend morning, or for a stop already done', async () => {
      await people();
      const e = env.current;
      await plan('Ann', 'Huawei', '2026-10-31', 600); // Saturday
      await plan('Ben', 'ZTE', '2026-10-30', 600);
      const ben = await e.database.db.selectFrom('users').selectAll().where('id', '=', e.seed.id('Ben')).executeTakeFirstOrThrow();
      e.clock.set('2026-10-30T12:00:00Z');
      await goAway({ db: e.database.db, clock: e.clock }, { user: ben, untilText: '2026-10-30' });
      await e.at('2026-10-30T15:30:00Z'); // 08:30 Friday in Los Angeles
      await e.at('2026-10-30T16:30:00Z'); // 09:30
      expect(await planTexts('Ben')).toEqual([]);
      await e.at('2026-10-31T00:30:00Z'); // 08:30 Saturday in Shanghai: no morning plan
      expect(await planTexts('Ann')).toEqual([]);
      await e.database.db.updateTable('visit_plans').set({ state: 'done' }).where('user_id', '=', e.seed.id('Ann')).execute();
      await e.at('2026-10-31T01:30:00Z');
      expect(await planTexts('Ann')).toEqual([]);
    });

    it('sends neither the morning plan nor stop reminders to a rep who turned plan reminders off', async () => {
      await people();
      const e = env.current;
      await plan('Ann', 'Huawei', '2026-10-30', 600);
      const ann = await e.database.db.selectFrom('users').selectAll().where('id', '=', e.seed.id('Ann')).executeTakeFirstOrThrow();
      await setReminderKind({ db: e.database.db, clock: e.clock }, { user: ann, kind: 'plan', enabled: false });
      await e.at('2026-10-30T00:30:00Z');
      await e.at('2026-10-30T01:30:00Z');
      expect(await planTexts('Ann')).toEqual([]);
      // Turned back on, what is still due that day comes: the day's plan and the stop's reminder.
      await setReminderKind({ db: e.database.db, clock: e.clock }, { user: ann, kind: 'plan', enabled: true });
      await e.at('2026-10-30T01:45:00Z');
      const texts = await planTexts('Ann');
      expect(texts).toHaveLength(2);
      expect(texts.map((t) => t.split('\n')[0]).sort()).toEqual([
        'Good morning! Your plan for today (Fri Oct 30):',
        'Next stop in 15 minutes: Huawei at 10:00. Check in when you arrive.',
      ]);
    });

    it('the daily digest shows each rep’s plan against what they did', async () => {
      await people();
      const e = env.current;
      await e.seed.customer('Tencent', { owner: 'Ann' });
      await plan('Ann', 'Huawei', '2026-10-30', 600);
      await plan('Ann', 'ZTE', '2026-10-30', null);
      await e.seed.visit('Ann', 'Huawei', { at: '2026-10-30T02:00:00Z', status: 'verified' });
      await e.seed.visit('Ann', 'Tencent', { at: '2026-10-30T05:00:00Z', status: 'verified' });
      const visit = await e.database.db.selectFrom('visits').select('id').where('customer_id', '=', e.seed.customers.get('Huawei')!).executeTakeFirstOrThrow();
      await e.database.db.updateTable('visit_plans').set({ state: 'done', visit_id: visit.id }).where('customer_id', '=', e.seed.customers.get('Huawei')!).execute();
      await e.at('2026-10-30T11:00:00Z'); // 19:00 in Shanghai
      const digest = (await e.delivered('local:user:mgr')).find((t) => t.startsWith('Daily digest'))!;
      expect(digest.split('\n')).toContain('  • plan: 2 planned, 1 done, missed: ZTE; 1 unplanned visit');
      // Ben had no plan: no plan line for him.
      expect(digest.match(/plan:/g)).toHaveLength(1);
    });
  });
});
