import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { createTestDatabase, resetDatabase } from '../../test/support/test-database.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import type { Logger } from '../../src/logger.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createDeliveryLoop } from './delivery-loop.ts';

let database: DatabaseHandle;
const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
  clock.set('2026-11-27T02:00:00Z');
});
afterAll(async () => database?.close());

/** A logger that keeps what was logged, by level. */
function recordingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_fields: unknown, msg?: string) => void lines.push({ level, msg: msg ?? String(_fields) });
  const logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') } as unknown as Logger;
  return { logger, lines };
}

/** An adapter that records sends; `hold` makes sends hang until released (a send in flight). */
function fakeAdapter() {
  const delivered: string[] = [];
  let hold: Promise<void> | undefined;
  const adapter: ChatAdapter = {
    platform: 'fake',
    capabilities: { receivesLocation: false, richMessages: false, groups: true },
    async send(_target, message) {
      if (hold) await hold;
      delivered.push(message.text);
    },
  };
  return { adapter, delivered, holdSends: (until: Promise<void>) => (hold = until), release: () => (hold = undefined) };
}

const enqueue = (target: string, ...texts: string[]) =>
  enqueueMessages(database.db, texts.map((text) => ({ orgId: null, targetRef: target, message: { text } })), clock.now());

describe('a crashed sender (issue #12 defect 5)', () => {
  it('leaves its rows to the next process within the short lease, never while it still renews them', async () => {
    const first = fakeAdapter();
    let crash!: () => void;
    // The first process's send never finishes: it "dies" mid-delivery.
    first.holdSends(new Promise<void>((resolve) => (crash = resolve)));
    const dying = createDeliveryLoop({ db: database.db, clock, logger: recordingLogger().logger, adapters: new Map([['fake', first.adapter]]) });
    await enqueue('fake:a', 'hello');
    const inFlight = dying.drainOnce();
    await new Promise((resolve) => setTimeout(resolve, 0));
    while ((await database.db.selectFrom('outbox').select('locked_until').executeTakeFirstOrThrow()).locked_until === null) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const second = fakeAdapter();
    const next = createDeliveryLoop({ db: database.db, clock, logger: recordingLogger().logger, adapters: new Map([['fake', second.adapter]]) });
    // While the first process lives its heartbeat renews the lease: the row is not taken from it.
    for (let i = 0; i < 4; i++) {
      clock.advance(2000);
      await dying.heartbeat();
      expect((await next.drainOnce()).sent).toBe(0);
    }
    expect(second.delivered).toEqual([]);

    // It dies (no more heartbeats): within the 5 s lease the next process sends the reply.
    clock.advance(5000);
    expect((await next.drainOnce()).sent).toBe(1);
    expect(second.delivered).toEqual(['hello']);
    crash();
    await inFlight.catch(() => undefined);
  });
});

describe('a database outage (issue #12 defect 6)', () => {
  /** Fails every query while `down` is true, as a database that refuses connections would. */
  function outage() {
    const state = { down: false, attempts: 0 };
    const plugin: KyselyPlugin = {
      transformQuery(args) {
        if (state.down) {
          state.attempts++;
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        }
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    return { state, db: database.db.withPlugin(plugin) };
  }

  it('backs off exponentially, logs once when it fails and once when it recovers, then delivers', async () => {
    const { state, db } = outage();
    const { adapter, delivered } = fakeAdapter();
    const { logger, lines } = recordingLogger();
    const loop = createDeliveryLoop({ db, clock, logger, adapters: new Map([['fake', adapter]]) });
    await enqueue('fake:a', 'during the outage');

    state.down = true;
    const attemptTimes: number[] = [];
    const start = clock.now().getTime();
    // 20 s of ticks every 100 ms (200 polls) while the database is down.
    for (let i = 0; i < 200; i++) {
      const before = state.attempts;
      await loop.poll();
      if (state.attempts > before) attemptTimes.push(clock.now().getTime() - start);
      clock.advance(100);
    }
    // 0, 0.5, 1.5, 3.5, 7.5, 12.5, 17.5 s: doubling pauses capped at 5 s, not one attempt per tick.
    expect(attemptTimes).toEqual([0, 500, 1500, 3500, 7500, 12500, 17500]);
    expect(lines.filter((l) => l.level === 'error' || l.level === 'warn')).toHaveLength(1);

    state.down = false;
    clock.advance(5000);
    await loop.poll();
    expect(delivered).toEqual(['during the outage']);
    expect(lines.map((l) => l.msg)).toEqual(['outbox drain failing; retrying with backoff until it recovers', 'outbox drain recovered']);
  });
});
