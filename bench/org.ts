/**
 * `npm run bench:org -- --org-size 10000` (also part of `npm run bench -- --org-size N`): a large
 * org seeded with SQL (bench/org-seed.ts) on a throwaway PostgreSQL database, then, each beside
 * bare SQL returning the same numbers in the same run (bench/org-run.ts):
 *
 * - every team's weekly leaderboard (target ≤ 2× bare SQL and < 2 s for all teams);
 * - one manager's daily digest (p99 < 100 ms) and every manager's (≤ 2× bare SQL);
 * - chat answers (`今天`, `客户 …`, `团队`) at 50 requests/s through the running service (p99 < 200 ms);
 * - the reminder pass for every rep, and housekeeping: times, no target.
 *
 * Prints a table with PASS/MISS, then one `BENCH_JSON {...}` line. Missed targets are reported, not
 * fatal; the exit code is non-zero when the run broke (core and bare SQL disagreed, requests failed).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { orgTargets, runOrgBench, type OrgBenchResult } from './org-run.ts';
import { formatTable, round } from './lib/stats.ts';

const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const usage = `npm run bench:org -- [options]
  --org-size N          reps (default 10000): N/20 teams with a manager each, 10 customers and
                        ~500 check-ins per rep over a year
  --database-url URL    PostgreSQL server to create the throwaway database on
                        (default: $DATABASE_URL or ${defaultAdminUrl})
  --embedded            use the embedded database (PGlite) instead: small sizes only
  --chat-rate N         chat requests per second (default 50)
  --chat-seconds N      length of the chat phase (default 20)
  --rounds N            alternating core / bare SQL rounds of the comparisons (default 3)
  --pool-size N         connections of the bench and the service's pool (default 10)`;

const log = (line: string) => process.stderr.write(`[bench:org] ${line}\n`);

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'org-size': { type: 'string', default: '10000' },
      'database-url': { type: 'string' },
      postgres: { type: 'boolean', default: false },
      embedded: { type: 'boolean', default: false },
      'chat-rate': { type: 'string', default: '50' },
      'chat-seconds': { type: 'string', default: '20' },
      rounds: { type: 'string', default: '3' },
      'pool-size': { type: 'string', default: '10' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const int = (name: string, raw: string, min: number) => {
    const v = Number(raw);
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"\n${usage}`);
    return v;
  };
  return {
    reps: int('org-size', values['org-size'], 20),
    backend: values.embedded ? ('pglite' as const) : ('postgres' as const),
    adminUrl: values['database-url'] ?? (process.env.DATABASE_URL?.trim() || defaultAdminUrl),
    chatRate: int('chat-rate', values['chat-rate'], 1),
    chatSeconds: int('chat-seconds', values['chat-seconds'], 1),
    rounds: int('rounds', values.rounds, 1),
    poolSize: int('pool-size', values['pool-size'], 1),
  };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const ms = (v: number) => `${round(v)} ms`;

/** The targets met and missed, and whether the run itself is sound (core and bare agreed, nothing failed). */
export function judge(r: OrgBenchResult) {
  return {
    boards: r.boards.ratio <= orgTargets.boardsRatio && r.boards.coreMs < orgTargets.boardsTotalMs,
    digestOne: r.digests.one.p99 < orgTargets.digestP99Ms,
    digestsAll: r.digests.ratio <= orgTargets.digestsRatio,
    chat: r.chat.all.p99 < orgTargets.chatP99Ms && !r.chat.saturated,
    sound: r.boards.mismatches.length === 0 && r.digests.mismatches.length === 0 && r.chat.failedRequests === 0 && r.chat.duplicates === 0,
  };
}

export function printOrgReport(r: OrgBenchResult): void {
  const j = judge(r);
  const c = r.chat;
  const lines = [
    `Legwork large-org bench: ${r.backend}, ${r.shape.reps} reps in ${r.shape.teams} teams, ${availableParallelism()} cores, load ${round(r.loadAverage.atStart, 2)} -> ${round(r.loadAverage.atEnd, 2)}, run ${Math.round(r.runMs / 1000)} s`,
    '',
    formatTable([
      ['seed (SQL, indexes after the load)', ms(r.seed.totalMs), Object.entries(r.rows).map(([t, n]) => `${n} ${t}`).join(', ')],
      ...Object.entries(r.seed.steps).map(([step, t]) => [`  ${step}`, ms(t)] as const),
      [`weekly leaderboards, all ${r.boards.teams} teams`, ms(r.boards.coreMs), `bare SQL ${ms(r.boards.bareMs)}, ratio ${round(r.boards.ratio, 2)}; target <= ${orgTargets.boardsRatio}x and < ${orgTargets.boardsTotalMs} ms  ${verdict(j.boards)}`],
      ['  same numbers as bare SQL', r.boards.mismatches.length ? 'NO' : 'yes', r.boards.mismatches.join('; ')],
      ['one manager\'s daily digest p50 / p99', `${round(r.digests.one.p50)} / ${round(r.digests.one.p99)} ms`, `target p99 < ${orgTargets.digestP99Ms} ms  ${verdict(j.digestOne)}`],
      [`daily digests, all ${r.digests.managers} managers`, ms(r.digests.coreMs), `bare SQL ${ms(r.digests.bareMs)}, ratio ${round(r.digests.ratio, 2)}; target <= ${orgTargets.digestsRatio}x  ${verdict(j.digestsAll)}`],
      ['  same numbers as bare SQL', r.digests.mismatches.length ? 'NO' : 'yes', r.digests.mismatches.join('; ')],
      [`chat at ${c.rate}/s: p50 / p99`, `${round(c.all.p50)} / ${round(c.all.p99)} ms`, `${c.sent} of ${c.planned} sent${c.saturated ? ' (SATURATED)' : ''}, ${c.failedRequests} failed; target p99 < ${orgTargets.chatP99Ms} ms  ${verdict(j.chat)}`],
      ['  今天 / 客户 … / 团队 p99', `${round(c.byKind.today.p99)} / ${round(c.byKind.customer.p99)} / ${round(c.byKind.team.p99)} ms`, `max send lag ${round(c.maxSendLagMs)} ms, delivery tail ${Math.round(c.deliveryTailMs)} ms`],
      [`reminder pass, ${r.shape.reps} reps`, ms(r.reminders.firstPassMs), `${r.reminders.written} written at ${r.reminders.at}; the next minute's pass ${ms(r.reminders.nextPassMs)} (${r.reminders.writtenNext} written)`],
      ['housekeeping: prune', ms(r.housekeeping.pruneMs), `deleted ${JSON.stringify(r.housekeeping.pruned)}; kept ${JSON.stringify(r.housekeeping.kept)}`],
      ['  refresh statistics', ms(r.housekeeping.statisticsMs)],
      ['run sound (results agree, no failures)', j.sound ? 'yes' : 'NO'],
    ]),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(`BENCH_JSON ${JSON.stringify({ kind: 'org', at: new Date().toISOString(), ...r, targets: orgTargets, verdict: j })}\n`);
}

// Run as a script only (the test imports runOrgBench from org-run.ts).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').at(-1)!)) {
  const options = parse(process.argv.slice(2));
  runOrgBench({ ...options, log }).then(
    (result) => {
      printOrgReport(result);
      process.exit(judge(result).sound ? 0 : 1);
    },
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
