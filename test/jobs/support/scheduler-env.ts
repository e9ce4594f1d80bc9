import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Redis } from 'ioredis';
import { createTestDatabase, resetDatabase } from '../../support/test-database.ts';
import { ManualClock } from '../../../src/core/shared/clock.ts';
import { createLogger } from '../../../src/logger.ts';
import { createDatabaseMailbox } from '../../../src/db/local-mailbox.ts';
import { createDeliveryLoop, type DeliveryLoop } from '../../../jobs/deliver/delivery-loop.ts';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../../jobs/scheduler.ts';
import type { ChatAdapter } from '../../../bots/types.ts';
import type { DatabaseHandle } from '../../../src/db/connect.ts';
import { Seed } from './seed.ts';

/** Set in CI; locally the BullMQ variants are skipped (and say so) without it. */
export const redisUrl = process.env.REDIS_URL;
export const skipRedisReason = 'BullMQ runner: set REDIS_URL=redis://127.0.0.1:6379 to run';

export type RunnerMode = 'in-process' | 'bullmq';
/** The runners a suite runs on: always in-process; BullMQ only when REDIS_URL is set. */
export const runnerModes: RunnerMode[] = redisUrl ? ['in-process', 'bullmq'] : ['in-process'];

export const logger = createLogger('silent');

export function uniquePrefix(): string {
  return `legwork-test-${randomBytes(5).toString('hex')}`;
}

/** The local chat's delivery path: outbox → local adapter → `local_deliveries`. */
export function localDelivery(handle: DatabaseHandle, clock: ManualClock): DeliveryLoop {
  const mailbox = createDatabaseMailbox(handle.db);
  const local: ChatAdapter = {
    platform: 'local',
    capabilities: { receivesLocation: true, richMessages: false, groups: true },
    send: (target, message, ctx) => mailbox.deliver(ctx.outboxId, target, { text: message.text, ...(message.title ? { title: message.title } : {}) }),
  };
  return createDeliveryLoop({ db: handle.db, clock, logger, adapters: new Map([['local', local]]) });
}

export interface SchedulerEnv {
  database: DatabaseHandle;
  clock: ManualClock;
  scheduler: Scheduler;
  delivery: DeliveryLoop;
  seed: Seed;
  prefix: string;
  /** Texts delivered to a local conversation ref so far, oldest first. */
  delivered(ref: string): Promise<string[]>;
  /** Outbox rows (any status) for a target, oldest first. */
  queued(ref: string): Promise<string[]>;
  /** Runs every pass at `instant` and delivers what they wrote. */
  at(instant: string): Promise<void>;
  /** Another scheduler on the same database (and Redis prefix): a second worker process. */
  another(extra?: Partial<SchedulerOptions>): Scheduler;
}

/**
 * One database per test file, shared by the file's runner variants (they run one after another):
 * booting embedded PostgreSQL is the slow part of these suites. Call at the top level of the file.
 */
export function useFileDatabase(): { readonly current: DatabaseHandle } {
  const holder = {} as { current: DatabaseHandle };
  beforeAll(async () => {
    holder.current = await createTestDatabase();
  });
  afterAll(async () => holder.current?.close());
  return holder;
}

/** A scheduler of one runner kind on the file's database, clean tables before each test. */
export function useSchedulerEnv(
  mode: RunnerMode,
  fileDatabase: { readonly current: DatabaseHandle },
  extra: Partial<SchedulerOptions> = {},
): { readonly current: SchedulerEnv } {
  const holder = {} as { current: SchedulerEnv };
  const extras: Scheduler[] = [];
  beforeAll(async () => {
    const database = fileDatabase.current;
    const clock = new ManualClock(new Date('2026-10-30T00:00:00Z'));
    const prefix = uniquePrefix();
    const make = (more: Partial<SchedulerOptions> = {}) =>
      createScheduler({ db: database.db, clock, logger, redisUrl: mode === 'bullmq' ? redisUrl : undefined, prefix, ...extra, ...more });
    const scheduler = make();
    await scheduler.start({ schedules: false });
    const delivery = localDelivery(database, clock);
    const texts = async (ref: string, table: 'local_deliveries' | 'outbox') => {
      if (table === 'local_deliveries') {
        const rows = await database.db.selectFrom('local_deliveries').select('text').where('target_ref', '=', ref).orderBy('outbox_id').execute();
        return rows.map((r) => r.text);
      }
      const rows = await database.db.selectFrom('outbox').select('message').where('target_ref', '=', ref).orderBy('id').execute();
      return rows.map((r) => (r.message as { text: string }).text);
    };
    holder.current = {
      database,
      clock,
      scheduler,
      delivery,
      seed: new Seed(database.db),
      prefix,
      delivered: (ref) => texts(ref, 'local_deliveries'),
      queued: (ref) => texts(ref, 'outbox'),
      async at(instant) {
        clock.set(instant);
        await scheduler.runDueNow();
        await delivery.drainOnce();
      },
      another(more) {
        const s = make(more);
        extras.push(s);
        return s;
      },
    };
  });
  beforeEach(async () => {
    await resetDatabase(holder.current.database);
    holder.current.seed = new Seed(holder.current.database.db);
  });
  afterAll(async () => {
    for (const s of extras) await s.stop();
    await holder.current?.scheduler.stop();
    if (mode === 'bullmq' && holder.current) await wipePrefix(holder.current.prefix);
  });
  return holder;
}

/** Deletes every key under a BullMQ prefix (as a Redis restart without persistence would). */
export async function wipePrefix(prefix: string): Promise<number> {
  const redis = new Redis(redisUrl!);
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/** Kills only the Redis connections with this client name (never other people's). */
export async function killConnections(connectionName: string): Promise<number> {
  const redis = new Redis(redisUrl!);
  try {
    const list = (await redis.client('LIST')) as string;
    const ids = list
      .split('\n')
      .filter((line) => line.includes(` name=${connectionName} `))
      .map((line) => /(?:^|\s)id=(\d+)/.exec(line)?.[1])
      .filter((id): id is string => Boolean(id));
    for (const id of ids) await redis.client('KILL', 'ID', id);
    return ids.length;
  } finally {
    redis.disconnect();
  }
}

/** Waits for a condition with a bounded poll (for real sockets and Redis), never a fixed sleep. */
export async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
