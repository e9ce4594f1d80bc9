import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/** True when the suite runs against a real PostgreSQL server (CI sets DATABASE_URL). */
export const onRealPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A fresh, migrated database for one test file: PGlite in memory by default; with DATABASE_URL, a
 * new database on that server (dropped on close) so parallel test files never share tables.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await connectDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const name = `legwork_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await connectDatabase({ databaseUrl: target.toString(), poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Empties every table but the migration bookkeeping and settings: each test starts clean. */
export async function resetDatabase(handle: DatabaseHandle): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_%' and tablename <> 'settings'`.execute(handle.db);
  const list = tables.rows.map((r) => `"${r.tablename}"`).join(', ');
  if (list) await sql.raw(`truncate ${list} restart identity cascade`).execute(handle.db);
}
