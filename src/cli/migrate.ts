import { ConfigError, loadConfig } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { listAppliedMigrations, migrateToLatest } from '../db/migrate.ts';

/**
 * `npm run migrate`: applies every pending migration to the PostgreSQL of DATABASE_URL, then lists
 * what is applied. For deployments where nothing else migrates: the Cloudflare Worker never runs
 * migrations at request time. (`npm start` and `npm run worker` migrate on start-up, as before.)
 */
async function main(): Promise<number> {
  let databaseUrl: string | undefined;
  try {
    databaseUrl = loadConfig().databaseUrl;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (!databaseUrl) {
    process.stderr.write('npm run migrate needs DATABASE_URL (postgres://user:password@host:5432/database).\n');
    return 2;
  }
  const database = await connectDatabase({ databaseUrl, poolSize: 1, preparedStatements: false });
  try {
    await migrateToLatest(database.db);
    const applied = await listAppliedMigrations(database.db);
    process.stdout.write(`migrations applied (${applied.length}), latest: ${applied.at(-1) ?? 'none'}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
