import { availableParallelism, cpus } from 'node:os';
import type { BenchOptions } from './args.ts';
import type { ProcessSample } from './child-service.ts';
import type { RawInsertResult } from './raw-insert.ts';
import type { ServiceClient } from './service-client.ts';
import type { RunCheck } from './verify.ts';
import { formatTable, round, type LatencySummary } from './stats.ts';
import type { FixedRateResult, ThroughputResult } from '../checkins.ts';

/**
 * The targets (issue 2 as retargeted in issue 12): the service's check-ins per second ≥ 0.5× a
 * check-in's own rows written by hand (raw-turn.ts; a raw single-row INSERT stays as context: a
 * check-in is at least 8 round trips by design), p99 < 100 ms at 200 requests/s on PostgreSQL, and
 * peak RSS per back end.
 */
export const targets = { ratio: 0.5, fixedRate: { rate: 200, p99Ms: 100, backend: 'postgres' }, peakRssMb: { pglite: 350, postgres: 150 } } as const;

export interface ReportInput {
  options: BenchOptions;
  databaseLabel: string;
  /** The baseline before the service started and after its last phase. */
  raw: [RawInsertResult, RawInsertResult];
  /** Context: every row of a check-in written by hand (raw-turn.ts), after the service stopped. */
  rawTurns: RawInsertResult;
  throughput: ThroughputResult;
  fixedRate: FixedRateResult;
  drainMs: number;
  fixedDrainMs: number;
  seedMs: number;
  startupMs: number;
  /** The first process on an empty database: creating it (PGlite's initdb, migrations) is its own peak. */
  firstStart: { startupMs: number; peakRssMb: number };
  /** 1-minute load average before and after the run. */
  loadAverage: { atStart: number; atEnd: number };
  /** The whole run, database creation to verification. */
  runMs: number;
  samples: Record<'afterStart' | 'afterSeed' | 'afterThroughput' | 'atEnd', ProcessSample>;
  serviceCpuSeconds: number;
  benchCpuSeconds: number;
  /** The run's PostgreSQL backends, when the server is local. */
  serverCpuSeconds?: number;
  client: ServiceClient;
  check: RunCheck;
  serviceExit: { code: number | null; signal: string | null };
}

const latencyJson = (l: LatencySummary) => ({
  count: l.count,
  p50Ms: round(l.p50),
  p90Ms: round(l.p90),
  p99Ms: round(l.p99),
  maxMs: round(l.max),
  meanMs: round(l.mean),
});

