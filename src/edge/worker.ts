import { systemClock, type Clock } from '../core/shared/clock.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../logger.ts';
import { runSchedulerPass } from '../../jobs/run-scheduler-pass.ts';
import { createConsoleLogger } from './console-logger.ts';
import { createEdgeLegwork, type WorkerEnv } from './edge-app.ts';
import { whenBodyRead } from './response-body.ts';

/** What workerd hands a handler to keep work going after the answer (ExecutionContext). */
export interface WaitUntil {
  waitUntil(work: Promise<unknown>): void;
}

/** The Cron Trigger's controller (ScheduledController): when this run was due, and its pattern. */
export interface ScheduledRun {
  scheduledTime: number;
  cron: string;
}

export interface WorkerOptions {
  /** The clock (tests pass a manual one); the system clock otherwise. */
  clock?: Clock;
  logger?: (env: WorkerEnv) => Logger;
}

const loggerFor = (env: WorkerEnv) => createConsoleLogger(typeof env.LOG_LEVEL === 'string' ? env.LOG_LEVEL : 'info');

/**
 * The Cloudflare Workers entry (`main` in wrangler.toml): the request/response half of Legwork on
 * workerd, PostgreSQL through the HYPERDRIVE binding.
 * - fetch: the same Hono app as `npm start` (webhooks for Slack, DingTalk in HTTP mode and WeCom, the
 *   location page, /healthz, /readyz); the platform gets its answer as soon as the turn is committed
 *   (or at the adapter's deadline), and the replies the turn queued are delivered in `waitUntil`.
 * - scheduled (every minute): the scheduler pass (reminders, leaderboards, digests; housekeeping at
 *   minute 17) with the same job code as the in-process runner, then a drain of the outbox.
 */
export function createWorker(options: WorkerOptions = {}) {
  const clock = options.clock ?? systemClock;
  const makeLogger = options.logger ?? loggerFor;
  return {
    async fetch(request: Request, env: WorkerEnv, ctx: WaitUntil): Promise<Response> {
      const logger = makeLogger(env);
      let legwork;
      try {
        legwork = await createEdgeLegwork(env, { clock, logger });
      } catch (error) {
        // 503 while the database is away (platforms retry); anything else is the deployment's
        // configuration (a bad variable, Stream mode on the Worker), named in the log line.
        if (isDatabaseUnavailable(error)) {
          logger.warn({ err: error }, 'request refused: database unavailable');
          return Response.json({ error: 'database unavailable, retry later' }, { status: 503, headers: { 'retry-after': '2' } });
        }
        logger.error({ err: error }, 'Legwork could not start this request: check the Worker configuration');
        return Response.json({ error: 'service misconfigured' }, { status: 500 });
      }
      let response: Response;
      try {
        response = await legwork.http.fetch(request, env, ctx as never);
      } catch (error) {
        await legwork.close();
        throw error;
      }
      // The pool stays open while a streamed body (an export) still reads rows.
      const streamed = whenBodyRead(response);
      ctx.waitUntil(streamed.read.then(() => legwork.settle()).catch((error: unknown) => logger.error({ err: error }, 'delivery after the answer failed; the cron retries it')));
      return streamed.response;
    },

    /** Awaited, not waitUntil'd: the run's outcome is the invocation's (a failed pass shows as a failed cron). */
    async scheduled(controller: ScheduledRun, env: WorkerEnv, _ctx?: WaitUntil): Promise<void> {
      const logger = makeLogger(env);
      const legwork = await createEdgeLegwork(env, { clock, logger });
      try {
        const minute = new Date(controller.scheduledTime).getUTCMinutes();
        const stats = await runSchedulerPass({
          db: legwork.db,
          clock,
          logger,
          links: { publicUrl: legwork.config.publicUrl, linkSecret: legwork.linkSecret, linkTtlMinutes: legwork.config.locationLinkTtlMinutes },
        }, { housekeeping: minute === 17 });
        const delivered = await legwork.settle({ drain: true });
        logger.info({ cron: controller.cron, stats, delivered }, 'scheduled pass');
      } finally {
        await legwork.close();
      }
    },
  };
}

export default createWorker();
