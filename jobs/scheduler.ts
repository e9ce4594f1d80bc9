import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { Clock } from '../src/core/shared/clock.ts';
import type { Logger } from '../src/logger.ts';
import { createBullmqRunner } from './queue/bullmq-runner.ts';
import { createInProcessRunner } from './queue/in-process-runner.ts';
import type { JobDefinition, JobRunner, RepeatSpec } from './queue/types.ts';
import { housekeepingCron, housekeepingJob, jobDefinitions as sharedJobDefinitions, minutePasses } from './job-definitions.ts';
import { backup } from './definitions/backup.ts';
import type { MetricsRecorder } from '../src/observability/metrics-recorder.ts';
import type { LocationLinkSettings } from '../src/core/location-links/issue-location-link.ts';

export interface SchedulerOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** BullMQ on this Redis when set; otherwise the in-process runner. */
  redisUrl?: string;
  /** Redis key prefix (a unique one per test). */
  prefix?: string;
  /** Fire the passes at this interval instead of every minute on the minute (tests, benchmarks). */
  tickEveryMs?: number;
  concurrency?: number;
  scheduleCheckMs?: number;
  connectionName?: string;
  /** The embedded database (PGlite): housekeeping also vacuums, as nothing else does there. */
  embeddedDatabase?: boolean;
  /** LOCATION_RETENTION_DAYS, for housekeeping. */
  locationRetentionDays?: number;
  /** The embedded database's daily backup (BACKUP_KEEP copies under DATA_DIR/backups). */
  embeddedBackup?: { dump: () => Promise<Blob>; dataDir: string; keep: number };
  /** Times every job run (/metrics). */
  metrics?: MetricsRecorder;
  /** For check-in links in plan reminders; without it they go out without buttons. */
  links?: LocationLinkSettings;
}

/**
 * Every job the Node scheduler runs: the ones the Worker's cron shares, plus the embedded database's
 * daily backup (node-only: it writes under DATA_DIR, and there is no embedded database on the Worker).
 */
export const jobDefinitions: readonly JobDefinition<any>[] = [...sharedJobDefinitions, backup];
const backupJob = backup.name;

/** The definition with its handler timed into `metrics` (success or failure, the error still thrown). */
function timed<P>(definition: JobDefinition<P>, metrics: MetricsRecorder | undefined): JobDefinition<P> {
  if (!metrics) return definition;
  return {
    ...definition,
    async handler(context, payload) {
      const started = performance.now();
      let ok = false;
      try {
        const result = await definition.handler(context, payload);
        ok = true;
        return result;
      } finally {
        metrics.schedulerJob(definition.name, (performance.now() - started) / 1000, ok);
      }
    },
  };
}

const passes = minutePasses;

/**
 * Reminders, leaderboards and digests on one queue abstraction. The passes run every minute in UTC
 * rather than on per-zone cron schedules: each pass derives from the database what is due in every
 * zone (so settings changed at runtime, DST, downtime and double fires all need nothing special).
 */
export function createScheduler(options: SchedulerOptions) {
  const repeats: RepeatSpec[] = passes.map((job) =>
    options.tickEveryMs ? { id: job, job, everyMs: options.tickEveryMs } : { id: job, job, cron: '* * * * *', timeZone: 'UTC' },
  );
  // Hourly, off the minute passes' busiest second; not part of `runDueNow` (tests drive time by hand).
  if (!options.tickEveryMs) repeats.push({ id: housekeepingJob, job: housekeepingJob, cron: housekeepingCron, timeZone: 'UTC' });
  // Daily at a quiet hour in China (03:40 UTC+8), only where there is an embedded database to copy.
  if (!options.tickEveryMs && options.embeddedBackup && options.embeddedBackup.keep > 0) {
    repeats.push({ id: backupJob, job: backupJob, cron: '40 19 * * *', timeZone: 'UTC' });
  }
  const context = {
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    embeddedDatabase: options.embeddedDatabase,
    locationRetentionDays: options.locationRetentionDays,
    embeddedBackup: options.embeddedBackup,
    ...(options.links ? { links: options.links } : {}),
  };
  const definitions = jobDefinitions.map((definition) => timed(definition, options.metrics));
  const runner: JobRunner = options.redisUrl
    ? createBullmqRunner({
        redisUrl: options.redisUrl,
        prefix: options.prefix,
        definitions,
        context,
        repeats,
        logger: options.logger,
        concurrency: options.concurrency,
        scheduleCheckMs: options.scheduleCheckMs,
        connectionName: options.connectionName,
      })
    : createInProcessRunner({ definitions, context, repeats, logger: options.logger, concurrency: options.concurrency });

  let started = false;
  /** Starts the workers and (unless `schedules: false`) the minute passes. */
  async function start(opts?: { schedules?: boolean }): Promise<void> {
    started = true;
    await runner.start(opts);
  }
  return {
    runner,
    kind: runner.kind,
    start,
    async stop(): Promise<void> {
      started = false;
      await runner.stop();
    },
    /**
     * Runs every pass now, as the minute tick would, and waits for the work they spawned (starting
     * the workers, without schedules, if nothing started them: tests with a manual clock).
     */
    async runDueNow(timeoutMs?: number): Promise<void> {
      if (!started) await start({ schedules: false });
      for (const job of passes) await runner.add(job, {});
      await runner.whenIdle(timeoutMs);
    },
    health: () => runner.health(),
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
