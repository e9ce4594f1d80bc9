import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { ConfigError, loadConfig } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { systemClock } from '../core/shared/clock.ts';
import { CustomerImportError, importCustomers } from '../core/customers/import-customers.ts';
import { readCustomerSheet } from '../core/customers/read-customer-sheet.ts';

// The sheet reader lives in core (the console's upload and the Worker use it without this CLI).
export { readCustomerSheet } from '../core/customers/read-customer-sheet.ts';

const USAGE = `usage: npm run import:customers -- [--org <org id or name>] <file.csv>
  columns (header row): name, aliases, tier, lat, lng, coordinate system, address, owner
  or in Chinese: 名称, 别名, 级别, 纬度, 经度, 坐标系, 地址, 负责人
  On the embedded database (no DATABASE_URL), stop Legwork first: one process owns DATA_DIR.
`;

/** A mistake in how the command was called or which org it should use: exit code 2. */
class UsageError extends Error {}

async function pickOrg(db: Kysely<Database>, requested: string | undefined): Promise<string> {
  const orgs = await db.selectFrom('orgs').select(['id', 'name']).orderBy('created_at').execute();
  const listing = orgs.map((o) => `  ${o.id}  ${o.name}`).join('\n');
  if (requested) {
    const matches = orgs.filter((o) => o.id === requested || o.name.toLowerCase() === requested.toLowerCase());
    if (matches.length === 1) return matches[0]!.id;
    throw new UsageError(`--org ${requested} names ${matches.length === 0 ? 'no' : 'more than one'} org; the orgs are:\n${listing}`);
  }
  if (orgs.length === 1) return orgs[0]!.id;
  if (orgs.length === 0) {
    throw new UsageError('the database has no org yet: start Legwork (npm start) and message the bot once, then import');
  }
  throw new UsageError(`the database has ${orgs.length} orgs; choose one with --org <id>:\n${listing}`);
}

/** Runs the command; resolves to the exit code (0 all rows fine, 1 some rows failed, 2 not run). */
export async function main(argv: string[]): Promise<number> {
  const err = (text: string) => process.stderr.write(`${text}\n`);
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { org: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) {
    err(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
    await access(file, constants.R_OK);
  } catch (error) {
    err(error instanceof ConfigError ? error.message : `cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }

  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.databasePreparedStatements });
  try {
    await migrateToLatest(database.db);
    const orgId = await pickOrg(database.db, args.values.org);
    const rows = readCustomerSheet(createReadStream(file));
    const result = await importCustomers({ db: database.db, clock: systemClock }, { orgId, rows });
    if (result.ignoredColumns.length > 0) err(`ignored columns: ${result.ignoredColumns.join(', ')}`);
    for (const e of result.errors) err(`line ${e.line}: ${e.message}`);
    process.stdout.write(
      `created ${result.created}, updated ${result.updated}, failed ${result.errors.length}, unchanged ${result.unchanged}\n`,
    );
    return result.errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CustomerImportError) {
      err(error.message);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

// Run only as a command, so tests can import readCustomerSheet without starting an import.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
