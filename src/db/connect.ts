import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { createEmbeddedDatabaseIfMissing } from './create-embedded-database.ts';
import { openPostgres, statsOf, type PoolStats } from './postgres-pool.ts';
import { usePreparedStatements } from './prepared-statements.ts';

export type { PoolStats } from './postgres-pool.ts';

/** PostgreSQL settings for the embedded database: small caches, same speed at our sizes. */
const embeddedSettings = ['shared_buffers = 16MB', 'work_mem = 1MB', 'maintenance_work_mem = 8MB', 'wal_buffers = 1MB'];

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** 'pglite' when running on the embedded database, 'postgres' on a server. */
  kind: 'pglite' | 'postgres';
  /** The connection pool right now (for /metrics); on PGlite one client, `waiting` = queries queued behind it. */
  poolStats?(): PoolStats;
  /**
   * The embedded database only: a gzipped tarball of its files, consistent as of one instant, taken
   * while it runs (src/db/backup/embedded-backup.ts).
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL URL; when absent, embedded PGlite stores its files under `dataDir`. */
  databaseUrl?: string;
  /** Directory for PGlite, or `memory://` for a throwaway database (tests). */
  dataDir?: string;
  /** Pool size on a real server. */
  poolSize?: number;
  /**
   * Prepare repeated statements on a real server (default on; off behind a transaction-mode pooler).
   * The embedded database always prepares them: nothing sits between it and this process.
   */
  preparedStatements?: boolean;
}

/**
 * Opens the database. PGlite is reached through its node-postgres shim so both back ends share one
 * code path (kysely's PostgresDialect over a pg Pool); PGlite allows one connection, hence max 1.
 */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const max = options.poolSize ?? 10;
    const { db, pool } = openPostgres(options.databaseUrl, { max, preparedStatements: options.preparedStatements ?? true });
    return { db, kind: 'postgres', poolStats: statsOf(pool, max), close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const dataDir = options.dataDir ?? './data';
  if (!dataDir.startsWith('memory://')) {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir, { recursive: true });
    await createEmbeddedDatabaseIfMissing(dataDir, embeddedSettings);
  }
  // PGlite reserves PostgreSQL's default 128 MB buffer cache; an embedded single-process deployment
  // does not need it, and it dominates the service's memory (measured in `npm run bench`).
  const pglite = await PGlite.create(dataDir, { postgresqlconf: embeddedSettings });
  // One in-process backend: an idle client is kept (replacing it would only churn the shim).
  const pool = new pg.Pool({ ...(createPgConfig(pglite) as object), max: 1, idleTimeoutMillis: 0 });
  usePreparedStatements(pool, { sharedBackend: true });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    poolStats: statsOf(pool, 1),
    // Under PGlite's query lock: no statement runs while the files are read. Committed work is in
    // the WAL (synchronous_commit is on), so the copy opens with everything committed before it.
    // PGlite tars all of DATA_DIR: the key file, the run file and the daily backups are taken out.
    dumpDataDir: async () => {
      const dump = (await pglite.dumpDataDir('gzip')) as Blob;
      const { databaseFilesOnly } = await import('./backup/database-files-only.ts');
      return databaseFilesOnly(dump);
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
