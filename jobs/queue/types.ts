import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import type { LocationLinkSettings } from '../../src/core/location-links/issue-location-link.ts';

/** What every job handler gets: the database, the clock, a logger, and a way to add more jobs. */
export interface JobContext {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** True on the embedded database (PGlite: no autovacuum, one connection). */
  embeddedDatabase?: boolean;
  /** For check-in links in plan reminders (public URL, link secret and lifetime). */
  links?: LocationLinkSettings;
  /** Days exact check-in coordinates are kept (LOCATION_RETENTION_DAYS); housekeeping coarsens older ones. */
  locationRetentionDays?: number;
  /** The embedded database's daily backup (absent on PostgreSQL). */
  embeddedBackup?: { dump: () => Promise<Blob>; dataDir: string; keep: number };
  /** Adds a job; with `jobId` (its natural key, no ':'), adding it again while it is known is a no-op. */
  enqueue(name: string, payload: unknown, options?: { jobId?: string }): Promise<void>;
}

/**
 * One job: a name, a zod schema for its payload (checked when added and again when run, since a
 * payload may sit in Redis across a deploy), and an idempotent handler.
 */
export interface JobDefinition<P = unknown> {
  name: string;
  schema: z.ZodType<P>;
  handler(context: JobContext, payload: P): Promise<unknown>;
}

/** A job added on a schedule: a cron pattern in a zone, or a fixed interval (tests, benchmarks). */
export interface RepeatSpec {
  /** Stable id of the schedule (upserting it again changes nothing). */
  id: string;
  job: string;
  cron?: string;
  timeZone?: string;
  everyMs?: number;
}

export interface JobStats {
  completed: Record<string, number>;
  failed: Record<string, number>;
}

/**
 * The queue abstraction: BullMQ on Redis, or an in-process runner for the embedded default. Both
 * run the same definitions; what is due is derived from the database, so either may lose a job
 * (crash, Redis restart) without losing a message: the next pass finds it still due.
 */
export interface JobRunner {
  readonly kind: 'in-process' | 'bullmq';
  readonly stats: JobStats;
  add(name: string, payload: unknown, options?: { jobId?: string }): Promise<void>;
  /** Starts processing jobs and, with `schedules`, firing the repeats. */
  start(options?: { schedules?: boolean }): Promise<void>;
  /** Stops taking jobs and waits for running ones. Schedules stay (in Redis) for other workers. */
  stop(): Promise<void>;
  /** Resolves once nothing is waiting or running (tests, benchmarks). */
  whenIdle(timeoutMs?: number): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
}

/** BullMQ job ids may not contain ':' (nor be integers): natural keys are joined with '-'. */
export function jobIdOf(...parts: string[]): string {
  return parts.join('-').replaceAll(':', '-');
}
