import { availableParallelism } from 'node:os';
import { orgTargets, type OrgBenchResult } from './org-run.ts';
import { formatTable, round } from './lib/stats.ts';

/** The large-org bench's verdicts and printed table (`npm run bench:org`). */

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
    ...(r.server ? [`server: shared_buffers ${r.server.sharedBuffers}, effective_cache_size ${r.server.effectiveCacheSize}`] : []),
    '',
    formatTable([
      ['seed (SQL, indexes after the load)', ms(r.seed.totalMs), Object.entries(r.rows).map(([t, n]) => `${n} ${t}`).join(', ')],
      ...Object.entries(r.seed.steps).map(([step, t]) => [`  ${step}`, ms(t)] as const),
      [`weekly leaderboards, all ${r.boards.teams} teams`, ms(r.boards.coreMs), `bare SQL ${ms(r.boards.bareMs)}, ratio ${round(r.boards.ratio, 2)}; target <= ${orgTargets.boardsRatio}x and < ${orgTargets.boardsTotalMs} ms  ${verdict(j.boards)}`],
      ['  same numbers as bare SQL', r.boards.mismatches.length ? 'NO' : 'yes', r.boards.mismatches.join('; ')],
      ['one manager\'s daily digest p50 / p99', `${round(r.digests.one.p50)} / ${round(r.digests.one.p99)} ms`, `target p99 < ${orgTargets.digestP99Ms} ms  ${verdict(j.digestOne)}`],
      [`daily digests, all ${r.digests.managers} managers`, ms(r.digests.coreMs), `bare SQL ${ms(r.digests.bareMs)}, ratio ${round(r.digests.ratio, 2)}; target <= ${orgTargets.digestsRatio}x  ${verdict(j.digestsAll)}`],
      ['  same numbers as bare SQL', r.digests.mismatches.length ? 'NO' : 'yes', r.digests.mismatches.join('; ')],
      [`chat at ${c.rate}/s after ${c.warmupSeconds} s warm-up: p50 / p99`, `${round(c.all.p50)} / ${round(c.all.p99)} ms`, `${c.sent} of ${c.planned} sent${c.saturated ? ' (SATURATED)' : ''}, ${c.failedRequests} failed; target p99 < ${orgTargets.chatP99Ms} ms  ${verdict(j.chat)}`],
      ['  今天 / 客户 … / 团队 p99', `${round(c.byKind.today.p99)} / ${round(c.byKind.customer.p99)} / ${round(c.byKind.team.p99)} ms`, `max send lag ${round(c.maxSendLagMs)} ms, delivery tail ${Math.round(c.deliveryTailMs)} ms`],
      [`reminder pass, ${r.shape.reps} reps`, ms(r.reminders.firstPassMs), `${r.reminders.written} written at ${r.reminders.at}; the next minute's pass ${ms(r.reminders.nextPassMs)} (${r.reminders.writtenNext} written)`],
      ['  Monday 09:00 (overdue nudge)', ms(r.reminders.monday.firstPassMs), `${r.reminders.monday.written} written at ${r.reminders.monday.at}; the next minute's pass ${ms(r.reminders.monday.nextPassMs)} (${r.reminders.monday.writtenNext} written)`],
      ['housekeeping: prune', ms(r.housekeeping.pruneMs), `deleted ${JSON.stringify(r.housekeeping.pruned)}; kept ${JSON.stringify(r.housekeeping.kept)}`],
      ['  refresh statistics', ms(r.housekeeping.statisticsMs)],
      ['run sound (results agree, no failures)', j.sound ? 'yes' : 'NO'],
    ]),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(`BENCH_JSON ${JSON.stringify({ kind: 'org', at: new Date().toISOString(), ...r, targets: orgTargets, verdict: j })}\n`);
}
