/**
 * `npx tsx bench/checkin-round-trips.ts [--turns N] [--list]`: the SQL round trips and the Node CPU of
 * one chat check-in, end to end (POST /local/messages → engine → outbox → delivery to the local
 * mailbox), in-process with a manual clock. On the embedded database by default, on PostgreSQL when
 * DATABASE_URL is set (a throwaway database on that server, dropped afterwards).
 *
 * Round trips are counted at the driver (every `pg.Client#query`, `begin` and `commit` included), so
 * they are exact and immune to the machine's load; CPU is this process's user + system time per
 * check-in (on the embedded database PGlite runs in-process and is included). Each check-in closes
 * the previous visit, as in `npm run bench:checkins`; the outbox is drained after each one.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { ManualClock } from '../src/core/shared/clock.ts';
import { buildApp } from '../src/app/build-app.ts';
import { createTestDatabase } from '../test/support/test-database.ts';

const { values } = parseArgs({ options: { turns: { type: 'string', default: '200' }, list: { type: 'boolean', default: false } } });
const turns = Number(values.turns);

// Every statement goes through pg.Client#query (PGlite too, through its node-postgres shim).
const statements: string[] = [];
let counting = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) statements.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text ?? args[0]));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
const database = await createTestDatabase();
const app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://legwork.test' }), { logger: createLogger('silent'), clock, database });
const say = async (userId: string, text: string) => {
  const res = await app.http.request('/local/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, text }) });
  if (res.status !== 202) throw new Error(`"${text}" → ${res.status} ${await res.text()}`);
  await app.delivery.drainOnce();
};
const position = (k: number) => `${(31.1 + k * 0.01 + 0.0002).toFixed(5)},121.30020`;

try {
  await say('admin', 'language en');
  await say('rep', 'language en');
  for (let k = 1; k <= 20; k++) await say('admin', `new customer C${k} ${(31.1 + k * 0.01).toFixed(5)},121.30000`);
  // Warm-up: the first check-in opens a visit, so every measured one also closes the previous.
  await say('rep', `checkin C20 ${position(20)}`);
  const cpu = process.cpuUsage();
  let trips = 0;
  for (let i = 0; i < turns; i++) {
    clock.advance(60_000);
    statements.length = 0;
    counting = true;
    await say('rep', `checkin C${(i % 19) + 1} ${position((i % 19) + 1)}`);
    counting = false;
    trips += statements.length;
  }
  const used = process.cpuUsage(cpu);
  const where = database.kind === 'pglite' ? 'embedded, PGlite in this process' : 'PostgreSQL, Node only';
  process.stdout.write(`${turns} check-ins (${where}): ${(trips / turns).toFixed(2)} round trips and ${((used.user + used.system) / 1000 / turns).toFixed(2)} ms CPU each\n`);
  if (values.list) statements.forEach((s, i) => process.stdout.write(`${String(i + 1).padStart(2)} ${s.replace(/\s+/g, ' ').trim().slice(0, 200)}\n`));
} finally {
  await app.stop();
  await database.close();
}
