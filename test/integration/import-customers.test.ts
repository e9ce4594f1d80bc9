import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/schema.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { gcj02ToWgs84 } from '../../src/geo/index.ts';
import { CustomerImportError, importCustomers, type CustomerSheetRow } from '../../src/core/customers/import-customers.ts';
import { readCustomerSheet } from '../../src/cli/import-customers.ts';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);
const sheet = (name: string) => readCustomerSheet(createReadStream(fixture(name)));

/** One org with Alice (matched by display name) and Bob (matched by his chat id U-BOB). */
async function seedOrg(db: Kysely<Database>, name = 'Acme') {
  const org = await db
    .insertInto('orgs')
    .values({ name, checkin_radius_m: 500, report_deadline: '20:00', default_time_zone: 'Asia/Shanghai', default_language: 'zh-CN' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = (display_name: string) =>
    db.insertInto('users').values({ org_id: org.id, display_name, role: 'rep', time_zone: 'Asia/Shanghai', language: 'zh-CN' }).returning('id').executeTakeFirstOrThrow();
  const alice = await user('Alice Wang');
  const bob = await user('Bob');
  await db.insertInto('identities').values({ platform: 'local', tenant_id: name, external_id: 'U-BOB', user_id: bob.id, direct_ref: null }).execute();
  return { orgId: org.id, aliceId: alice.id, bobId: bob.id };
}

/** The errors as the CLI prints them: line and English message. */
const messages = (result: { errors: { line: number; message: string }[] }) => result.errors.map(({ line, message }) => ({ line, message }));

describe('importCustomers', () => {
  let handle: DatabaseHandle;
  let seed: Awaited<ReturnType<typeof seedOrg>>;
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
  const run = (rows: AsyncIterable<CustomerSheetRow> | CustomerSheetRow[]) => importCustomers({ db: handle.db, clock }, { orgId: seed.orgId, rows });
  const customers = () => handle.db.selectFrom('customers').selectAll().orderBy('name').execute();
  const byName = async (name: string) => (await customers()).find((c) => c.name === name)!;

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());
  beforeEach(async () => {
    await resetDatabase(handle);
    seed = await seedOrg(handle.db);
  });

  it('creates customers with aliases, tier, owner (display name or chat id) and default tier C', async () => {
    const result = await run(sheet('customers.csv'));
    expect(result).toMatchObject({ created: 3, updated: 0, errors: [], ignoredColumns: [] });
    const huawei = await byName('Huawei');
    expect(huawei).toMatchObject({ aliases: ['HW', '华为', 'Huawei Technologies'], tier: 'A', lat: 22.6536, original_system: 'wgs84', address: 'Bantian, Longgang, Shenzhen', owner_id: seed.aliceId });
    expect(await byName('Tencent')).toMatchObject({ tier: 'B', owner_id: seed.bobId });
    expect(await byName('Corner Shop')).toMatchObject({ tier: 'C', aliases: [], lat: null, owner_id: null });
  });

  it('stores GCJ-02 positions as WGS-84 and keeps the original', async () => {
    await run(sheet('customers.csv'));
    const tencent = await byName('Tencent');
    const wgs = gcj02ToWgs84({ lat: 22.5405, lng: 113.934 });
    expect(tencent).toMatchObject({ original_lat: 22.5405, original_lng: 113.934, original_system: 'gcj02' });
    expect(tencent.lat).toBeCloseTo(wgs.lat, 9);
    expect(tencent.lng).toBeCloseTo(wgs.lng, 9);
    // The datum shift in Shenzhen is hundreds of metres: the conversion really happened.
    expect(Math.abs(tencent.lng! - 113.934)).toBeGreaterThan(0.003);
  });

  it('updates on re-import instead of duplicating, and reports rows that changed nothing', async () => {
    await run(sheet('customers.csv'));
    const before = await byName('Huawei');
    clock.advance(60_000);
    const again = await run([
      { name: 'HUAWEI', aliases: '华为技术、HW', tier: 'B' },
      { name: 'Tencent', tier: 'B' },
      { name: 'New Co' },
    ]);
    expect(again).toMatchObject({ created: 1, updated: 1, unchanged: 1, errors: [] });
    const rows = await customers();
    expect(rows.map((c) => c.name)).toEqual(['Corner Shop', 'HUAWEI', 'New Co', 'Tencent']);
    const huawei = await byName('HUAWEI');
    expect(huawei).toMatchObject({ id: before.id, aliases: ['华为技术', 'HW'], tier: 'B' });
    // Blank cells keep what the customer had: a sheet without positions never erases one.
    expect(huawei).toMatchObject({ lat: before.lat, address: before.address, owner_id: seed.aliceId });
    expect(huawei.updated_at.getTime()).toBe(clock.now().getTime());
    expect((await run(sheet('customers.csv'))).created).toBe(0);
  });

  it('reports each bad row with its line and keeps the good rows', async () => {
    const result = await run(sheet('customers-bad.csv'));
    expect(messages(result)).toEqual([
      { line: 3, message: 'tier "D" is not A, B or C' },
      { line: 4, message: 'lat/lng 95, 120 are out of range' },
      { line: 5, message: 'lat without lng' },
      { line: 6, message: 'owner "Mallory" is not a user of this org (display name or chat id)' },
      { line: 7, message: 'name is empty' },
    ]);
    expect(result.created).toBe(2);
    expect((await customers()).map((c) => c.name)).toEqual(['Good One', 'Good Two']);
  });

  it('lists every problem of a row and refuses a name twice in one file', async () => {
    const result = await run([{ name: 'A', tier: 'Z', lat: 'abc', lng: '1' }, { name: 'Dup' }, { name: 'dup ', tier: 'A' }]);
    expect(messages(result)).toEqual([
      { line: 2, message: 'tier "Z" is not A, B or C; lat/lng abc, 1 are not numbers' },
      { line: 4, message: '"dup" is already on line 3' },
    ]);
    // The same problems as data, for the console to word in the reader's language.
    expect(result.errors.map((e) => e.problems)).toEqual([
      [{ kind: 'badTier', value: 'Z' }, { kind: 'badPosition', lat: 'abc', lng: '1', why: 'not_a_number' }],
      [{ kind: 'duplicateName', name: 'dup', line: 3 }],
    ]);
  });

  it('saves in batches, and a row the database refuses spoils only itself', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({ name: `Shop ${i}`, address: i === 300 ? 'NUL\u0000byte' : `Street ${i}` }));
    const result = await run(rows);
    expect(result).toMatchObject({ created: 449, errors: [{ line: 302, message: expect.stringMatching(/^refused by the database/), problems: [{ kind: 'refusedByDatabase' }] }] });
    expect(await customers()).toHaveLength(449);
  });

  it('reads Chinese headers, a BOM, CRLF and a multi-line cell, with true line numbers', async () => {
    const result = await run(sheet('customers-zh.csv'));
    expect(messages(result)).toEqual([{ line: 5, message: 'tier "X" is not A, B or C' }]);
    expect(await byName('华为')).toMatchObject({ aliases: ['HW', '华为技术'], tier: 'A', original_system: 'gcj02', address: '深圳市龙岗区\n坂田华为基地', owner_id: seed.aliceId });
    expect(await byName('腾讯')).toMatchObject({ aliases: ['鹅厂', 'Tencent'], original_system: 'wgs84', lat: 22.5405 });
  });

  it('reads a GB18030 sheet as saved by Excel on Chinese Windows', async () => {
    expect(await run(sheet('customers-gb18030.csv'))).toMatchObject({ created: 1, errors: [] });
    expect(await byName('美的')).toMatchObject({ tier: 'A', address: '广东省佛山市顺德区' });
  });

  it('reports a row with too many cells and goes on', async () => {
    const rows = readCustomerSheet((async function* () { yield Buffer.from('name,tier\nA,B\nBad,A,extra\nC,C\n'); })());
    const result = await run(rows);
    expect(result.created).toBe(2);
    expect(messages(result)).toEqual([{ line: 3, message: expect.stringMatching(/^cannot read the row/) }]);
  });

  it('refuses a sheet without a name column, naming the headers it found and the columns it ignores', async () => {
    await expect(run([{ customer_tier: 'A' }])).rejects.toThrow(CustomerImportError);
    expect((await run([{ Name: 'X', Teir: 'A' }])).ignoredColumns).toEqual(['Teir']);
  });
});

