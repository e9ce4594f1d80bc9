import { beforeEach, describe, expect, it } from 'vitest';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { createWorkerHarness, fakeCalls, onPostgres, resetAll, scriptWeCom, skipReason, type WorkerHarness, withDb } from './support.ts';

/**
 * WeCom group robots on the Worker, where the adapters live for one invocation: what went out is
 * recorded in the database, so a cron retry neither repeats the parts of a long post already
 * delivered nor lets a robot exceed its 20 messages a minute across invocations.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: WeCom group robot send records' : skipReason, () => {
  let h: WorkerHarness;
  const robot = 'wecom:webhook:robot-key-0123456789';
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
    h.clock.set('2026-11-27T02:00:00Z');
  });

  const queue = (texts: string[]) => withDb((db) => enqueueMessages(db, texts.map((text) => ({ orgId: null, targetRef: robot, message: { text } })), h.clock.now()));
  const robotSends = async () => (await fakeCalls('wecom')).filter((c) => c.path === '/cgi-bin/webhook/send');

  it('a retry of a half-sent multi-part post sends only the parts not yet delivered', async () => {
    // Three parts of markdown (group robots take 4,096 bytes a message): lines of ~1,000 bytes.
    const lines = Array.from({ length: 11 }, (_, i) => `${String(i).padStart(2, '0')} ${'拜访记录'.repeat(83)}`);
    await queue([lines.join('\n')]);
    // Part 1 goes through, part 2 is refused (-1, system busy).
    await scriptWeCom('/cgi-bin/webhook/send', { errcode: 0, errmsg: 'ok' }, { errcode: -1, errmsg: 'system busy' });
    await h.cron();
    const first = await robotSends();
    expect(first).toHaveLength(2);
    const row = await withDb((db) => db.selectFrom('outbox').select(['status', 'parts_sent']).executeTakeFirstOrThrow());
    expect(row).toEqual({ status: 'pending', parts_sent: 1 });

    // The next cron run, a fresh invocation with fresh adapters: parts 2 and 3 only.
    h.clock.advance(60_000);
    await h.cron();
    const all = await robotSends();
    expect(all).toHaveLength(4);
    const contents = all.map((c) => (c.body.markdown as { content: string }).content);
    expect(contents[2]).toBe(contents[1]);
    expect(contents.filter((c) => c === contents[0])).toHaveLength(1);
    expect(contents.filter((c) => c.includes(lines[0]!))).toHaveLength(1);
    expect(contents.filter((c) => c.includes(lines[10]!))).toHaveLength(1);
    expect((await withDb((db) => db.selectFrom('outbox').select('status').executeTakeFirstOrThrow())).status).toBe('sent');
  });

  it('holds a robot to 20 messages a minute across cron invocations', async () => {
    await queue(Array.from({ length: 15 }, (_, i) => `first ${i}`));
    await h.cron();
    expect(await robotSends()).toHaveLength(15);

    // Ten seconds later, another invocation: 5 slots are left in the robot's minute.
    h.clock.advance(10_000);
    await queue(Array.from({ length: 10 }, (_, i) => `second ${i}`));
    await h.cron();
    expect(await robotSends()).toHaveLength(20);
    const waiting = await withDb((db) => db.selectFrom('outbox').select(['available_at', 'last_error']).where('status', '=', 'pending').orderBy('id').execute());
    expect(waiting).toHaveLength(5);
    // It waits for the first send's slot to free up (a minute after it), not a backoff step.
    expect(new Date(waiting[0]!.available_at).toISOString()).toBe('2026-11-27T02:01:00.000Z');
    expect(waiting[0]!.last_error).toContain('group robot pacing');

    h.clock.set('2026-11-27T02:01:00Z');
    await h.cron();
    expect(await robotSends()).toHaveLength(25);
    // The robot's key is a credential: the records hold a digest of it.
    const stored = await withDb((db) => db.selectFrom('robot_sends').select('robot').execute());
    expect(stored.every((r) => !r.robot.includes('robot-key'))).toBe(true);
  });
});
