import { beforeEach, describe, expect, it } from 'vitest';
import { postDingTalk } from './dingtalk-callbacks.ts';
import { createWorkerHarness, fakeCalls, onPostgres, resetAll, scriptDingTalk, skipReason, withDb, type WorkerHarness } from './support.ts';

/**
 * DingTalk's monthly OpenAPI quota on the Worker: once DingTalk says it ran out, later requests hold
 * their proactive sends in the outbox without calling DingTalk (the isolate remembers, as the Node
 * process does), `/readyz` says so, and an hour later the cron's probe sends what waited.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: DingTalk OpenAPI quota' : skipReason, () => {
  let h: WorkerHarness;
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
  });

  const sends = async () => (await fakeCalls('dingtalk')).filter((c) => /\/v1\.0\/robot\/(oToMessages\/batchSend|groupMessages\/send)$/.test(c.path));
  const unsent = () => withDb(async (db) => (await db.selectFrom('outbox').where('sent_at', 'is', null).select('id').execute()).length);
  const dingtalkReadiness = async () => ((await (await h.request('/readyz')).response.json()) as { checks: Record<string, { detail?: string }> }).checks.dingtalk?.detail ?? '';

  it('holds sends across requests once the quota ran out, and sends them after the probe interval', async () => {
    await scriptDingTalk('/v1.0/robot/oToMessages/batchSend', { status: 403, body: { code: 'Forbidden.AccessDenied.ApiCountLimitForOrg', message: '企业调用次数超限' } });
    expect((await postDingTalk(h, '帮助')).response.status).toBe(200);
    expect(await sends()).toHaveLength(1);
    const waiting = await unsent();
    expect(waiting).toBeGreaterThan(0);
    expect(await dingtalkReadiness()).toContain('OpenAPI quota exhausted (Forbidden.AccessDenied.ApiCountLimitForOrg)');

    // Another request, another adapter: it knows the quota is out and does not call DingTalk.
    h.clock.advance(60_000);
    expect((await postDingTalk(h, '帮助', { group: true })).response.status).toBe(200);
    expect(await sends()).toHaveLength(1);
    expect(await unsent()).toBeGreaterThan(waiting);

    h.clock.advance(61 * 60_000);
    await h.cron();
    expect(await unsent()).toBe(0);
    expect((await sends()).length).toBeGreaterThan(1);
    expect(await dingtalkReadiness()).not.toContain('quota');
  });
});
