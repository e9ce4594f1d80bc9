/**
 * `npm run bench:exports` (also part of `npm run bench`): exports check-ins as CSV through the admin
 * API (`GET /api/v1/exports/check-ins.csv`, in process, the response body read to the end) and, in
 * the same run and on the same rows, PostgreSQL's own `COPY (…) TO STDOUT` through `psql -c "\copy …"`
 * (pg-copy-streams is not a dependency; psql speaks the COPY protocol natively). Reports rows per
 * second for both, their ratio (target: the export at least 0.3× COPY), and the process's memory
 * growth while exporting (target: under 50 MB), sampled every 20 ms.
 *
 * Default: 10,000 rows on the local PostgreSQL (postgres://postgres@127.0.0.1:5432/postgres); with
 * DATABASE_URL set: 100,000 rows on that server. `--rows N` sets the size, `--embedded` exports from
 * PGlite instead (no COPY baseline then). A throwaway database is created and dropped.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.ts';
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/core/shared/clock.ts';
import { mountAdminApi } from '../src/http/api/index.ts';
import { prepareTarget } from './lib/target-database.ts';
import { insertCheckIns } from './lib/bulk-check-ins.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, embedded: { type: 'boolean', default: false }, 'database-url': { type: 'string' }, postgres: { type: 'boolean', default: false } },
  allowPositionals: true,
  strict: false,
});
const adminUrl = (values['database-url'] as string | undefined) ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rows = Number(values.rows ?? (process.env.DATABASE_URL || values['database-url'] ? 100_000 : 10_000));
const embedded = Boolean(values.embedded);
const token = 'bench-admin-token-0123456789';

async function seed(handle: DatabaseHandle): Promise<string> {
  const db = handle.db;
  await migrateToLatest(db);
  const org = await db.insertInto('orgs').values({ name: '基准公司', checkin_radius_m: 500, report_deadline: '20:00', default_time_zone: 'Asia/Shanghai', default_language: 'zh-CN' }).returning('id').executeTakeFirstOrThrow();
  const users = await db.insertInto('users').values(Array.from({ length: 50 }, (_, i) => ({ org_id: org.id, display_name: `销售${i + 1}号`, role: 'rep' as const, time_zone: 'Asia/Shanghai', language: 'zh-CN' as const }))).returning('id').execute();
  const customers = await db.insertInto('customers').values(Array.from({ length: 200 }, (_, i) => ({ org_id: org.id, name: `客户${i + 1}有限公司` }))).returning('id').execute();
  const batch = 20_000;
  for (let done = 0; done < rows; done += batch) {
    await insertCheckIns(db, { orgId: org.id, userIds: users.map((u) => u.id), customerIds: customers.map((c) => c.id), count: Math.min(batch, rows - done), start: new Date(Date.UTC(2026, 0, 1) + done * 60_000) });
  }
  await sql`analyze`.execute(db);
  return org.id;
}

/** Reads a byte stream to the end, counting bytes and line feeds. */
async function drain(stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { bytes, lines };
}

async function exportOnce(handle: DatabaseHandle) {
  const app = new Hono();
  // As build-app.ts mounts it: a server-side cursor on a PostgreSQL server, keyset pages on PGlite.
  mountAdminApi(app, { db: handle.db, clock: systemClock, logger: createLogger('silent'), adminToken: token, exportCursor: handle.kind === 'postgres' });
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = performance.now();
  const res = await app.request('/api/v1/exports/check-ins.csv', { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  const read = await drain(res.body!);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  return { ...read, seconds, rssGrowthMb: (peakRss - before.rss) / 2 ** 20, heapGrowthMb: (peakHeap - before.heapUsed) / 2 ** 20 };
}

/** The same rows and columns by PostgreSQL's COPY, through psql. */
function copyOnce(databaseUrl: string, orgId: string): Promise<{ bytes: number; lines: number; seconds: number }> {
  const query = `select ci.at, ci.kind, u.display_name, c.name, ci.status, ci.distance_m, ci.radius_m, ci.accuracy_m, ci.accuracy_flagged, ci.mocked, ci.lat, ci.lng, ci.source_platform, ci.id, ci.visit_id
    from check_ins ci join users u on u.id = ci.user_id join customers c on c.id = ci.customer_id
    where ci.org_id = '${orgId}' order by ci.at, ci.id`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('psql', [databaseUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', `\\copy (${query.replace(/\s+/g, ' ')}) to stdout with (format csv, header)`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const counted = drain(child.stdout);
    child.once('error', reject);
    child.once('close', async (code) => {
      if (code !== 0) return reject(new Error(`psql exited ${code}: ${stderr}`));
      resolve({ ...(await counted), seconds: (performance.now() - started) / 1000 });
    });
  });
}

// No PostgreSQL reachable (a fresh machine): export from PGlite and say the COPY baseline was skipped.
const target = embedded
  ? undefined
  : await prepareTarget({ backend: 'postgres', adminUrl, poolSize: 5 }).catch((error: unknown) => {
      process.stdout.write(`export bench: no PostgreSQL at ${new URL(adminUrl).host} (${(error as Error).message}); using PGlite\n`);
      return undefined;
    });
const handle = target ? await target.openBaseline() : await connectDatabase({ dataDir: 'memory://' });
try {
  process.stdout.write(`export bench: ${rows.toLocaleString('en-US')} check-ins on ${target ? target.label : 'PGlite (in memory)'}\n`);
  const seedStart = performance.now();
  const orgId = await seed(handle);
  process.stdout.write(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);
  const exported = await exportOnce(handle);
  if (exported.lines !== rows + 1) throw new Error(`the export has ${exported.lines - 1} rows, expected ${rows}`);
  const exportRate = rows / exported.seconds;
  process.stdout.write(`  API export (CSV):   ${Math.round(exportRate).toLocaleString('en-US')} rows/s  (${exported.seconds.toFixed(2)} s, ${(exported.bytes / 2 ** 20).toFixed(1)} MB)\n`);
  process.stdout.write(`  memory growth:      RSS +${exported.rssGrowthMb.toFixed(1)} MB, heap +${exported.heapGrowthMb.toFixed(1)} MB  (target < 50 MB: ${exported.rssGrowthMb < 50 ? 'met' : 'MISSED'})\n`);
  let ok = exported.rssGrowthMb < 50;
  if (target) {
    const url = target.serviceEnv.DATABASE_URL!;
    const copied = await copyOnce(url, orgId);
    if (copied.lines !== rows + 1) throw new Error(`COPY gave ${copied.lines - 1} rows, expected ${rows}`);
    const copyRate = rows / copied.seconds;
    const ratio = exportRate / copyRate;
    process.stdout.write(`  COPY … TO STDOUT:   ${Math.round(copyRate).toLocaleString('en-US')} rows/s  (${copied.seconds.toFixed(2)} s via psql \\copy, ${(copied.bytes / 2 ** 20).toFixed(1)} MB)\n`);
    process.stdout.write(`  ratio:              ${ratio.toFixed(2)}× COPY  (target ≥ 0.3×: ${ratio >= 0.3 ? 'met' : 'MISSED'})\n`);
    ok &&= ratio >= 0.3;
  } else {
    process.stdout.write('  COPY baseline: skipped (PGlite has no COPY TO STDOUT client)\n');
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await handle.close();
  await target?.cleanup();
}