/** A database the CLI child process can open: a PGlite directory, or a fresh database on DATABASE_URL. */
async function cliDatabase(): Promise<{ env: Record<string, string>; open(): Promise<DatabaseHandle>; dispose(): Promise<unknown> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), 'legwork-import-'));
    return { env: { DATA_DIR: dir, DATABASE_URL: '' }, open: () => connectDatabase({ dataDir: dir }), dispose: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `legwork_cli_${randomBytes(6).toString('hex')}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(query);
    await client.end();
  };
  await admin(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { env: { DATABASE_URL: target.toString() }, open: () => connectDatabase({ databaseUrl: target.toString() }), dispose: () => admin(`drop database if exists ${name} with (force)`) };
}

function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import-customers.ts', ...args], { cwd: join(import.meta.dirname, '..', '..'), env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import:customers', () => {
  it('imports a file end to end, exits 1 when rows failed, 0 when all are fine, 2 when the org is ambiguous', async () => {
    const target = await cliDatabase();
    try {
      // The embedded database has one owner at a time: seed, close, then let the command open it.
      const seedHandle = await target.open();
      await migrateToLatest(seedHandle.db);
      await seedOrg(seedHandle.db);
      await seedHandle.close();

      const partial = await cli(target.env, fixture('customers-bad.csv'));
      expect(partial.stdout).toBe('created 2, updated 0, failed 5, unchanged 0\n');
      expect(partial.stderr).toContain('line 3: tier "D" is not A, B or C\n');
      expect(partial.code).toBe(1);

      const clean = await cli(target.env, fixture('customers.csv'));
      expect(clean).toMatchObject({ code: 0, stdout: 'created 3, updated 0, failed 0, unchanged 0\n', stderr: '' });

      const second = await target.open();
      const other = await seedOrg(second.db, 'Other');
      expect(await second.db.selectFrom('customers').select('name').execute()).toHaveLength(5);
      await second.close();
      const ambiguous = await cli(target.env, fixture('customers.csv'));
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toContain('choose one with --org');
      expect(ambiguous.stderr).toContain(other.orgId);
      expect(await cli(target.env)).toMatchObject({ code: 2 });
    } finally {
      await target.dispose();
    }
  }, 240_000);
});
