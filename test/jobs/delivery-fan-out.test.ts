import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { createDeliveryLoop } from '../../jobs/deliver/delivery-loop.ts';
import { RateLimitedError, UnrecoverableError } from '../../bots/errors.ts';
import type { BatchSendOutcome, ChatAdapter } from '../../bots/types.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { logger } from './support/scheduler-env.ts';

/**
 * The delivery loop's fan-out (identical scheduled messages through an adapter's `sendBatch`) and
 * pacing (an adapter's minimum interval per conversation), against scripted adapters that count the
 * platform calls they would make.
 */
let database: DatabaseHandle;
const clock = new ManualClock(new Date('2026-10-30T10:00:00Z'));

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
  clock.set('2026-10-30T10:00:00Z');
});
afterAll(async () => database?.close());

/** A platform whose batch API takes `perCall` people a call (DingTalk 20, WeCom 1,000). */
function batchingAdapter(platform: string, perCall: number, script: Map<string, Error> = new Map()) {
  const calls: string[][] = [];
  const singles: string[] = [];
  const adapter: ChatAdapter = {
    platform,
    capabilities: { receivesLocation: false, richMessages: false, groups: true },
    async send(target) {
      calls.push([target]);
      singles.push(target);
    },
    async sendBatch(targets): Promise<BatchSendOutcome> {
      for (let i = 0; i < targets.length; i += perCall) calls.push(targets.slice(i, i + perCall));
      return { failures: targets.filter((t) => script.has(t)).map((t) => ({ targetRef: t, error: script.get(t)! })) };
    },
  };
  return { adapter, calls, singles };
}

const fanOut = (platform: string, count: number, text: string) =>
  enqueueMessages(
    database.db,
    Array.from({ length: count }, (_, i) => ({ orgId: null, targetRef: `${platform}:user:u${i}`, message: { text }, dedupeKey: `${platform}:${text}:${i}` })),
    clock.now(),
  );

describe('fan-out through sendBatch', () => {
  it('sends a 1,000-person reminder in the platform minimum of calls (WeCom 1, DingTalk 50)', async () => {
    const wecom = batchingAdapter('wecom', 1000);
    const dingtalk = batchingAdapter('dingtalk', 20);
    await fanOut('wecom', 1000, 'report due');
    await fanOut('dingtalk', 1000, 'report due');
    await enqueueMessages(database.db, [{ orgId: null, targetRef: 'wecom:user:u1', message: { text: 'a reply after the reminder' } }], clock.now());
    const loop = createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['wecom', wecom.adapter], ['dingtalk', dingtalk.adapter]]) });
    expect(await loop.drainOnce()).toEqual({ sent: 2001, retried: 0, failed: 0 });
    expect(wecom.calls.filter((c) => c.length > 1)).toHaveLength(1);
    expect(wecom.singles).toEqual(['wecom:user:u1']);
    expect(dingtalk.calls).toHaveLength(50);
    expect(new Set(dingtalk.calls.flat()).size).toBe(1000);
    const pending = await database.db.selectFrom('outbox').select('id').where('status', '<>', 'sent').execute();
    expect(pending).toEqual([]);
  });

  it('settles per-target failures like single sends: throttled ones wait, unknown ones fail', async () => {
    const script = new Map<string, Error>([
      ['wecom:user:u3', new RateLimitedError(60_000)],
      ['wecom:user:u7', new UnrecoverableError('no such user')],
    ]);
    const wecom = batchingAdapter('wecom', 1000, script);
    await fanOut('wecom', 10, 'digest');
    const loop = createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['wecom', wecom.adapter]]) });
    expect(await loop.drainOnce()).toEqual({ sent: 8, retried: 1, failed: 1 });
    const rows = await database.db.selectFrom('outbox').select(['target_ref', 'status', 'attempts']).where('status', '<>', 'sent').orderBy('target_ref').execute();
    expect(rows).toEqual([
      { target_ref: 'wecom:user:u3', status: 'pending', attempts: 0 },
      { target_ref: 'wecom:user:u7', status: 'failed', attempts: 1 },
    ]);
    script.clear();
    clock.advance(60_000);
    expect(await loop.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('two loops fanning out at once send each message exactly once', async () => {
    const wecom = batchingAdapter('wecom', 1000);
    await fanOut('wecom', 500, 'report due');
    const adapters = new Map([['wecom', wecom.adapter]]);
    const a = createDeliveryLoop({ db: database.db, clock, logger, adapters, batchSize: 7 });
    const b = createDeliveryLoop({ db: database.db, clock, logger, adapters, batchSize: 7 });
    const [ra, rb] = await Promise.all([a.drainOnce(), b.drainOnce()]);
    expect(ra.sent + rb.sent).toBe(500);
    expect(wecom.calls.flat()).toHaveLength(500);
    expect(new Set(wecom.calls.flat()).size).toBe(500);
  });
});

describe('pacing per conversation', () => {
  it("spaces messages to one conversation by the adapter's interval without holding up others", async () => {
    const sent: { target: string; text: string; at: number }[] = [];
    const paced: ChatAdapter = {
      platform: 'slack',
      capabilities: { receivesLocation: false, richMessages: true, groups: true },
      minSendIntervalMs: 1000,
      async send(target, message) {
        sent.push({ target, text: message.text, at: clock.now().getTime() });
      },
    };
    const enqueue = (target: string, ...texts: string[]) =>
      enqueueMessages(database.db, texts.map((text) => ({ orgId: null, targetRef: target, message: { text } })), clock.now());
    await enqueue('slack:C1', 'week board', 'month board', 'third');
    await enqueue('slack:C2', 'other channel');
    const loop = createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['slack', paced]]) });
    await loop.drainOnce();
    expect(sent.map((s) => s.text)).toEqual(['week board', 'other channel']);
    clock.advance(999);
    await loop.drainOnce();
    expect(sent).toHaveLength(2);
    clock.advance(1);
    await loop.drainOnce();
    clock.advance(1000);
    await loop.drainOnce();
    expect(sent.filter((s) => s.target === 'slack:C1').map((s) => s.text)).toEqual(['week board', 'month board', 'third']);
    const times = sent.filter((s) => s.target === 'slack:C1').map((s) => s.at);
    expect(times[1]! - times[0]!).toBe(1000);
    expect(times[2]! - times[1]!).toBe(1000);
  });
});
