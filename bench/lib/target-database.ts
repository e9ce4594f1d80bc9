import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import type { BenchOptions } from './args.ts';

/**
 * The database a bench run uses, created for the run and removed after it, so a run never touches
 * `./data` or a developer's database and two runs never see each other's rows.
 */
export interface BenchTarget {
  kind: 'pglite' | 'postgres';
  /** What the service is told (DATA_DIR or DATABASE_URL). */
  serviceEnv: Record<string, string>;
  /** A description for the report, without credentials. */
  label: string;
  /**
   * A connection for the raw INSERT baseline, of the same kind the service uses. On PGlite it is a
   * separate database in this process (the service's directory is locked by the child); on
   * PostgreSQL the service's own database on the same server, with the same pool size.
   */
  openBaseline(): Promise<DatabaseHandle>;
  /** The service's database, to check what the run left there (PGlite: only after the child exited). */
  openService(): Promise<DatabaseHandle>;
  cleanup(): Promise<void>;
  /**
   * CPU seconds used so far by the PostgreSQL backends serving this run's database, when the server
   * runs on this machine (undefined otherwise, and on PGlite, whose work is inside the service).
   */
  serverCpuSeconds(): Promise<number | undefined>;
}

/** What choosing and creating the database needs of the options (shared with the org bench). */
export type TargetOptions = Pick<BenchOptions, 'backend' | 'adminUrl' | 'poolSize'>;

export async function prepareTarget(options: TargetOptions): Promise<BenchTarget> {
  return options.backend === 'postgres' ? preparePostgres(options) : preparePglite();
}

async function preparePglite(): Promise<BenchTarget> {
  const root = await mkdtemp(join(tmpdir(), 'legwork-bench-'));
  const serviceDir = join(root, 'service');
  const baselineDir = join(root, 'baseline');
  return {
    kind: 'pglite',
    serviceEnv: { DATA_DIR: serviceDir },
    label: `PGlite (embedded) under ${root}`,
    openBaseline: () => connectDatabase({ dataDir: baselineDir }),
    openService: () => connectDatabase({ dataDir: serviceDir }),
    cleanup: () => rm(root, { recursive: true, force: true }),
    serverCpuSeconds: async () => undefined,
  };
}

async function preparePostgres(options: TargetOptions): Promise<BenchTarget> {
  const name = `legwork_bench_${Date.now()}_${process.pid}`;
  const url = new URL(options.adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await withAdmin(options.adminUrl, (client) => client.query(`create database "${name}"`));
  const safe = new URL(databaseUrl);
  safe.password = '';
  return {
    kind: 'postgres',
    serviceEnv: { DATABASE_URL: databaseUrl },
    label: `PostgreSQL ${safe.host}${safe.pathname}`,
    openBaseline: () => connectDatabase({ databaseUrl, poolSize: options.poolSize }),
    openService: () => connectDatabase({ databaseUrl, poolSize: 2 }),
    // FORCE (PostgreSQL 13+) ends sessions a crashed service may have left behind.
    cleanup: () => withAdmin(options.adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
    serverCpuSeconds: () => backendCpuSeconds(name),
  };
}

/** Runs `run` with a client connected to the server's own database (creating and dropping throwaway ones). */
export async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Sums utime+stime of the local processes whose title names this database ("postgres: 15/main:
 * postgres legwork_bench_... 127.0.0.1(5432) idle"): the backends of this run only, not other
 * databases' sessions on a shared server. Backends that exit lose their share, so sample while the
 * pools are connected. Undefined when no such process is visible (a remote server).
 */
async function backendCpuSeconds(database: string): Promise<number | undefined> {
  let total = 0;
  let found = false;
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.startsWith('postgres:') || !cmdline.includes(` ${database} `)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(rest[11]) + Number(rest[12])) / 100; // utime + stime in USER_HZ (100) ticks
      found = true;
    } catch {
      // The process exited between readdir and read.
    }
  }
  return found ? total : undefined;
}
