/**
 * The scheduler benchmark (issue 3), run as `tsx bench/scheduler.ts [--postgres] [--quick]`:
 *
 * 1. A weekly leaderboard and the daily and weekly manager digests for a 500-rep org with 200,000
 *    check-ins, each beside a bare SQL aggregate over the same check-ins (target: within 2×).
 * 2. Daily-report reminders for 100,000 people across 20 time zones (the scheduler passes at each
 *    zone's 18:00), beside bare BullMQ `addBulk` of as many jobs (needs REDIS_URL). Target within 2×
 *    at 100,000 people on PostgreSQL; on the embedded database at 10,000 people, with 100,000
 *    reported but not targeted (issue 12: large orgs belong on PostgreSQL).
 * 3. The platform API calls a 1,000-person reminder fan-out makes per platform, against the
 *    platform minimum (WeCom 1, DingTalk 50, Slack 1,000: it has no batch API).
 *
 * Each section gets a throwaway database (PGlite in a temp directory, or a new database on the
 * server with --postgres / DATABASE_URL) that is removed afterwards. Prints a table, then one
 * `BENCH_JSON {...}` line. Missed targets are reported, not fatal.
 */
import { parseArgs } from 'node:util';
import { createConnection } from 'node:net';
import { withThrowawayDatabase } from './lib/throwaway-database.ts';
import { measureBoardsAndDigests, measureReminderScheduling } from './scheduler-sections.ts';
import { measureFanOut } from './scheduler-fan-out.ts';

const log = (line: string) => process.stderr.write(`[bench:scheduler] ${line}\n`);
const target = 2;

/** Whether something accepts connections on Redis's default port (within a second). */
function localRedisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 6379 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      postgres: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      quick: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
    },
    strict: true,
  });
  const serverUrl = values['database-url'] ?? process.env.DATABASE_URL ?? (values.postgres ? 'postgres://postgres@127.0.0.1:5432/postgres' : undefined);
  // The BullMQ baseline: REDIS_URL, else a local Redis when one answers (else that comparison is skipped).
  const redisUrl = process.env.REDIS_URL ?? ((await localRedisAnswers()) ? 'redis://127.0.0.1:6379' : undefined);
  // --quick: a tenth of the sizes, to try the bench itself.
  const scale = values.quick ? 0.1 : 1;
  const runs = Number(values.runs);
  const database = serverUrl ? 'postgres' : 'pglite';
  log(`database: ${database}${redisUrl ? ', redis for the addBulk baseline' : ', no REDIS_URL: addBulk baseline skipped'}`);

  log(`section 1: seeding ${500} reps and ${Math.round(200_000 * scale)} check-ins`);
  const boards = await withThrowawayDatabase(serverUrl, 'scheduler', (h) => measureBoardsAndDigests(h.db, { reps: 500, checkins: Math.round(200_000 * scale), customers: 2000, runs }));
  // Which reminder sizes are held to the target depends on the database (see the header).
  const reminderSizes = database === 'postgres' ? [{ users: 100_000, targeted: true }] : [{ users: 10_000, targeted: true }, { users: 100_000, targeted: false }];
  const reminders: Array<Awaited<ReturnType<typeof measureReminderScheduling>> & { targeted: boolean }> = [];
  for (const size of reminderSizes) {
    const users = Math.round(size.users * scale);
    log(`section 2: ${users} people in 20 zones${size.targeted ? '' : ' (reported, not targeted)'}`);
    reminders.push({ ...(await withThrowawayDatabase(serverUrl, 'scheduler', (h) => measureReminderScheduling(h.db, { users, redisUrl }))), targeted: size.targeted });
  }
  log('section 3: 1,000-person fan-out per platform');
  const fanOut = await withThrowawayDatabase(serverUrl, 'scheduler', (h) => measureFanOut(h.db, { people: 1000 }));

  const rows: string[][] = [['measure', 'ms', 'baseline ms', 'baseline', 'ratio', `≤ ${target}×`]];
  for (const c of boards.comparisons) rows.push([c.name, c.ms.toFixed(1), c.baselineMs.toFixed(1), c.baseline, c.ratio.toFixed(2), c.ratio <= target ? 'yes' : 'NO']);
  for (const r of reminders) {
    rows.push([
      `reminders: ${r.people} people, ${r.written} written (${r.passes} passes)`,
      r.ms.toFixed(0),
      r.addBulkMs?.toFixed(0) ?? 'skipped',
      'BullMQ addBulk of as many jobs',
      r.ratio?.toFixed(2) ?? '-',
      !r.targeted ? 'reported' : r.ratio === null ? 'n/a' : r.ratio <= target ? 'yes' : 'NO',
    ]);
  }
  // Fan-out rows: the ms column holds the calls to the platform's sending endpoint, the baseline its minimum.
  for (const p of fanOut.platforms) {
    const others = Object.entries(p.otherCalls).map(([endpoint, n]) => `${n} ${endpoint}`);
    rows.push([
      `fan-out to ${p.people} on ${p.platform}: ${p.sendEndpoint} calls (${p.messages} delivered, ${p.everyoneOnce ? 'each person once' : `${p.reachedOnce} exactly once`}; ${p.tokenCalls} token calls${others.length ? `; also ${others.join(', ')}` : ''})`,
      String(p.apiCalls),
      String(p.minimum),
      'platform minimum',
      '',
      p.atMinimum ? 'yes' : 'NO',
    ]);
  }
  rows.push([
    `fan-out drain: ${fanOut.sent}/${fanOut.written} sent in ${fanOut.drains} drain(s), ${fanOut.retried} retried, ${fanOut.failed} failed, outbox ${fanOut.outboxEmpty ? 'empty' : 'NOT empty'}`,
    fanOut.ms.toFixed(0),
    '',
    fanOut.heldBackMs ? `${fanOut.heldBackMs} ms held back (clock moved)` : 'nothing held back',
    '',
    'n/a',
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`);
  const json = { database, scale, runs, seedMs: { boards: boards.seedMs, reminders: reminders.map((r) => r.seedMs) }, boards: boards.comparisons, reminders, fanOut };
  process.stdout.write(`BENCH_JSON ${JSON.stringify(json)}\n`);
  const fanOutBroken = fanOut.sent !== fanOut.written || !fanOut.outboxEmpty || fanOut.platforms.some((p) => !p.everyoneOnce);
  const remindersBroken = reminders.some((r, i) => r.people !== Math.round(reminderSizes[i]!.users * scale));
  const broken = remindersBroken || fanOutBroken;
  if (broken) {
    const notOnce = fanOut.platforms.filter((p) => !p.everyoneOnce).map((p) => p.platform);
    log(`run broken: ${reminders.map((r) => r.people).join(' / ')} people reminded, ${fanOut.sent}/${fanOut.written} fan-out messages sent, outbox ${fanOut.outboxEmpty ? 'empty' : 'not empty'}${notOnce.length ? `, not everyone reached once on ${notOnce.join(', ')}` : ''}`);
  }
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
