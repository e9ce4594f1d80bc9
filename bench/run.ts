/**
 * `npm run bench`: the service's throughput, latency and memory, measured on the real process.
 *
 * 1. Context: raw single-row INSERTs of check-in-shaped rows over the same kind of pool (again at
 *    the end; the context ratio uses the mean of both).
 * 2. The service starts as a child process (`node dist/main.js`, built as `npm start` builds it) on a throwaway database,
 *    once to create it (first-start time and peak memory), then again on it, as every later
 *    `npm start` does; that second process is the one measured below.
 * 3. Seed an org through the chat, then check-ins as fast as a bounded concurrency allows
 *    (target: ≥ 0.5× a check-in's own rows written by hand in one transaction each, measured after
 *    the service stopped; ÷ raw INSERTs/s is printed as context).
 * 4. Check-ins at a fixed rate (open loop): p50/p99 time to the HTTP answer (target p99 < 100 ms
 *    at 200/s on PostgreSQL).
 * 5. The child's peak RSS (VmHWM): target < 350 MB embedded, < 150 MB on PostgreSQL.
 * 6. The database is checked for exactly the rows the run should have left, then removed.
 *
 * Prints a table, then one `BENCH_JSON {...}` line to compare runs. Missed targets and failed
 * requests are reported, not fatal: the exit code is non-zero only when the run itself broke (the
 * service did not start, rows were lost or doubled).
 */
import { loadavg } from 'node:os';
import { parseBenchArgs } from './lib/args.ts';
import { startService, type ChildService } from './lib/child-service.ts';
import { prepareTarget, type BenchTarget } from './lib/target-database.ts';
import { measureRawInserts } from './lib/raw-insert.ts';
import { measureRawTurns } from './lib/raw-turn.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';
import { ServiceClient } from './lib/service-client.ts';
import { verifyRun, type RunCheck } from './lib/verify.ts';
import { buildReport, printReport } from './lib/report.ts';
import { CheckInPlan, measureFixedRate, measureThroughput, seedOrg } from './checkins.ts';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2), process.env);
  // Other work on the machine skews every figure; it is recorded so such runs can be told apart.
  const loadAtStart = loadavg()[0]!;
  const runStarted = performance.now();
  const target = await prepareTarget(options);
  let child: ChildService | undefined;
  let baselineDb: DatabaseHandle | undefined;
  try {
    log(`database: ${target.label}`);
    // The baseline runs before the service starts and again after its last phase, and the ratio uses
    // the mean: other work on a shared machine drifts over a run and would otherwise favour one side.
    // On PGlite it is a second embedded database in this process, idle while the service is measured.
    log(`raw INSERT baseline: ${options.checkins} rows, concurrency ${options.concurrency}`);
    baselineDb = await target.openBaseline();
    const rawBefore = await measureRawInserts(baselineDb, { rows: options.checkins, concurrency: options.concurrency });

    const serviceEnv = { ...target.serviceEnv, LOG_LEVEL: 'warn' };
    log('first start on an empty database');
    child = await startService({ env: serviceEnv });
    const firstStart = { startupMs: child.startupMs, ...(await child.sample()) };
    await child.stop();
    child = undefined;

    log('starting the service again on it');
    child = await startService({ env: serviceEnv, cpuProfDir: options.cpuProfDir });
    const startupMs = child.startupMs;
    const afterStart = await child.sample();
    log(`service pid ${child.pid} ready at ${child.baseUrl} in ${Math.round(startupMs)} ms`);
    const client = new ServiceClient(child.baseUrl);

    log(`seeding ${options.reps} reps and ${options.customers} customers`);
    const seedStarted = performance.now();
    const org = await seedOrg(client, options);
    await client.waitForDelivery();
    const seedMs = performance.now() - seedStarted;
    const afterSeed = await child.sample();
    const plan = new CheckInPlan(org);

    log(`throughput: ${options.checkins} check-ins, concurrency ${options.concurrency}`);
    const benchCpuStart = process.cpuUsage();
    const serverCpuStart = await target.serverCpuSeconds();
    const throughput = await measureThroughput(client, plan, options);
    const benchCpu = process.cpuUsage(benchCpuStart);
    const serverCpuEnd = await target.serverCpuSeconds();
    const afterThroughput = await child.sample();
    const drainMs = await client.waitForDelivery();

    log(`latency: ${options.rate}/s for ${options.seconds} s (open loop)`);
    const fixedRate = await measureFixedRate(client, plan, options);
    const fixedDrainMs = await client.waitForDelivery();
    const atEnd = await child.sample();

    log('raw INSERT baseline again');
    const rawAfter = await measureRawInserts(baselineDb, { rows: options.checkins, concurrency: options.concurrency });
    log('context: the same rows a check-in writes, in one hand-written transaction each');
    const rawTurns = await measureRawTurns(baselineDb, { rows: options.checkins, concurrency: options.concurrency });
    await baselineDb.close();
    baselineDb = undefined;

    const stopped = await child.stop();
    const serviceOutput = child.output();
    child = undefined;
    if (stopped.code !== 0) log(`service exited with code ${stopped.code}, signal ${stopped.signal}`);

    const check = await verify(target, {
      checkIns: throughput.checkins + (fixedRate.sent - fixedRate.failed),
      messages: client.accepted,
      repsWithCheckIns: plan.checkedIn.size,
    });

    const report = buildReport({
      options,
      databaseLabel: target.label,
      raw: [rawBefore, rawAfter],
      rawTurns,
      throughput,
      fixedRate,
      drainMs,
      fixedDrainMs,
      seedMs,
      startupMs,
      firstStart,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! },
      runMs: performance.now() - runStarted,
      samples: { afterStart, afterSeed, afterThroughput, atEnd },
      serviceCpuSeconds: afterThroughput.cpuSeconds - afterSeed.cpuSeconds,
      benchCpuSeconds: (benchCpu.user + benchCpu.system) / 1e6,
      serverCpuSeconds: serverCpuStart !== undefined && serverCpuEnd !== undefined ? serverCpuEnd - serverCpuStart : undefined,
      client,
      check,
      serviceExit: stopped,
    });
    printReport(report);
    // The service logs at warn: whatever it said explains failed requests (and is otherwise empty).
    if (client.failures.count > 0 && serviceOutput.trim()) {
      process.stderr.write(`--- service output (last lines) ---\n${serviceOutput.trim().split('\n').slice(-20).join('\n')}\n`);
    }
    // Failed requests are printed with the service's own log lines but do not fail the run: under
    // overload they are findings about the service. Lost or doubled rows mean the figures are void.
    const broken = !check.ok || client.duplicates > 0;
    return broken ? 1 : 0;
  } catch (error) {
    if (child) process.stderr.write(`--- service output (last lines) ---\n${child.output().trim().split('\n').slice(-20).join('\n')}\n`);
    throw error;
  } finally {
    if (child) await child.stop().catch(() => undefined);
    if (baselineDb) await baselineDb.close().catch(() => undefined);
    await target.cleanup().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
  }
}

async function verify(target: BenchTarget, expected: Parameters<typeof verifyRun>[1]): Promise<RunCheck> {
  const handle = await target.openService();
  try {
    return await verifyRun(handle, expected);
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