/** Everything a run measured, as the plain object that becomes the BENCH_JSON line. */
export function buildReport(input: ReportInput) {
  const { options, raw, throughput, fixedRate, samples } = input;
  const rawPerSecond = (raw[0].perSecond + raw[1].perSecond) / 2;
  const ratio = throughput.perSecond / input.rawTurns.perSecond;
  // The latency target holds at its own rate on PostgreSQL; other runs report p99 without a verdict.
  const latencyTargeted = options.backend === targets.fixedRate.backend && fixedRate.rate === targets.fixedRate.rate;
  const memoryTarget = targets.peakRssMb[options.backend];
  const peakRssMb = samples.atEnd.peakRssMb;
  const throughputSeconds = throughput.elapsedMs / 1000;
  return {
    version: 1,
    at: new Date().toISOString(),
    backend: options.backend,
    database: input.databaseLabel,
    machine: {
      node: process.version,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? 'unknown',
      loadAverage: { atStart: round(input.loadAverage.atStart, 2), atEnd: round(input.loadAverage.atEnd, 2) },
    },
    options: {
      checkins: options.checkins,
      concurrency: options.concurrency,
      rate: options.rate,
      seconds: options.seconds,
      maxBacklogSeconds: options.maxBacklogSeconds,
      reps: options.reps,
      customers: options.customers,
      poolSize: options.backend === 'postgres' ? options.poolSize : 1,
    },
    runMs: round(input.runMs, 0),
    startupMs: round(input.startupMs, 0),
    firstStart: {
      startupMs: round(input.firstStart.startupMs, 0),
      peakRssMb: round(input.firstStart.peakRssMb),
      pass: input.firstStart.peakRssMb < memoryTarget,
    },
    seed: { messages: options.reps + options.customers, ms: round(input.seedMs, 0) },
    throughput: {
      checkins: throughput.checkins,
      failed: throughput.failed,
      elapsedMs: round(throughput.elapsedMs, 0),
      perSecond: round(throughput.perSecond),
      latency: latencyJson(throughput.latency),
      // Replies still in the outbox when the last 202 came back, and how long they took to go out.
      deliveryTailMs: round(input.drainMs, 0),
      serviceCpuPercent: round((input.serviceCpuSeconds / throughputSeconds) * 100, 0),
      benchCpuPercent: round((input.benchCpuSeconds / throughputSeconds) * 100, 0),
      postgresCpuPercent: input.serverCpuSeconds === undefined ? null : round((input.serverCpuSeconds / throughputSeconds) * 100, 0),
    },
    rawTurns: { rows: input.rawTurns.rows, perSecond: round(input.rawTurns.perSecond) },
    rawInsert: {
      rows: raw[0].rows,
      perSecond: round(rawPerSecond),
      before: { elapsedMs: round(raw[0].elapsedMs, 0), perSecond: round(raw[0].perSecond) },
      after: { elapsedMs: round(raw[1].elapsedMs, 0), perSecond: round(raw[1].perSecond) },
    },
    // Context, no target: the service against raw single-row INSERTs.
    rawInsertRatio: round(throughput.perSecond / rawPerSecond, 3),
    ratio: { value: round(ratio, 3), target: targets.ratio, pass: ratio >= targets.ratio },
    fixedRate: {
      rate: fixedRate.rate,
      seconds: options.seconds,
      planned: fixedRate.planned,
      sent: fixedRate.sent,
      saturated: fixedRate.saturated,
      failed: fixedRate.failed,
      latency: latencyJson(fixedRate.latency),
      // Answers per second over the phase (sent ÷ time to the last answer): below the rate when saturated.
      achievedPerSecond: round((fixedRate.sent / fixedRate.elapsedMs) * 1000),
      maxSendLagMs: round(fixedRate.maxSendLagMs),
      deliveryTailMs: round(input.fixedDrainMs, 0),
      // null when this run is not the targeted one (another rate, or the embedded database).
      p99Target: latencyTargeted ? { p99Ms: targets.fixedRate.p99Ms, pass: fixedRate.latency.p99 < targets.fixedRate.p99Ms && !fixedRate.saturated } : null,
    },
    memory: {
      peakRssMb: round(peakRssMb),
      target: memoryTarget,
      pass: peakRssMb < memoryTarget,
      rssMb: {
        afterStart: round(samples.afterStart.rssMb),
        afterSeed: round(samples.afterSeed.rssMb),
        afterThroughput: round(samples.afterThroughput.rssMb),
        atEnd: round(samples.atEnd.rssMb),
      },
      peakAfterStartMb: round(samples.afterStart.peakRssMb),
    },
    errors: {
      failedRequests: input.client.failures.count,
      byStatus: Object.fromEntries(input.client.failures.byStatus),
      samples: input.client.failures.samples,
      duplicates: input.client.duplicates,
      retriedAfterNetworkError: input.client.retried,
      retrySamples: input.client.retrySamples,
    },
    verify: input.check,
    serviceExit: input.serviceExit,
  };
}

export type BenchReport = ReturnType<typeof buildReport>;

/** More runnable work than cores at either end of the run. */
const busy = (r: BenchReport) => Math.max(r.machine.loadAverage.atStart, r.machine.loadAverage.atEnd) > r.machine.cores;

