import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { createEmbeddedDatabaseIfMissing } from './create-embedded-database.ts';

// `date` columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(1082, (value: string) => value);
// bigint (bigserial ids, counts) as number when safe: ids are compared as strings elsewhere.
pg.types.setTypeParser(20, (value: string) => value);

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

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

function statsOf(pool: pg.Pool, max: number): () => PoolStats {
  return () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
}

export interface ConnectOptions {
  /** PostgreSQL URL; when absent, embedded PGlite stores its files under `dataDir`. */
  databaseUrl?: string;
  /** Directory for PGlite, or `memory://` for a throwaway database (tests). */
  dataDir?: string;
  /** Pool size on a real server. */
  poolSize?: number;
}

/**
 * Opens the database. PGlite is reached through its node-postgres shim so both back ends share one
 * code path (kysely's PostgresDialect over a pg Pool); PGlite allows one connection, hence max 1.
 */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // A connection attempt to an unreachable (black-holed) server gives up after 10 s instead of
    // holding the request forever; the error maps to 503 like any other outage.
    const max = options.poolSize ?? 10;
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max, connectionTimeoutMillis: 10_000 });
    // An idle client losing its connection (server restart, admin kill) emits 'error' on the pool;
    // unhandled, that would crash the process. The next query opens a fresh connection instead.
    pool.on('error', () => undefined);
    // pg-pool listens only on idle clients: a client checked out when the server goes away (57P01 on
    // a restart) emits 'error' on itself with no listener, which kills the process. Its query fails
    // on its own (the request answers 503), and pg-pool drops the broken client when it is released.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
  const pool = new pg.Pool({ ...(createPgConfig(pglite) as object), max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    poolStats: statsOf(pool, 1),
    // Under PGlite's query lock: no statement runs while the files are read. Committed work is in
    // the WAL (synchronous_commit is on), so the copy opens with everything committed before it.
    dumpDataDir: async () => (await pglite.dumpDataDir('gzip')) as Blob,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
