import { Cron } from 'croner';
import type { Logger } from '../../src/logger.ts';
import type { JobContext, JobDefinition, JobRunner, JobStats, RepeatSpec } from './types.ts';

export interface InProcessRunnerOptions {
  definitions: readonly JobDefinition<any>[];
  /** The context handlers get, without `enqueue` (the runner supplies it). */
  context: Omit<JobContext, 'enqueue'>;
  repeats: readonly RepeatSpec[];
  logger: Logger;
  concurrency?: number;
  /** Delays before each retry of a failed job (real time); length = retries. */
  retryDelaysMs?: readonly number[];
}

interface Pending {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
}

/**
 * The embedded default: jobs run in this process, schedules fire from croner (cron in a time zone).
 * Nothing is persisted: a job lost to a crash is found again by the next scheduler pass, because
 * what is due comes from the database. A job id that is waiting or running is not added twice.
 */
export function createInProcessRunner(options: InProcessRunnerOptions): JobRunner {
  const definitions = new Map(options.definitions.map((d) => [d.name, d] as const));
  const concurrency = options.concurrency ?? 2;
  const retryDelays = options.retryDelaysMs ?? [1000, 5000];
  const stats: JobStats = { completed: {}, failed: {} };
  const queue: Pending[] = [];
  const known = new Set<string>();
  const running = new Set<Promise<void>>();
  const retryTimers = new Set<NodeJS.Timeout>();
  const crons: Cron[] = [];
  const intervals: NodeJS.Timeout[] = [];
  let processing = false;
  let sequence = 0;
  let idleWaiters: (() => void)[] = [];

  const context: JobContext = { ...options.context, enqueue: (name, payload, opts) => add(name, payload, opts) };

  async function add(name: string, payload: unknown, opts: { jobId?: string } = {}): Promise<void> {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`unknown job "${name}"`);
    const parsed = definition.schema.parse(payload);
    const id = opts.jobId ?? `${name}#${++sequence}`;
    if (known.has(id)) return;
    known.add(id);
    queue.push({ id, name, payload: parsed, attempt: 0 });
    pump();
  }

  function pump(): void {
    while (processing && running.size < concurrency && queue.length > 0) {
      const job = queue.shift()!;
      const task = run(job).finally(() => {
        running.delete(task);
        pump();
        settleIdle();
      });
      running.add(task);
    }
  }

  async function run(job: Pending): Promise<void> {
    const definition = definitions.get(job.name)!;
    try {
      await definition.handler(context, job.payload);
      stats.completed[job.name] = (stats.completed[job.name] ?? 0) + 1;
      known.delete(job.id);
    } catch (error) {
      const delay = retryDelays[job.attempt];
      options.logger.error({ err: error, job: job.name, jobId: job.id, attempt: job.attempt + 1 }, 'job failed');
      if (delay === undefined || !processing) {
        stats.failed[job.name] = (stats.failed[job.name] ?? 0) + 1;
        known.delete(job.id);
        return;
      }
      const timer = setTimeout(() => {
        retryTimers.delete(timer);
        queue.push({ ...job, attempt: job.attempt + 1 });
        pump();
      }, delay);
      retryTimers.add(timer);
    }
  }

  function isIdle(): boolean {
    return queue.length === 0 && running.size === 0 && retryTimers.size === 0;
  }

  function settleIdle(): void {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function fire(repeat: RepeatSpec): void {
    void add(repeat.job, {}, { jobId: repeat.id }).catch((error) => options.logger.error({ err: error, repeat: repeat.id }, 'schedule failed'));
  }

  return {
    kind: 'in-process',
    stats,
    add,
    async start({ schedules = true } = {}) {
      processing = true;
      pump();
      if (!schedules) return;
      for (const repeat of options.repeats) {
        if (repeat.everyMs) {
          const timer = setInterval(() => fire(repeat), repeat.everyMs);
          timer.unref();
          intervals.push(timer);
        } else if (repeat.cron) {
          // protect: a pass still running when the next minute comes is not started twice here.
          crons.push(new Cron(repeat.cron, { timezone: repeat.timeZone, protect: true, unref: true }, () => fire(repeat)));
        }
      }
    },
    async stop() {
      processing = false;
      for (const cron of crons.splice(0)) cron.stop();
      for (const timer of intervals.splice(0)) clearInterval(timer);
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      queue.length = 0;
      await Promise.allSettled([...running]);
      settleIdle();
    },
    whenIdle(timeoutMs = 30_000) {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`jobs still running after ${timeoutMs} ms`)), timeoutMs);
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async health() {
      return { ok: true, detail: `in-process, ${running.size} running, ${queue.length} waiting` };
    },
  };
}
