import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { createScheduler, type Scheduler } from '../../jobs/scheduler.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { Seed } from './support/seed.ts';
import { killConnections, localDelivery, logger, redisUrl, skipRedisReason, uniquePrefix, waitUntil, wipePrefix } from './support/scheduler-env.ts';

/**
 * BullMQ with its own schedules firing in real time (every 150 ms here instead of every minute) while
 * the manual clock says what time it is: two worker processes' worth of runners on one Redis, and a
 * Redis "restart" (our connections killed and our keys gone, as a restart without persistence leaves
 * them) in the middle of a run. The machine's Redis itself is never restarted: other suites share it.
 */
describe.skipIf(!redisUrl)(redisUrl ? 'BullMQ durability' : skipRedisReason, () => {
  let database: DatabaseHandle;
  const clock = new ManualClock(new Date('2026-10-30T09:00:00Z'));
  const running: Scheduler[] = [];
  const prefixes: string[] = [];
  let seed: Seed;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await resetDatabase(database);
    seed = new Seed(database.db);
    await seed.org();
    await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager' });
    const reps = Array.from({ length: 20 }, (_, i) => `rep${i}`);
    for (const rep of reps) await seed.user(rep, { zone: 'Asia/Shanghai' });
    await seed.team('East', { manager: 'mgr', reps });
  });
  afterAll(async () => {
    for (const s of running) await s.stop();
    for (const prefix of prefixes) await wipePrefix(prefix);
    await database?.close();
  });

  function worker(prefix: string, connectionName: string): Scheduler {
    const scheduler = createScheduler({ db: database.db, clock, logger, redisUrl, prefix, tickEveryMs: 150, scheduleCheckMs: 200, connectionName });
    running.push(scheduler);
    return scheduler;
  }
  const repDeliveries = () => database.db.selectFrom('local_deliveries').select('target_ref').where('target_ref', 'like', 'local:user:rep%').execute();
  const ticks = (...schedulers: Scheduler[]) => schedulers.reduce((n, s) => n + (s.runner.stats.completed['reminders-tick'] ?? 0), 0);
  const outboxCount = async (kind: string) =>
    Number((await database.db.selectFrom('scheduled_sends').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', kind).executeTakeFirstOrThrow()).n);

  it('two workers on one Redis, both scheduling, deliver each reminder exactly once', async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const a = worker(prefix, `${prefix}-a`);
    const b = worker(prefix, `${prefix}-b`);
    clock.set('2026-10-30T10:00:00Z');
    await Promise.all([a.start(), b.start()]);
    await waitUntil(async () => (await outboxCount('report')) === 20, 15_000, '20 reminders');
    const seen = ticks(a, b);
    await waitUntil(() => ticks(a, b) >= seen + 6, 15_000, 'six more passes');
    expect(await outboxCount('report')).toBe(20);

    await localDelivery(database, clock).drainOnce();
    const rows = await repDeliveries();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.target_ref)).size).toBe(20);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('loses nothing when Redis drops its connections and its data mid-run', async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const name = `${prefix}-w`;
    const a = worker(prefix, name);
    clock.set('2026-10-30T09:59:00Z');
    await a.start();
    await waitUntil(() => ticks(a) >= 2, 10_000, 'first passes');

    // The "restart": every connection of ours is cut and the schedule and jobs are gone.
    expect(await killConnections(name)).toBeGreaterThan(0);
    await wipePrefix(prefix);
    clock.set('2026-10-30T10:00:00Z'); // reminders fall due while Redis is "down"

    await waitUntil(async () => (await outboxCount('report')) === 20, 20_000, 'reminders after the restart');
    clock.set('2026-10-30T11:00:00Z');
    await waitUntil(async () => (await outboxCount('report_followup')) === 20, 20_000, 'follow-ups after the restart');
    // The manager's digest (19:00) and the team's boards (Friday 17:00) are separate jobs.
    await waitUntil(
      async () => (await outboxCount('digest_daily')) + (await outboxCount('leaderboard_week')) + (await outboxCount('leaderboard_month')) === 3,
      20_000,
      'digest and boards',
    );

    await localDelivery(database, clock).drainOnce();
    const rows = await repDeliveries();
    expect(rows).toHaveLength(40);
    expect(await database.db.selectFrom('local_deliveries').select('target_ref').where('target_ref', 'not like', 'local:user:rep%').execute()).toHaveLength(3);
    await a.stop();
  });
});
