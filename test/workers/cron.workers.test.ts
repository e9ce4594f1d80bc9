import { beforeEach, describe, expect, it } from 'vitest';
import { Seed } from '../jobs/support/seed.ts';
import { createWorkerHarness, type WorkerHarness, onPostgres, resetAll, skipReason, withDb } from './support.ts';

/**
 * The Cron Trigger (every minute): the scheduler pass with the in-process runner's job code, then
 * the outbox drain, on workerd. Two runs that overlap (a slow minute, a retried trigger) write and
 * send each due reminder once: natural keys for the writes, outbox leases for the sends.
 * 2026-10-30 is a Friday; 10:00Z is 18:00 in Shanghai, when the daily-report reminder is due.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: cron' : skipReason, () => {
  let h: WorkerHarness;
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
    await withDb(async (db) => {
      const seed = new Seed(db);
      await seed.org();
      await seed.user('mgrEast', { zone: 'Asia/Shanghai', language: 'zh-CN', role: 'manager' });
      await seed.user('alice', { zone: 'Asia/Shanghai', language: 'zh-CN' });
      await seed.user('carol', { zone: 'Asia/Shanghai', language: 'en-US' });
      await seed.team('East', { manager: 'mgrEast', reps: ['alice', 'carol'] });
    });
  });

  const delivered = (targetRef: string) =>
    withDb(async (db) => (await db.selectFrom('local_deliveries').select('text').where('target_ref', '=', targetRef).execute()).map((r) => r.text));
  const reminderRows = (targetRef: string) =>
    withDb(async (db) => (await db.selectFrom('outbox').select('id').where('target_ref', '=', targetRef).execute()).length);

  it('writes and delivers each due reminder once', async () => {
    h.clock.set('2026-10-30T09:59:00Z');
    await h.cron();
    expect(await delivered('local:user:alice')).toEqual([]);

    h.clock.set('2026-10-30T10:00:00Z');
    await h.cron();
    expect(await delivered('local:user:alice')).toEqual([
      '现在是 18:00，你 2026-10-30 的日报还没交。发送「日报」查看今天的汇总，或发送「日报 <内容>」直接提交。（外出请假？发送「请假 到 周五」暂停提醒。）',
    ]);
    expect(await delivered('local:user:carol')).toHaveLength(1);
    // The next minute's run finds nothing new for them.
    h.clock.set('2026-10-30T10:01:00Z');
    await h.cron();
    expect(await delivered('local:user:alice')).toHaveLength(1);
    expect(await reminderRows('local:user:alice')).toBe(1);
  });

  it('sends nothing twice when two runs overlap', async () => {
    h.clock.set('2026-10-30T10:00:00Z');
    await Promise.all([h.cron(), h.cron(), h.cron()]);
    expect(await delivered('local:user:alice')).toHaveLength(1);
    expect(await delivered('local:user:carol')).toHaveLength(1);
    expect(await reminderRows('local:user:alice')).toBe(1);
    expect(await reminderRows('local:user:carol')).toBe(1);
    expect(await withDb(async (db) => (await db.selectFrom('outbox').where('sent_at', 'is', null).select('id').execute()).length)).toBe(0);
  });
});
