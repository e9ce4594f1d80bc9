import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PoolStats } from '../db/connect.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { Logger } from '../logger.ts';
import type { MetricsRecorder } from './metrics-recorder.ts';

export interface PrometheusMetricsDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  poolStats?: () => PoolStats;
  /** Longest the outbox query may take on a scrape; past it the outbox gauges read NaN. */
  outboxQueryTimeoutMs?: number;
}

export interface PrometheusMetrics {
  recorder: MetricsRecorder;
  registry: Registry;
  /** The text exposition (outbox gauges read from the database first). */
  render(): Promise<string>;
  contentType: string;
}

/**
 * The service's metrics on a registry of its own (never prom-client's global one), so several apps
 * in one process (tests) each count their own.
 */
export function createPrometheusMetrics(deps: PrometheusMetricsDeps): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const inbound = new Counter({
    name: 'legwork_inbound_events_total',
    help: 'Inbound events by platform and result (handled, duplicate, refused, error)',
    labelNames: ['platform', 'result'],
    registers,
  });
  const turnSeconds = new Histogram({
    name: 'legwork_turn_duration_seconds',
    help: 'Time to handle one inbound event (dedupe, turn and outbox rows in one transaction)',
    labelNames: ['platform'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const deliveries = new Counter({
    name: 'legwork_deliveries_total',
    help: 'Outbox delivery attempts by platform and outcome (sent, retried, 429, failed)',
    labelNames: ['platform', 'outcome'],
    registers,
  });
  const schedulerSeconds = new Histogram({
    name: 'legwork_scheduler_job_duration_seconds',
    help: 'Duration of scheduler jobs (the minute passes reminders-tick, leaderboards-tick, digests-tick and the sends they spawn)',
    labelNames: ['job', 'result'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const outboxPending = new Gauge({ name: 'legwork_outbox_pending_messages', help: 'Messages waiting in the outbox (read on scrape)', registers });
  const outboxOldest = new Gauge({
    name: 'legwork_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest message still waiting in the outbox (0 when none; read on scrape)',
    registers,
  });
  const outboxReadable = new Gauge({
    name: 'legwork_outbox_query_success',
    help: '1 when the outbox gauges were read on this scrape, 0 when the database did not answer in time',
    registers,
  });
  if (deps.poolStats) {
    const stats = deps.poolStats;
    new Gauge({
      name: 'legwork_db_pool_clients',
      help: 'Database pool clients by state (total open, idle)',
      labelNames: ['state'],
      registers,
      collect() {
        const s = stats();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
      },
    });
    new Gauge({
      name: 'legwork_db_pool_waiting_requests',
      help: 'Queries waiting for a pool client (on the embedded database: queued behind its single connection)',
      registers,
      collect() {
        this.set(stats().waiting);
      },
    });
    new Gauge({
      name: 'legwork_db_pool_max_clients',
      help: 'Most clients the pool opens',
      registers,
      collect() {
        this.set(stats().max);
      },
    });
  }

  const timeoutMs = deps.outboxQueryTimeoutMs ?? 1000;

  /** Counts pending rows through the pending-only index; the statement timeout bounds the server side too. */
  async function readOutbox(): Promise<{ pending: number; oldest: Date | null }> {
    const query = deps.db.transaction().execute(async (trx) => {
      await sql`set local statement_timeout = ${sql.lit(timeoutMs)}`.execute(trx);
      return trx
        .selectFrom('outbox')
        .select((eb) => [eb.fn.countAll<string>().as('pending'), eb.fn.min('created_at').as('oldest')])
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`outbox query took over ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const row = await Promise.race([query, timeout]);
      return { pending: Number(row.pending), oldest: row.oldest ? new Date(row.oldest as Date | string) : null };
    } finally {
      clearTimeout(timer);
      // A query that lost the race still settles later; its failure is already reported as a timeout.
      query.catch(() => undefined);
    }
  }

  async function refreshOutbox(): Promise<void> {
    try {
      const { pending, oldest } = await readOutbox();
      outboxPending.set(pending);
      outboxOldest.set(oldest ? Math.max(0, (deps.clock.now().getTime() - oldest.getTime()) / 1000) : 0);
      outboxReadable.set(1);
    } catch (error) {
      // Stale figures would hide the outage the alert is for: unknown (NaN) until the database answers.
      outboxPending.set(Number.NaN);
      outboxOldest.set(Number.NaN);
      outboxReadable.set(0);
      deps.logger.warn({ err: error }, 'metrics: outbox not readable');
    }
  }

  const recorder: MetricsRecorder = {
    inbound(platform, result, seconds) {
      inbound.inc({ platform, result });
      if (result !== 'error') turnSeconds.observe({ platform }, seconds);
    },
    delivery(platform, outcome, count = 1) {
      if (count > 0) deliveries.inc({ platform, outcome }, count);
    },
    schedulerJob(job, seconds, ok) {
      schedulerSeconds.observe({ job, result: ok ? 'ok' : 'error' }, seconds);
    },
  };

  return {
    recorder,
    registry,
    contentType: registry.contentType,
    async render() {
      await refreshOutbox();
      return registry.metrics();
    },
  };
}
