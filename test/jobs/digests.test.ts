import { describe, expect, it } from 'vitest';
import { showTeam } from '../../src/core/digests/show-team.ts';
import { redisUrl, skipRedisReason, useFileDatabase, useSchedulerEnv, type RunnerMode } from './support/scheduler-env.ts';

/**
 * Manager digests on fixed data: Friday 2026-10-30 in Asia/Shanghai (daily at 19:00 = 11:00Z) and
 * the weekly one on Monday 2026-11-02 09:00 (= 01:00Z) covering 26 Oct – 1 Nov against 19–25 Oct.
 */
const modes: RunnerMode[] = ['in-process', 'bullmq'];
const database = useFileDatabase();

describe.each(modes)('manager digests (%s runner)', (mode) => {
  describe.skipIf(mode === 'bullmq' && !redisUrl)(mode === 'bullmq' && !redisUrl ? skipRedisReason : 'scenarios', () => {
    const env = useSchedulerEnv(mode, database);

    async function fixedDay() {
      const { seed } = env.current;
      await seed.org();
      await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager' });
      for (const rep of ['Ann', 'Ben', 'Cat']) await seed.user(rep, { zone: 'Asia/Shanghai' });
      await seed.team('East', { manager: 'mgr', reps: ['Cat', 'Ben', 'Ann'] });
      const longAgo = new Date('2026-06-01T00:00:00Z');
      await seed.customer('Huawei', { tier: 'B', owner: 'Ann', createdAt: longAgo });
      await seed.customer('ZTE', { tier: 'A', owner: 'Cat', createdAt: longAgo });
      await seed.customer('Alibaba', { tier: 'A', owner: 'Cat', createdAt: longAgo });
      await seed.customer('Tencent', { tier: 'B', owner: 'Cat', createdAt: new Date('2026-10-25T00:00:00Z') });
      await seed.customer('Baidu', { tier: 'C', owner: 'Cat', createdAt: longAgo });
      await seed.visit('Ben', 'Alibaba', { at: '2026-10-20T02:00:00Z', status: 'verified' }); // the week before
      await seed.visit('Ben', 'Huawei', { at: '2026-10-28T02:00:00Z', notes: 'call', nextStep: 'send quote', followUp: '2026-10-31' });
      await seed.visit('Ann', 'Huawei', { at: '2026-10-30T01:00:00Z', status: 'verified', mocked: true });
      await seed.visit('Ann', 'ZTE', { at: '2026-10-30T06:00:00Z', status: 'outside', distance: 2400, endedAt: null, accuracyFlagged: true });
      await seed.visit('Ben', 'Huawei', { at: '2026-10-30T03:00:00Z', notes: 'by phone' });
      await seed.report('Ann', '2026-10-30');
      await seed.report('Ben', '2026-10-30', { late: true });
    }

    it('sends the daily digest at 19:00 on workdays, once, with what happened per rep', async () => {
      await fixedDay();
      const e = env.current;
      await e.at('2026-10-30T10:59:00Z');
      expect(await e.delivered('local:user:mgr')).toEqual([]);
      await e.at('2026-10-30T11:00:00Z');
      await e.at('2026-10-30T11:30:00Z');
      const inbox = await e.delivered('local:user:mgr');
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.split('\n')).toEqual([
        'Daily digest for 2026-10-30',
        '',
        'East: 3 reps, 3 visits (1 verified, 1 outside); reports 1 in, 1 late, 1 missing',
        'Ann: 2 visits (1 verified, 1 outside) at Huawei, ZTE; report in',
        '  • checked in at ZTE since 14:00, no check-out',
        '  • off-site check-in at ZTE, 2.4 km away',
        '  • check-in at Huawei: the phone reported a simulated location',
        '  • check-in at ZTE: location too imprecise to verify',
        'Ben: 1 visit (0 verified, 0 outside) at Huawei; report in (late)',
        '  • follow-up tomorrow: Huawei (send quote)',
        'Cat: no visits; report missing',
        '  • overdue: Alibaba (tier A, 10 days since the last visit)',
        '  • overdue: Baidu (tier C, never visited)',
      ]);
      await e.at('2026-10-31T11:00:00Z'); // Saturday: no digest
      expect(await e.delivered('local:user:mgr')).toHaveLength(1);
    });

    it('sends the weekly digest on Monday 09:00 with trends against the week before', async () => {
      await fixedDay();
      const e = env.current;
      // Ann's plans: 1 of 2 stops done this week (one cancelled, not counted), 1 of 1 the week before.
      const plan = (customer: string, date: string, state: 'planned' | 'done' | 'cancelled') =>
        e.database.db
          .insertInto('visit_plans')
          .values({ org_id: e.seed.orgId, user_id: e.seed.id('Ann'), customer_id: e.seed.customers.get(customer)!, local_date: date, state, planned_by: e.seed.id('Ann') })
          .execute();
      await plan('Huawei', '2026-10-30', 'done');
      await plan('ZTE', '2026-10-29', 'planned');
      await plan('Baidu', '2026-10-29', 'cancelled');
      await plan('Huawei', '2026-10-21', 'done');
      await e.at('2026-11-02T00:59:00Z');
      expect(await e.delivered('local:user:mgr')).toEqual([]);
      await e.at('2026-11-02T01:00:00Z');
      const inbox = await e.delivered('local:user:mgr');
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.split('\n')).toEqual([
        'Weekly digest, 2026-10-26 to 2026-11-01',
        '',
        'East: 2 visits (+1 on the week before), 1 verified (±0), 1 outside; reports 1 in, 1 late, 13 missing; 4 pts (+1)',
        'Ann: 2 visits (+2), 1 verified (+1), 1 outside, 2 customers; reports 1 in, 0 late, 4 missing; 4 pts (+4)',
        '  • plan: 1 of 2 stops done (50%); the week before: 1 of 1 stops done (100%)',
        'Ben: 0 visits (−1), 0 verified (−1), 0 outside, 1 customer; reports 0 in, 1 late, 4 missing; 0 pts (−3)',
        'Cat: 0 visits (±0), 0 verified (±0), 0 outside, 0 customers; reports 0 in, 0 late, 5 missing; 0 pts (±0)',
        // A (7 days): ZTE seen on the 30th, Alibaba last on the 20th; B (30): Huawei yes, Tencent never; C: Baidu never.
        "Coverage (customers visited within their tier's interval): A 1/2 (50%), B 1/2 (50%), C 0/1 (0%); the week before: A 50%, B 0%, C 0%",
      ]);
    });

    it('gives a manager the same picture on demand ("team"), in their language, and refuses others', async () => {
      await fixedDay();
      const e = env.current;
      const db = e.database.db;
      await db.updateTable('users').set({ language: 'zh-CN' }).where('id', '=', e.seed.id('mgr')).execute();
      e.clock.set('2026-10-30T08:00:00Z');
      const user = (name: string) => db.selectFrom('users').selectAll().where('id', '=', e.seed.id(name)).executeTakeFirstOrThrow();
      const reply = await showTeam({ db, clock: e.clock }, { user: await user('mgr') });
      expect(reply.title).toBe('每日简报（2026-10-30）');
      expect(reply.text.split('\n').slice(2, 6)).toEqual([
        'East：3 人，拜访 3 次（有效 1，范围外 1）；日报已交 1、迟交 1、未交 1',
        'Ann：拜访 2 次（有效 1，范围外 1），客户：Huawei、ZTE；日报已交',
        '  • 14:00 在ZTE签到，尚未签退',
        '  • 范围外签到：ZTE，相距 2.4 公里',
      ]);
      const refused = await showTeam({ db, clock: e.clock }, { user: await user('Ann') });
      // No admin in this seeded org, so no one to name.
      expect(refused.text).toBe('The team digest is for team managers.');
      // On demand writes nothing: the scheduled digest still goes out at 19:00.
      expect(await db.selectFrom('scheduled_sends').selectAll().execute()).toEqual([]);
    });
  });
});
