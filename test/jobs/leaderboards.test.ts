import { describe, expect, it } from 'vitest';
import { setLeaderboardOptOut } from '../../src/core/schedules/manage-prefs.ts';
import { showLeaderboard } from '../../src/core/leaderboards/show-leaderboard.ts';
import { redisUrl, skipRedisReason, useFileDatabase, useSchedulerEnv, type RunnerMode } from './support/scheduler-env.ts';

/**
 * Leaderboards on fixed data whose ranks were worked out by hand (week of Mon 2026-10-26 to Sun
 * 2026-11-01 in Asia/Shanghai; verified visit 3, +2 with notes and next step, on-time report 1):
 *   Ben 9 (3 verified)                      → 1, previous week 2 (all 0) → ↑1
 *   Ann 9 (2 verified, 1 with next, 1 rpt)  → =2 → (same)
 *   Cat 9 (same as Ann)                     → =2 → (same)
 *   Dan 7 (1 verified with next, 2 rpts; a late one scores 0; opted out) → 4, ↓2
 *   Eve 0 (2 outside with notes; verified ones just outside the week) → 5; previous week 1 → ↓4
 */
const modes: RunnerMode[] = ['in-process', 'bullmq'];
const database = useFileDatabase();

describe.each(modes)('leaderboards (%s runner)', (mode) => {
  describe.skipIf(mode === 'bullmq' && !redisUrl)(mode === 'bullmq' && !redisUrl ? skipRedisReason : 'scenarios', () => {
    const env = useSchedulerEnv(mode, database);

    async function fixedWeek() {
      const { seed } = env.current;
      await seed.org();
      await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager' });
      for (const rep of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve']) await seed.user(rep, { zone: 'Asia/Shanghai', language: rep === 'Ann' ? 'zh-CN' : 'en-US' });
      await seed.team('East', { manager: 'mgr', reps: ['Eve', 'Dan', 'Cat', 'Ben', 'Ann'] });
      await seed.customer('Huawei');
      const v = (rep: string, at: string, status: 'verified' | 'outside', extra: { notes?: string; nextStep?: string } = {}) =>
        seed.visit(rep, 'Huawei', { at, status, ...extra });
      await v('Ann', '2026-10-26T02:00:00Z', 'verified', { notes: 'demo', nextStep: 'quote' });
      await v('Ann', '2026-10-27T02:00:00Z', 'verified', { notes: 'no next step' });
      await v('Ann', '2026-10-27T06:00:00Z', 'outside', { notes: 'far', nextStep: 'call' });
      await seed.report('Ann', '2026-10-27');
      for (const day of ['26', '28', '29']) await v('Ben', `2026-10-${day}T03:00:00Z`, 'verified');
      await v('Cat', '2026-10-28T02:00:00Z', 'verified', { notes: 'met buyer', nextStep: 'trial' });
      await v('Cat', '2026-10-29T02:00:00Z', 'verified', { notes: '   ', nextStep: 'blank notes do not count' });
      await seed.report('Cat', '2026-10-28');
      await v('Dan', '2026-10-29T05:00:00Z', 'verified', { notes: 'contract', nextStep: 'sign' });
      await seed.report('Dan', '2026-10-27');
      await seed.report('Dan', '2026-10-28');
      await seed.report('Dan', '2026-10-29', { late: true });
      await v('Eve', '2026-10-27T02:00:00Z', 'outside', { notes: 'a', nextStep: 'b' });
      await v('Eve', '2026-10-28T02:00:00Z', 'outside', { notes: 'a', nextStep: 'b' });
      await v('Eve', '2026-10-25T15:59:00Z', 'verified'); // Sun 23:59 Shanghai: the week before
      await v('Eve', '2026-11-01T16:00:00Z', 'verified'); // Mon 00:00 Shanghai: the week after
      await seed.visit('Eve', 'Huawei', { at: '2026-10-28T04:00:00Z', notes: 'note only', nextStep: 'x' });
      await setLeaderboardOptOut({ db: env.current.database.db, clock: env.current.clock }, { user: await userRow('Dan'), optOut: true });
    }

    async function userRow(name: string) {
      return env.current.database.db.selectFrom('users').selectAll().where('id', '=', env.current.seed.id(name)).executeTakeFirstOrThrow();
    }

    it('posts the week (and, on the last workday of the month, the month) to the team group at Friday 17:00, once', async () => {
      await fixedWeek();
      const e = env.current;
      await e.at('2026-10-30T08:59:00Z');
      expect(await e.delivered('local:channel:East')).toEqual([]);
      await e.at('2026-10-30T09:00:00Z'); // Friday 17:00 in Shanghai; 30 Oct is October's last workday
      await e.at('2026-10-30T09:30:00Z');
      const posts = await e.delivered('local:channel:East');
      expect(posts).toHaveLength(2);
      const week = posts.find((p) => p.includes('week of'))!;
      expect(week.split('\n')).toEqual([
        'East leaderboard, week of 2026-10-26 to 2026-11-01',
        '(so far, as of 2026-10-30)',
        '1. Ben — 9 pts (3 verified visits, 0 with a next step, 0 reports on time) ↑1',
        '=2. Ann — 9 pts (2 verified visits, 1 with a next step, 1 report on time) →',
        '=2. Cat — 9 pts (2 verified visits, 1 with a next step, 1 report on time) →',
        '4. (a rep who opted out) — 7 pts (1 verified visit, 1 with a next step, 2 reports on time) ↓2',
        '5. Eve — 0 pts (0 verified visits, 0 with a next step, 0 reports on time) ↓4',
        'Team total: 34 pts from 8 verified visits (11 check-in visits, 5 reps).',
      ]);
      const month = posts.find((p) => p.startsWith('East leaderboard for 2026-10'))!;
      // The month so far holds the same visits plus Eve's Sunday one from the week before.
      expect(month).toContain('1. Ben — 9 pts');
      expect(month).toContain('Eve — 3 pts');
      expect(month).toContain('Team total: 37 pts');
      expect(await e.delivered('local:user:mgr')).toEqual([]);
    });

    it("posts a Los Angeles team's board at its own Friday 17:00", async () => {
      await fixedWeek();
      const e = env.current;
      await e.seed.user('mgrWest', { zone: 'America/Los_Angeles', role: 'manager', language: 'zh-CN' });
      await e.seed.user('Fay', { zone: 'America/Los_Angeles' });
      await e.seed.team('West', { manager: 'mgrWest', reps: ['Fay'] });
      await e.at('2026-10-30T09:00:00Z'); // Friday 02:00 in Los Angeles
      expect(await e.delivered('local:channel:West')).toEqual([]);
      await e.at('2026-10-30T23:59:00Z');
      expect(await e.delivered('local:channel:West')).toEqual([]);
      await e.at('2026-10-31T00:00:00Z'); // Friday 17:00 PDT
      const posts = await e.delivered('local:channel:West');
      expect(posts.map((p) => p.split('\n')[0])).toEqual(expect.arrayContaining(['West 周排行榜（2026-10-26 至 2026-11-01）', 'West 月排行榜（2026-10）']));
      expect(posts).toHaveLength(2);
    });

    it('posts every team its own board once when more teams are due than one post job takes', async () => {
      await fixedWeek();
      const e = env.current;
      // 29 more teams of one rep each (31 boards due at once: two post jobs of 25 and 6).
      for (let n = 0; n < 29; n++) {
        await e.seed.user(`m${n}`, { zone: 'Asia/Shanghai', role: 'manager' });
        await e.seed.user(`r${n}`, { zone: 'Asia/Shanghai' });
        await e.seed.team(`T${n}`, { manager: `m${n}`, reps: [`r${n}`] });
        for (let k = 0; k <= n % 3; k++) await e.seed.visit(`r${n}`, 'Huawei', { at: `2026-10-2${7 + k}T02:00:00Z`, status: 'verified' });
      }
      await e.at('2026-10-30T09:00:00Z');
      await e.at('2026-10-30T09:01:00Z'); // a second tick finds nothing left to post
      const east = await e.delivered('local:channel:East');
      expect(east.filter((p) => p.startsWith('East leaderboard, week of'))).toHaveLength(1);
      for (let n = 0; n < 29; n++) {
        const posts = await e.delivered(`local:channel:T${n}`);
        // The week's and the month's board (30 Oct is October's last workday), each once.
        expect(posts, `T${n}`).toHaveLength(2);
        const points = 3 * ((n % 3) + 1);
        expect(posts.find((p) => p.startsWith(`T${n} leaderboard, week of`)), `T${n}`).toContain(`1. r${n} — ${points} pts (${(n % 3) + 1} verified`);
      }
    });

    it('answers "leaderboard" on demand in the asker\'s language, and does not post without a bound group', async () => {
      await fixedWeek();
      const e = env.current;
      await e.database.db.updateTable('teams').set({ bound_channel_ref: null }).execute();
      await e.at('2026-10-30T09:00:00Z');
      expect(await e.database.db.selectFrom('scheduled_sends').select('key').where('kind', 'like', 'leaderboard%').execute()).toEqual([]);

      e.clock.set('2026-10-30T10:00:00Z');
      const reply = await showLeaderboard({ db: e.database.db, clock: e.clock }, { user: await userRow('Ann') });
      expect(reply.title).toBe('East 周排行榜（2026-10-26 至 2026-11-01）');
      expect(reply.text.split('\n').slice(2, 5)).toEqual([
        '第 1 名 Ben：9 分（有效拜访 3 次，其中 0 次有下一步，按时日报 0 份）↑1',
        '并列第 2 名 Ann：9 分（有效拜访 2 次，其中 1 次有下一步，按时日报 1 份）→',
        '并列第 2 名 Cat：9 分（有效拜访 2 次，其中 1 次有下一步，按时日报 1 份）→',
      ]);
      const day = await showLeaderboard({ db: e.database.db, clock: e.clock }, { user: await userRow('Ben'), period: 'day' });
      expect(day.title).toBe('East leaderboard for 2026-10-30');
      expect(day.text).toContain('Team total: 0 pts');
      const loner = await e.seed.user('Zoe', { zone: 'Asia/Shanghai' });
      const none = await showLeaderboard({ db: e.database.db, clock: e.clock }, { user: await e.database.db.selectFrom('users').selectAll().where('id', '=', loner).executeTakeFirstOrThrow() });
      expect(none.text).toBe('You are not in a team yet. Join one with "join <team>".');
    });
  });
});
