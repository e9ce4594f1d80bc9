import { parseArgs } from 'node:util';

/** Where the service under test keeps its data. */
export type BenchBackend = 'pglite' | 'postgres';

export interface BenchOptions {
  backend: BenchBackend;
  /** Server to create the throwaway database on (postgres only); its own database is never touched. */
  adminUrl: string;
  /** Check-ins in the throughput phase, and rows in the raw INSERT baseline. */
  checkins: number;
  /** Requests in flight at once during the throughput phase (and the baseline). */
  concurrency: number;
  /** Fixed request rate of the latency phase. */
  rate: number;
  /** Length of the latency phase. */
  seconds: number;
  /** The latency phase stops early once this many seconds' worth of requests are unanswered. */
  maxBacklogSeconds: number;
  reps: number;
  customers: number;
  /** The service's pool size on PostgreSQL (connect.ts defaults to 10); the baseline uses the same. */
  poolSize: number;
  /** Directory for a V8 CPU profile of the service (`node --cpu-prof`), to see what dominates. */
  cpuProfDir?: string;
}

const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

const usage = `npm run bench -- [options]
  --postgres            run against PostgreSQL (also when DATABASE_URL is set); default: embedded PGlite
  --database-url URL    server to create the throwaway bench database on (default: $DATABASE_URL or ${defaultAdminUrl})
  --checkins N          check-ins in the throughput phase and rows in the raw INSERT baseline (default 1000)
  --concurrency N       requests in flight in the throughput phase (default 16)
  --rate N              requests per second in the latency phase (default 200)
  --seconds N           length of the latency phase (default 10)
  --max-backlog N       stop the latency phase early, as saturated, once N seconds' worth of requests
                        are unanswered (default 2)
  --reps N              reps to register (default 50)
  --customers N         customers to create (default 200)
  --cpu-prof DIR        write a V8 CPU profile of the service process into DIR`;

/**
 * Flags for `npm run bench`. The bench is a tool run by hand, not part of the service, so it reads
 * DATABASE_URL itself (the service's "only config.ts reads process.env" rule is about src/).
 */
export function parseBenchArgs(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      postgres: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      checkins: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '16' },
      rate: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '10' },
      'max-backlog': { type: 'string', default: '2' },
      reps: { type: 'string', default: '50' },
      customers: { type: 'string', default: '200' },
      'pool-size': { type: 'string', default: '10' },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const envUrl = env.DATABASE_URL?.trim() || undefined;
  const explicitUrl = values['database-url'];
  const positive = (name: string, raw: string, min = 1): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"\n${usage}`);
    return n;
  };
  const options: BenchOptions = {
    backend: values.postgres || envUrl || explicitUrl ? 'postgres' : 'pglite',
    adminUrl: explicitUrl ?? envUrl ?? defaultAdminUrl,
    checkins: positive('checkins', values.checkins),
    concurrency: positive('concurrency', values.concurrency),
    rate: positive('rate', values.rate),
    seconds: positive('seconds', values.seconds),
    maxBacklogSeconds: positive('max-backlog', values['max-backlog']),
    reps: positive('reps', values.reps, 2),
    // Three or more customers keep a rep's consecutive check-ins at different customers even when the
    // open-loop phase lets two of one rep's requests overtake each other.
    customers: positive('customers', values.customers, 3),
    poolSize: positive('pool-size', values['pool-size']),
    cpuProfDir: values['cpu-prof'],
  };
  return options;
}
