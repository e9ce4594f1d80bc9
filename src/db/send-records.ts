import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { SendPacer, SendProgress } from '../../bots/send-records.ts';
import { RateLimitedError } from '../../bots/errors.ts';
import { robotLimitPerMinute } from '../../bots/wecom/api.ts';

/**
 * Multi-part progress on the outbox row itself (`outbox.parts_sent`): whichever process or Worker
 * invocation retries the message reads how far the last try got. The row is leased to one sender at
 * a time (outbox-repository.ts), so no two writers race on it.
 */
export function databaseSendProgress(db: Kysely<Database>): SendProgress {
  return {
    async partsSent(outboxId) {
      const row = await db.selectFrom('outbox').select('parts_sent').where('id', '=', outboxId).executeTakeFirst();
      return row?.parts_sent ?? 0;
    },
    async recordPartsSent(outboxId, count) {
      await db.updateTable('outbox').set({ parts_sent: count }).where('id', '=', outboxId).execute();
    },
  };
}

/**
 * A sliding-window limit per key kept in `robot_sends`, so every process and Worker isolate sending
 * through one WeCom group robot shares its 20 a minute. One short transaction per send: a
 * transaction-scoped advisory lock on the key serialises takers of the same robot (two cron runs
 * cannot both take the 20th slot), the robot's rows older than the window are pruned, the rest are
 * counted, and a slot is inserted when one is free. Keys are stored as SHA-256 digests: a robot's
 * webhook key is its credential. A slot is spent even when the send then fails, as WeCom may have
 * counted it.
 */
export function databaseSendPacer(db: Kysely<Database>, clock: Clock, options: { limit: number; windowMs: number; scope: string }): SendPacer {
  return {
    async take(key) {
      const robot = createHash('sha256').update(`${options.scope}\n${key}`).digest('base64url');
      const now = clock.now();
      const windowStart = new Date(now.getTime() - options.windowMs);
      const waitMs = await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${robot}, 0))`.execute(trx);
        await trx.deleteFrom('robot_sends').where('robot', '=', robot).where('sent_at', '<=', windowStart).execute();
        const recent = await trx
          .selectFrom('robot_sends')
          .select([(eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.min('sent_at').as('oldest')])
          .where('robot', '=', robot)
          .executeTakeFirstOrThrow();
        if (Number(recent.n) >= options.limit && recent.oldest) {
          return new Date(recent.oldest).getTime() + options.windowMs - now.getTime();
        }
        await trx.insertInto('robot_sends').values({ robot, sent_at: now }).execute();
        return undefined;
      });
      if (waitMs !== undefined) throw new RateLimitedError(Math.max(waitMs, 1), `group robot pacing: ${options.limit} per ${options.windowMs / 1000} s`);
    },
  };
}

/**
 * WeCom's records of what went out, in the database so they hold across processes, restarts and
 * Worker invocations: multi-part progress per outbox message, and group robot pacing (20 a minute).
 */
export function weComSendRecords(db: Kysely<Database>, clock: Clock) {
  return {
    sendProgress: databaseSendProgress(db),
    robotPacer: databaseSendPacer(db, clock, { limit: robotLimitPerMinute, windowMs: 60_000, scope: 'wecom-robot' }),
  };
}
