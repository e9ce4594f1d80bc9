import { Queue, Worker, type Job } from 'bullmq';
import type { Logger } from '../../src/logger.ts';
import { createRedisPing } from './redis-ping.ts';
import type { JobContext, JobDefinition, JobRunner, JobStats, RepeatSpec } from './types.ts';

export interface BullmqRunnerOptions {
  redisUrl: string;
  /** Key prefix in Redis; tests use a unique one each. */
  prefix?: string;
  queueName?: string;
  definitions: readonly JobDefinition<any>[];
  context: Omit<JobContext, 'enqueue'>;
  repeats: readonly RepeatSpec[];
  logger: Logger;
  concurrency?: number;
  /** How often each process checks that the schedules still exist in Redis (a restart without persistence drops them). */
  scheduleCheckMs?: number;
  /** Name on this runner's Redis connections (CLIENT LIST), to tell them apart. */
  connectionName?: string;
}

/** Completed jobs are kept a day so a natural-key job id added again that day is a no-op. */
const keepCompleted = { age: 24 * 3600, count: 20_000 };
const keepFailed = { age: 7 * 24 * 3600 };

/**
 * BullMQ on Redis: jobs are shared by every worker process on the same Redis and prefix; schedules
 * are BullMQ job schedulers upserted by every process that starts with `schedules` (upserting is
 * idempotent) and checked periodically, so a Redis restart that lost them re-creates them.
 */
export function createBullmqRunner(options: BullmqRunnerOptions): JobRunner {
  const definitions = new Map(options.definitions.map((d) => [d.name, d] as const));
  const queueName = options.queueName ?? 'legwork';
  const prefix = options.prefix ?? 'legwork';
  const logger = options.logger;
  const stats: JobStats = { completed: {}, failed: {} };
  // Workers block on Redis and must retry forever across outages (BullMQ requires null here).
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null, connectionName: options.connectionName };
  let queue: Queue | undefined;
  let worker: Worker | undefined;
  let checkTimer: NodeJS.Timeout | undefined;
  const ping = createRedisPing(options.redisUrl, options.connectionName);

  const getQueue = (): Queue => {
    if (!queue) {
      queue = new Queue(queueName, { connection, prefix });
      queue.on('error', (error) => logger.warn({ err: error }, 'queue connection error'));
    }
    return queue;
  };

  const context: JobContext = { ...options.context, enqueue: (name, payload, opts) => add(name, payload, opts) };

  async function add(name: string, payload: unknown, opts: { jobId?: string } = {}): Promise<void> {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`unknown job "${name}"`);
    const data = definition.schema.parse(payload);
    if (opts.jobId?.includes(':')) throw new Error(`job id "${opts.jobId}" contains ':'`);
    await getQueue().add(name, data, {
      jobId: opts.jobId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: keepCompleted,
      removeOnFail: keepFailed,
    });
  }

  async function process(job: Job): Promise<unknown> {
    const definition = definitions.get(job.name);
    if (!definition) throw new Error(`no handler for job "${job.name}"`);
    return definition.handler(context, definition.schema.parse(job.data));
  }

  async function ensureSchedules(): Promise<void> {
    const q = getQueue();
    for (const repeat of options.repeats) {
      if (await q.getJobScheduler(repeat.id)) continue;
      const every = repeat.everyMs ? { every: repeat.everyMs } : { pattern: repeat.cron!, tz: repeat.timeZone };
      await q.upsertJobScheduler(repeat.id, every, {
        name: repeat.job,
        data: {},
        opts: { removeOnComplete: { count: 100 }, removeOnFail: keepFailed, attempts: 1 },
      });
      logger.info({ schedule: repeat.id }, 'job schedule upserted');
    }
  }

  return {
    kind: 'bullmq',
    stats,
    add,
    async start({ schedules = true } = {}) {
      worker = new Worker(queueName, process, { connection, prefix, concurrency: options.concurrency ?? 4 });
      worker.on('completed', (job) => void (stats.completed[job.name] = (stats.completed[job.name] ?? 0) + 1));
      worker.on('failed', (job, error) => {
        if (job) stats.failed[job.name] = (stats.failed[job.name] ?? 0) + 1;
        logger.error({ err: error, job: job?.name, jobId: job?.id }, 'job failed');
      });
      worker.on('error', (error) => logger.warn({ err: error }, 'worker connection error'));
      if (!schedules) return;
      await ensureSchedules();
      checkTimer = setInterval(
        () => void ensureSchedules().catch((error) => logger.warn({ err: error }, 'schedule check failed')),
        options.scheduleCheckMs ?? 60_000,
      );
      checkTimer.unref();
    },
    async stop() {
      if (checkTimer) clearInterval(checkTimer);
      ping.close();
      await worker?.close();
      await queue?.close();
      worker = undefined;
      queue = undefined;
    },
    async whenIdle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      // Polled: BullMQ has no "queue drained" promise across processes. Delayed jobs count when they
      // are retries (work in hand), not when they are a schedule's next firing.
      for (;;) {
        const q = getQueue();
        const counts = await q.getJobCounts('active', 'waiting', 'prioritized', 'waiting-children');
        const retries = (await q.getJobs(['delayed'], 0, 1000)).filter((job) => !job.id?.startsWith('repeat:')).length;
        if (Object.values(counts).every((n) => n === 0) && retries === 0) return;
        if (Date.now() > deadline) throw new Error(`jobs still running after ${timeoutMs} ms: ${JSON.stringify({ ...counts, retries })}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    health: () => ping.ping(),
  };
}
