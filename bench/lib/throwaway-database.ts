import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { withAdmin } from './target-database.ts';

/**
 * Runs `run` on a freshly migrated database of its own, removed afterwards however `run` ends: PGlite
 * in a temporary directory, or with `serverUrl` a new database on that server (the server's own
 * database is never touched). For in-process benches that seed and measure core code directly;
 * benches that start the service as a child use prepareTarget (target-database.ts) instead.
 *
 * @param label names the directory or database (`legwork-bench-<label>-…`), to tell runs apart.
 */
export async function withThrowawayDatabase<T>(
  serverUrl: string | undefined,
  label: string,
  run: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), `legwork-bench-${label}-`));
    try {
      return await migratedRun(await connectDatabase({ dataDir: dir }), run);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const name = `legwork_bench_${label}_${Date.now()}_${process.pid}`;
  await withAdmin(serverUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await migratedRun(await connectDatabase({ databaseUrl: url.toString(), poolSize: 4 }), run);
  } finally {
    // FORCE (PostgreSQL 13+) ends sessions a failed run may have left behind.
    await withAdmin(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
  }
}

async function migratedRun<T>(handle: DatabaseHandle, run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  try {
    await migrateToLatest(handle.db);
    return await run(handle);
  } finally {
    await handle.close();
  }
}
