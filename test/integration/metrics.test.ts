import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, useHarness, type TestHarness } from '../support/test-app.ts';

/**
 * `GET /metrics` through the app, as Prometheus scrapes it: the counters move when a message is
 * handled, refused, redelivered and delivered; the outbox gauges follow the outbox.
 */

/** The value of one sample line (`name{labels} value`), or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(harness: TestHarness, headers: Record<string, string> = {}): Promise<string> {
  const res = await harness.app.http.request('/metrics', { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

const h = useHarness();

describe('GET /metrics', () => {
  it('counts handled, duplicate and refused events and times the turns', async () => {
    const before = await scrape(h.current);
    const handledBefore = sample(before, 'legwork_inbound_events_total', { platform: 'local', result: 'handled' }) ?? 0;
    const turnsBefore = sample(before, 'legwork_turn_duration_seconds_count', { platform: 'local' }) ?? 0;

    expect((await h.current.post({ id: 'm-1', userId: 'ann', text: 'help' })).status).toBe(202);
    expect((await h.current.post({ id: 'm-1', userId: 'ann', text: 'help' })).status).toBe(202);
    // Joining a team nobody created is a refusal: answered, nothing changed.
    expect(await h.current.ask('ann', 'join Nowhere')).toMatch(/Nowhere/);

    const after = await scrape(h.current);
    expect(sample(after, 'legwork_inbound_events_total', { platform: 'local', result: 'handled' })).toBe(handledBefore + 1);
    expect(sample(after, 'legwork_inbound_events_total', { platform: 'local', result: 'duplicate' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'legwork_inbound_events_total', { platform: 'local', result: 'refused' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'legwork_turn_duration_seconds_count', { platform: 'local' })).toBe(turnsBefore + 3);
  });

  it('shows the outbox filling and emptying, and counts deliveries per platform', async () => {
    const sentBefore = sample(await scrape(h.current), 'legwork_deliveries_total', { platform: 'local', outcome: 'sent' }) ?? 0;
    expect((await h.current.post({ userId: 'bob', text: 'help' })).status).toBe(202);
    const waiting = await scrape(h.current);
    const pending = sample(waiting, 'legwork_outbox_pending_messages')!;
    expect(pending).toBeGreaterThanOrEqual(1);
    expect(sample(waiting, 'legwork_outbox_query_success')).toBe(1);
    // The clock port is frozen in tests: an hour later the oldest reply is an hour old.
    h.current.clock.advance(3_600_000);
    expect(sample(await scrape(h.current), 'legwork_outbox_oldest_pending_age_seconds')).toBe(3600);

    await h.current.app.delivery.drainOnce();
    const drained = await scrape(h.current);
    expect(sample(drained, 'legwork_outbox_pending_messages')).toBe(0);
    expect(sample(drained, 'legwork_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(sample(drained, 'legwork_deliveries_total', { platform: 'local', outcome: 'sent' })).toBe(sentBefore + pending);
  });

  it('times the scheduler passes and shows the database pool', async () => {
    await h.current.app.scheduler.runDueNow();
    const text = await scrape(h.current);
    for (const job of ['reminders-tick', 'leaderboards-tick', 'digests-tick']) {
      expect(sample(text, 'legwork_scheduler_job_duration_seconds_count', { job, result: 'ok' })).toBeGreaterThanOrEqual(1);
    }
    expect(sample(text, 'legwork_db_pool_clients', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'legwork_db_pool_waiting_requests')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'legwork_db_pool_max_clients')).toBeGreaterThanOrEqual(1);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const token = 'scrape-token-0123456789';
  let guarded: TestHarness | undefined;
  afterAll(async () => guarded?.app.stop());

  it('asks for the bearer token and keeps its counters apart from other apps in the process', async () => {
    guarded = await createHarness({ METRICS_TOKEN: token });
    expect((await guarded.app.http.request('/metrics')).status).toBe(401);
    expect((await guarded.app.http.request('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);

    const ownBefore = sample(await scrape(h.current), 'legwork_inbound_events_total', { platform: 'local', result: 'handled' }) ?? 0;
    await guarded.say('cat', 'help');
    const text = await scrape(guarded, { authorization: `Bearer ${token}` });
    expect(sample(text, 'legwork_inbound_events_total', { platform: 'local', result: 'handled' })).toBe(1);
    expect(sample(await scrape(h.current), 'legwork_inbound_events_total', { platform: 'local', result: 'handled' }) ?? 0).toBe(ownBefore);
  });
});
