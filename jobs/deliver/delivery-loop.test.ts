import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase } from '../../test/support/test-database.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { createDatabaseMailbox } from '../../src/db/local-mailbox.ts';
import { RateLimitedError, UnrecoverableError } from '../../bots/errors.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createDeliveryLoop } from './delivery-loop.ts';
import { noMetrics } from '../../src/observability/metrics-recorder.ts';

/**
 * The delivery loop against a scripted adapter: each send consults `script` for the target and
 * either records the message or throws what a platform would (429, outage, bad recipient).
 */
function scriptedAdapter() {
  const delivered: { target: string; text: string; outboxId: string }[] = [];
  const script = new Map<string, (Error | null)[]>();
  const adapter: ChatAdapter = {
    platform: 'fake',
    capabilities: { receivesLocation: false, richMessages: false, groups: true },
    async send(target: string, message: OutboundMessage, ctx) {
      const next = script.get(target)?.shift();
      if (next) throw next;
      delivered.push({ target, text: message.text, outboxId: ctx.outboxId });
    },
  };
  return { adapter, delivered, script };
}

let database: DatabaseHandle;
const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
const logger = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
  clock.set('2026-11-27T02:00:00Z');
});
afterAll(async () => database?.close());

const enqueue = (target: string, ...texts: string[]) =>
  enqueueMessages(database.db, texts.map((text) => ({ orgId: null, targetRef: target, message: { text } })), clock.now());

describe('outbox delivery', () => {
  it('delivers every message once, in order per conversation', async () => {
    const { adapter, delivered } = scriptedAdapter();
    const loop = createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['fake', adapter]]) });
    await enqueue('fake:a', 'a1', 'a2', 'a3');
    await enqueue('fake:b', 'b1');
    const result = await loop.drainOnce();
    expect(result).toEqual({ sent: 4, retried: 0, failed: 0 });
    expect(delivered.filter((d) => d.target === 'fake:a').map((d) => d.text)).toEqual(['a1', 'a2', 'a3']);
    expect((await loop.drainOnce()).sent).toBe(0);
  });

  it('honours Retry-After for the limited conversation without holding up the others', async () => {
    const { adapter, delivered, script } = scriptedAdapter();
    script.set('fake:busy', [new RateLimitedError(30_000)]);
    const loop = createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['fake', adapter]]) });
    await enqueue('fake:busy', 'first', 'second');
    await enqueue('fake:quiet', 'other');

    await loop.drainOnce();
    expect(delivered.map((d) => d.text)).toEqual(['other']);

    clock.advance(29_000);
    await loop.drainOnce();
    expect(delivered.map((d) => d.text)).toEqual(['other']);

    clock.advance(1_000);
    await loop.drainOnce();
    expect(delivered.map((d) => d.text)).toEqual(['other', 'first', 'second']);
    const rows = await database.db.selectFrom('outbox').select(['status', 'attempts']).where('target_ref', '=', 'fake:busy').execute();
    // A rate limit is not a failed attempt: it must not use up the retry budget.
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('retries an outage with backoff and gives up on an undeliverable message', async () => {
    const { adapter, delivered, script } = scriptedAdapter();
    script.set('fake:flaky', [new Error('ECONNRESET')]);
    script.set('fake:gone', [new UnrecoverableError('user not found')]);
    const loop = createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['fake', adapter]]) });
    await enqueue('fake:flaky', 'hello');
    await enqueue('fake:gone', 'bye');

    expect(await loop.drainOnce()).toEqual({ sent: 0, retried: 1, failed: 1 });
    clock.advance(10 * 60_000);
    expect(await loop.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(delivered.map((d) => d.text)).toEqual(['hello']);
    const gone = await database.db.selectFrom('outbox').select(['status', 'last_error']).where('target_ref', '=', 'fake:gone').executeTakeFirstOrThrow();
    expect(gone).toMatchObject({ status: 'failed', last_error: 'UnrecoverableError: user not found' });
  });

  it('picks up a message whose sender died mid-send once the lease expires, and stores it once', async () => {
    const mailbox = createDatabaseMailbox(database.db);
    const local: ChatAdapter = {
      platform: 'local',
      capabilities: { receivesLocation: true, richMessages: false, groups: true },
      send: (target, message, ctx) => mailbox.deliver(ctx.outboxId, target, { text: message.text }),
    };
    await enqueue('local:user:alice', 'once');
    // A first process delivered the message but crashed before marking it sent.
    const [row] = await database.db.selectFrom('outbox').select('id').execute();
    await mailbox.deliver(String(row!.id), 'local:user:alice', { text: 'once' });
    await database.db.updateTable('outbox').set({ locked_until: new Date(clock.now().getTime() + 30_000), attempts: 1 }).execute();

    const loop = createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['local', local]]), leaseMs: 30_000 });
    expect((await loop.drainOnce()).sent).toBe(0);
    clock.advance(30_000);
    expect((await loop.drainOnce()).sent).toBe(1);
    expect((await mailbox.list('local:user:alice')).map((m) => m.text)).toEqual(['once']);
  });

  it('two loops draining the same outbox send each message exactly once', async () => {
    const { adapter, delivered } = scriptedAdapter();
    const adapters = new Map([['fake', adapter]]);
    for (let i = 0; i < 40; i++) await enqueue(`fake:user-${i % 10}`, `m${i}`);
    const a = createDeliveryLoop({ db: database.db, clock, logger, adapters, batchSize: 3 });
    const b = createDeliveryLoop({ db: database.db, clock, logger, adapters, batchSize: 3 });
    const [ra, rb] = await Promise.all([a.drainOnce(), b.drainOnce()]);
    expect(ra.sent + rb.sent).toBe(40);
    expect(new Set(delivered.map((d) => d.outboxId)).size).toBe(40);
    expect(delivered).toHaveLength(40);
  });

  it('stores a scheduled message once however often it is enqueued under its natural key', async () => {
    const entry = { orgId: null, targetRef: 'fake:mgr', message: { text: 'digest' }, dedupeKey: 'digest:mgr:2026-11-27' };
    expect(await enqueueMessages(database.db, [entry], clock.now())).toBe(1);
    expect(await enqueueMessages(database.db, [entry], clock.now())).toBe(0);
  });
});

describe('delivery metrics', () => {
  it('counts each attempt by platform and outcome: sent, 429, retried, failed', async () => {
    const { adapter, script } = scriptedAdapter();
    script.set('fake:busy', [new RateLimitedError(1_000)]);
    script.set('fake:flaky', [new Error('ECONNRESET')]);
    script.set('fake:gone', [new UnrecoverableError('user not found')]);
    const counted: string[] = [];
    const metrics = { ...noMetrics, delivery: (platform: string, outcome: string, count = 1) => counted.push(...Array(count).fill(`${platform} ${outcome}`)) };
    const loop = createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['fake', adapter]]), metrics });
    await enqueue('fake:busy', 'wait');
    await enqueue('fake:flaky', 'again');
    await enqueue('fake:gone', 'never');
    await enqueue('fake:quiet', 'now');

    await loop.drainOnce();
    expect(counted.sort()).toEqual(['fake 429', 'fake failed', 'fake retried', 'fake sent']);
    clock.advance(10 * 60_000);
    await loop.drainOnce();
    expect(counted.filter((c) => c === 'fake sent')).toHaveLength(3);
  });
});
