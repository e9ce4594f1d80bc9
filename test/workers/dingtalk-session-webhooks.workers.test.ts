import { beforeEach, describe, expect, it } from 'vitest';
import { postDingTalk } from './dingtalk-callbacks.ts';
import { createWorkerHarness, fakeCalls, onPostgres, resetAll, scriptDingTalk, skipReason, type WorkerHarness, withDb } from './support.ts';

/**
 * DingTalk session webhooks on the Worker: the adapters live for one invocation, so the webhook a
 * robot message carried is kept in the database, and a reply the cron retries still goes to it. A
 * sender without a staff id (someone from outside the org) can be reached no other way: the
 * OpenAPI addresses staff ids only.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: DingTalk session webhooks' : skipReason, () => {
  let h: WorkerHarness;
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
  });

  const outbox = () => withDb((db) => db.selectFrom('outbox').select(['status', 'last_error']).orderBy('id').execute());
  const sessionCalls = async (id: string) => (await fakeCalls('dingtalk')).filter((c) => c.path === '/robot/sendBySession' && c.query.session === id);

  it('a reply the cron retries reaches a sender without a staff id through the stored session webhook', async () => {
    // The first post to the session webhook fails (DingTalk busy): the reply stays in the outbox.
    await scriptDingTalk('/robot/sendBySession', { status: 502, body: { errcode: 502, errmsg: 'bad gateway' } });
    const { response } = await postDingTalk(h, '帮助', { withoutStaffId: true, session: { id: 'outsider-session', validMs: 90 * 60_000 } });
    expect(response.status).toBe(200);
    expect(await sessionCalls('outsider-session')).toHaveLength(1);
    const waiting = await outbox();
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((row) => row.status === 'pending')).toBe(true);

    // A minute later the cron (a fresh invocation, fresh adapters) delivers through the same webhook.
    h.clock.advance(60_000);
    await h.cron();
    expect((await outbox()).every((row) => row.status === 'sent')).toBe(true);
    const calls = await fakeCalls('dingtalk');
    expect(calls.filter((c) => c.path.includes('oToMessages'))).toEqual([]);
    expect((await sessionCalls('outsider-session')).length).toBeGreaterThan(1);
  });

  it('forgets an expired webhook: the retry then fails plainly for a sender the OpenAPI cannot reach', async () => {
    await scriptDingTalk('/robot/sendBySession', { status: 502, body: { errcode: 502, errmsg: 'bad gateway' } });
    await postDingTalk(h, '帮助', { withoutStaffId: true, session: { id: 'short-session', validMs: 3 * 60_000 } });
    h.clock.advance(5 * 60_000);
    await h.cron();
    expect(await sessionCalls('short-session')).toHaveLength(1);
    const rows = await outbox();
    expect(rows[0]!.status).toBe('failed');
    expect(rows[0]!.last_error).toContain('no staff id');
  });
});
