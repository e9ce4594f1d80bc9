import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { startService, type ChildService } from './lib/child-service.ts';
import { prepareTarget } from './lib/target-database.ts';
import { ServiceClient } from './lib/service-client.ts';
import { orgShape, seedLargeOrg, type OrgShape, type SeedTimings } from './org-seed.ts';
import { measureDigests, measureLeaderboards, type PairedTiming } from './org-boards.ts';
import { measureChat, type ChatResult } from './org-chat.ts';
import { measureHousekeeping, measureReminders, type HousekeepingTiming, type ReminderTiming } from './org-upkeep.ts';
import type { LatencySummary } from './lib/stats.ts';

export interface OrgBenchOptions {
  reps: number;
  backend: 'postgres' | 'pglite';
  /** Server the throwaway database is created on (postgres only). */
  adminUrl: string;
  chatRate: number;
  chatSeconds: number;
  /** Seconds of chat at the same rate before the measured phase (not counted). */
  chatWarmupSeconds?: number;
  /** Alternating core / bare SQL rounds of the board and digest comparisons (the median counts). */
  rounds: number;
  poolSize: number;
  log?: (line: string) => void;
}

/** The targets (issue 12, the large-org bench). */
export const orgTargets = { boardsRatio: 2, boardsTotalMs: 2000, digestP99Ms: 100, digestsRatio: 2, chatP99Ms: 200 } as const;

export interface OrgBenchResult {
  backend: 'postgres' | 'pglite';
  shape: OrgShape;
  /** Rows in the database after seeding, counted. */
  rows: Record<string, number>;
  seed: SeedTimings;
  boards: PairedTiming & { teams: number };
  digests: PairedTiming & { managers: number; one: LatencySummary };
  chat: ChatResult & { failedRequests: number; duplicates: number };
  reminders: ReminderTiming;
  housekeeping: HousekeepingTiming;
  loadAverage: { atStart: number; atEnd: number };
  runMs: number;
  /** The server's cache settings, which decide how much of a 10,000-rep org is read from memory. */
  server?: { sharedBuffers: string; effectiveCacheSize: string };
}

async function counts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['users', 'teams', 'customers', 'visits', 'check_ins', 'daily_reports'] as const) {
    out[table] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]!.n);
  }
  return out;
}

/**
 * Seeds the large org into a throwaway database, measures the core code beside bare SQL in this
 * process, then the chat through the real service (a child process on the same database), then the
 * reminder pass and housekeeping, and removes the database. On the embedded database the service
 * needs the files to itself, so this process closes its connection while the service runs.
 */
export async function runOrgBench(options: OrgBenchOptions): Promise<OrgBenchResult> {
  const log = options.log ?? (() => undefined);
  const loadAtStart = loadavg()[0]!;
  const started = performance.now();
  const shape = orgShape(options.reps);
  const target = await prepareTarget({ backend: options.backend, adminUrl: options.adminUrl, poolSize: options.poolSize });
  const open = () =>
    target.kind === 'postgres'
      ? connectDatabase({ databaseUrl: target.serviceEnv.DATABASE_URL!, poolSize: options.poolSize })
      : connectDatabase({ dataDir: target.serviceEnv.DATA_DIR! });
  let handle: DatabaseHandle | undefined;
  let child: ChildService | undefined;
  try {
    log(`database: ${target.label}`);
    handle = await open();
    await migrateToLatest(handle.db);
    // The instant the data ends at: a minute ago, so every seeded visit lies in the past.
    const asOf = new Date(Date.now() - 60_000);
    log(`seeding ${shape.reps} reps in ${shape.teams} teams, ${shape.customers} customers, ${shape.visits} visits, ~${shape.checkIns} check-ins`);
    const seed = await seedLargeOrg(handle.db, shape, asOf);
    const rows = await counts(handle);
    const server =
      target.kind === 'postgres'
        ? {
            sharedBuffers: (await sql<{ v: string }>`select current_setting('shared_buffers') as v`.execute(handle.db)).rows[0]!.v,
            effectiveCacheSize: (await sql<{ v: string }>`select current_setting('effective_cache_size') as v`.execute(handle.db)).rows[0]!.v,
          }
        : undefined;
    log(`seeded in ${seed.totalMs} ms: ${JSON.stringify(rows)}`);

    log(`weekly leaderboards of ${shape.teams} teams, beside bare SQL (${options.rounds} rounds)`);
    const boards = await measureLeaderboards(handle.db, asOf, options.rounds);
    log(`daily digests of ${shape.teams} managers, beside bare SQL (${options.rounds} rounds)`);
    const digests = await measureDigests(handle.db, asOf, options.rounds);
    await handle.close();
    handle = undefined;

    log(`chat answers at ${options.chatRate}/s for ${options.chatSeconds} s through the service, after ${options.chatWarmupSeconds ?? 0} s of warm-up`);
    child = await startService({ env: { ...target.serviceEnv, LOG_LEVEL: 'warn' } });
    const client = new ServiceClient(child.baseUrl);
    const chat = await measureChat(client, shape, { rate: options.chatRate, seconds: options.chatSeconds, warmupSeconds: options.chatWarmupSeconds ?? 0 });
    const stopped = await child.stop();
    if (stopped.code !== 0) log(`service exited with code ${stopped.code}: ${child.output().trim().split('\n').slice(-5).join(' | ')}`);
    child = undefined;

    handle = await open();
    log(`reminder pass for ${shape.reps} reps`);
    const reminders = await measureReminders(handle.db, asOf);
    log('housekeeping');
    const housekeeping = await measureHousekeeping(handle.db, asOf, target.kind === 'pglite');
    return {
      backend: target.kind,
      shape,
      rows,
      seed,
      boards,
      digests,
      chat: { ...chat, failedRequests: client.failures.count, duplicates: client.duplicates },
      reminders,
      housekeeping,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! },
      runMs: performance.now() - started,
      ...(server ? { server } : {}),
    };
  } finally {
    if (child) await child.stop().catch(() => undefined);
    if (handle) await handle.close().catch(() => undefined);
    await target.cleanup().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
  }
}
