import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { usePreparedStatements } from './prepared-statements.ts';

// `date` columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(1082, (value: string) => value);
// bigint (bigserial ids, counts) as number when safe: ids are compared as strings elsewhere.
pg.types.setTypeParser(20, (value: string) => value);

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export function statsOf(pool: pg.Pool, max: number): () => PoolStats {
  return () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
}

/**
 * kysely over a pg Pool on a PostgreSQL server. Edge-safe (no PGlite, no node:fs): the Node service
 * (`connectDatabase`) and the Cloudflare Worker (through Hyperdrive) both open their pool here, so
 * both get the same type parsers and the same outage handling.
 */
export function openPostgres(
  connectionString: string,
  options: { max: number; connectionTimeoutMillis?: number; /** Name repeated statements (prepared-statements.ts); off by default (the Worker's Hyperdrive). */ preparedStatements?: boolean },
) {
  // A connection attempt to an unreachable (black-holed) server gives up after 10 s instead of
  // holding the request forever; the error maps to 503 like any other outage.
  const pool = new pg.Pool({ connectionString, max: options.max, connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000 });
  // An idle client losing its connection (server restart, admin kill) emits 'error' on the pool;
  // unhandled, that would crash the process. The next query opens a fresh connection instead.
  pool.on('error', () => undefined);
  // pg-pool listens only on idle clients: a client checked out when the server goes away (57P01 on
  // a restart) emits 'error' on itself with no listener, which kills the process. Its query fails
  // on its own (the request answers 503), and pg-pool drops the broken client when it is released.
  // On workerd the same listener swallows pg-cloudflare's "Stream was cancelled" after `end()`.
  pool.on('connect', (client) => client.on('error', () => undefined));
  if (options.preparedStatements) usePreparedStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
