import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import { ConfigError, loadConfig } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { systemClock } from '../core/shared/clock.ts';
import { CustomerImportError, importCustomers, type CustomerSheetRow } from '../core/customers/import-customers.ts';

const USAGE = `usage: npm run import:customers -- [--org <org id or name>] <file.csv>
  columns (header row): name, aliases, tier, lat, lng, coordinate system, address, owner
  or in Chinese: 名称, 别名, 级别, 纬度, 经度, 坐标系, 地址, 负责人
  On the embedded database (no DATABASE_URL), stop Legwork first: one process owns DATA_DIR.
`;

/** A mistake in how the command was called or which org it should use: exit code 2. */
class UsageError extends Error {}

/**
 * Decodes a sheet to text with `\n` line ends. UTF-8 with or without BOM, else GB18030: Excel on
 * Chinese Windows saves "CSV" in that code page, and reading it as UTF-8 would garble every name.
 * Line ends are unified because csv-parse miscounts lines for CRLF inside quoted cells.
 */
async function* decodeSheet(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pendingCr = false;
  const unify = (text: string) => {
    const joined = (pendingCr ? '\r' : '') + text;
    pendingCr = joined.endsWith('\r');
    return (pendingCr ? joined.slice(0, -1) : joined).replace(/\r\n?/g, '\n');
  };
  for await (const chunk of chunks) {
    decoder ??= new TextDecoder(isUtf8Start(chunk) ? 'utf-8' : 'gb18030');
    yield unify(decoder.decode(chunk, { stream: true }));
  }
  const rest = unify(decoder?.decode() ?? '') + (pendingCr ? '\n' : '');
  if (rest) yield rest;
}

function isUtf8Start(chunk: Buffer): boolean {
  try {
    // `stream: true` tolerates a character cut at the chunk's end.
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Streams a customer sheet as records numbered by the line they start on (header = line 1). A record
 * csv-parse cannot read (wrong number of cells, an unclosed quote) becomes an `unreadable` row, so it
 * is reported like any bad row instead of aborting the import.
 */
export async function* readCustomerSheet(chunks: AsyncIterable<Buffer>): AsyncGenerator<CustomerSheetRow> {
  const skipped: CustomerSheetRow[] = [];
  const parser = Readable.from(decodeSheet(chunks)).pipe(
    parse({
      bom: true,
      columns: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) skipped.push({ line: Number(error.lines), unreadable: `cannot read the row: ${error.message.replace(/ (on|at) line \d+$/, '')}` });
        return undefined;
      },
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* skipped.splice(0);
    // info.lines is where the record ends; line breaks inside quoted cells tell where it began.
    const breaks = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    yield { line: info.lines - breaks, record };
  }
  yield* skipped.splice(0);
}

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

  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
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