const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export function printReport(r: BenchReport): void {
  const t = r.throughput;
  const f = r.fixedRate;
  const lines = [
    `Legwork bench: ${r.backend} (${r.database}), node ${r.machine.node}, ${r.machine.cores} cores, run ${Math.round(r.runMs / 1000)} s`,
    ...(busy(r)
      ? [`WARNING: load average ${r.machine.loadAverage.atStart} -> ${r.machine.loadAverage.atEnd} on ${r.machine.cores} cores: other work shared the CPU, figures are low`]
      : []),
    '',
    formatTable([
      ['first start on an empty database', `${r.firstStart.startupMs} ms`, 'creates it and migrates'],
      ['  its peak RSS (VmHWM)', `${r.firstStart.peakRssMb} MB`, `target < ${r.memory.target} MB  ${pass(r.firstStart.pass)}`],
      ['restart on it (the measured process)', `${r.startupMs} ms`],
      ['seed (reps + customers through the chat)', `${r.seed.ms} ms`, `${r.seed.messages} messages`],
      ['check-ins through HTTP', `${t.perSecond} /s`, `${t.checkins} in ${t.elapsedMs} ms, concurrency ${r.options.concurrency}`],
      ['  their latency p50 / p99', `${t.latency.p50Ms} / ${t.latency.p99Ms} ms`],
      t.postgresCpuPercent === null
        ? ['  service CPU / bench CPU', `${t.serviceCpuPercent}% / ${t.benchCpuPercent}%`, 'of one core, during the phase']
        : ['  service / postgres / bench CPU', `${t.serviceCpuPercent}% / ${t.postgresCpuPercent}% / ${t.benchCpuPercent}%`, 'of one core, during the phase'],
      ['  outbox delivery tail', `${t.deliveryTailMs} ms`, 'after the last 202'],
      [
        'raw single-row INSERT',
        `${r.rawInsert.perSecond} /s`,
        `${r.rawInsert.rows} rows, pool ${r.options.poolSize}; before ${r.rawInsert.before.perSecond}, after ${r.rawInsert.after.perSecond}`,
      ],
      ['  (context) service / raw INSERT', `${r.rawInsertRatio}`, 'no target: a check-in is at least 8 round trips'],
      ['a check-in\'s rows written by hand', `${r.rawTurns.perSecond} /s`, 'one transaction + delivery\'s 2 writes each'],
      ['ratio service / rows by hand', `${r.ratio.value}`, `target >= ${r.ratio.target}  ${pass(r.ratio.pass)}`],
      [`latency at ${f.rate}/s for ${f.seconds} s: p50`, `${f.latency.p50Ms} ms`, 'open loop, time to the 202'],
      [
        '  p90 / p99 / max',
        `${f.latency.p90Ms} / ${f.latency.p99Ms} / ${f.latency.maxMs} ms`,
        f.p99Target
          ? `target p99 < ${f.p99Target.p99Ms} ms  ${pass(f.p99Target.pass)}`
          : `(target p99 < ${targets.fixedRate.p99Ms} ms is at ${targets.fixedRate.rate}/s on PostgreSQL)`,
      ],
      ['  answered rate / max send lag', `${f.achievedPerSecond} /s / ${f.maxSendLagMs} ms`],
      ...(f.saturated
        ? [['  SATURATED', `${f.sent} of ${f.planned} sent`, `stopped once ${r.options.maxBacklogSeconds} s of requests were unanswered`] as const]
        : []),
      ['  outbox delivery tail', `${f.deliveryTailMs} ms`],
      ['service peak RSS (VmHWM), restarted', `${r.memory.peakRssMb} MB`, `target < ${r.memory.target} MB  ${pass(r.memory.pass)}`],
      [
        '  RSS start / seeded / after load / end',
        `${r.memory.rssMb.afterStart} / ${r.memory.rssMb.afterSeed} / ${r.memory.rssMb.afterThroughput} / ${r.memory.rssMb.atEnd} MB`,
        `peak at start ${r.memory.peakAfterStartMb} MB`,
      ],
      [
        'failed requests',
        `${r.errors.failedRequests}`,
        [r.errors.failedRequests ? JSON.stringify(r.errors.byStatus) : '', r.errors.retriedAfterNetworkError ? `${r.errors.retriedAfterNetworkError} retried after a network error` : '']
          .filter(Boolean)
          .join('; '),
      ],
      ['database check', r.verify.ok ? 'OK' : 'FAILED', r.verify.ok ? `${r.verify.checkInsIn} check-ins, outbox empty` : r.verify.problems.join('; ')],
    ]),
  ];
  for (const sample of [...r.errors.samples, ...r.errors.retrySamples]) lines.push(`  e.g. ${sample}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(`BENCH_JSON ${JSON.stringify(r)}\n`);
}
