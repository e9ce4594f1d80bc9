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
import { parseArgs } from 'node:util';
import { runOrgBench } from './org-run.ts';
import { judge, printOrgReport } from './org-report.ts';
import { hasPostgresBinaries, OwnPostgres } from './chaos/own-postgres.ts';

const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const usage = `npm run bench:org -- [options]
  --org-size N          reps (default 10000): N/20 teams with a manager each, 10 customers and
                        ~500 check-ins per rep over a year
  --database-url URL    PostgreSQL server to create the throwaway database on
                        (default: $DATABASE_URL or ${defaultAdminUrl})
  --embedded            use the embedded database (PGlite) instead: small sizes only
  --chat-rate N         chat requests per second (default 50)
  --chat-seconds N      length of the chat phase (default 20)
  --chat-warmup N       seconds of chat at the same rate before it, not counted (default 10): the
                        pool's new connections and their cold plans are not what is measured
  --rounds N            alternating core / bare SQL rounds of the comparisons (default 3)
  --pool-size N         connections of the bench and the service's pool (default 10)
  --shared-buffers SIZE run on a PostgreSQL cluster of the bench's own (Debian's PostgreSQL 15
                        binaries, a free port, removed afterwards) with this shared_buffers, e.g.
                        2GB: the README's setting for a 10,000-rep org, whose database (~3.6 GB)
                        does not fit the default 128MB`;

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
      'chat-warmup': { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      'pool-size': { type: 'string', default: '10' },
      'shared-buffers': { type: 'string' },
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
    chatWarmupSeconds: int('chat-warmup', values['chat-warmup'], 0),
    rounds: int('rounds', values.rounds, 1),
    poolSize: int('pool-size', values['pool-size'], 1),
    sharedBuffers: values['shared-buffers'],
  };
}

/** The server to create the throwaway database on: the given one, or a tuned one of our own. */
async function server(options: ReturnType<typeof parse>): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  if (options.sharedBuffers === undefined || options.backend !== 'postgres') return { adminUrl: options.adminUrl, stop: async () => undefined };
  if (!/^\d+(kB|MB|GB)$/.test(options.sharedBuffers)) throw new Error(`--shared-buffers takes a size such as 2GB, got "${options.sharedBuffers}"`);
  if (!hasPostgresBinaries()) throw new Error('--shared-buffers needs PostgreSQL 15 binaries under /usr/lib/postgresql/15/bin');
  // Durable commits as on the shared server (fsync on): the chat phase's latencies include them.
  const cluster = await OwnPostgres.start({ fsync: true, settings: [`shared_buffers=${options.sharedBuffers}`, 'effective_cache_size=8GB'] });
  log(`own PostgreSQL cluster on port ${cluster.port}, shared_buffers ${options.sharedBuffers}`);
  return { adminUrl: cluster.url, stop: () => cluster.destroy() };
}

const options = parse(process.argv.slice(2));
const target = await server(options);
runOrgBench({ ...options, adminUrl: target.adminUrl, log })
  .finally(() => target.stop())
  .then(
  (result) => {
    printOrgReport(result);
    process.exit(judge(result).sound ? 0 : 1);
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
