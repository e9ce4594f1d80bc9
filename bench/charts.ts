/**
 * `npm run bench` (charts part) / `tsx bench/charts.ts [--runs N]`: how long drawing a 30-person
 * leaderboard takes once the renderer is warm (ECharts SSR → SVG → resvg PNG, with the font subset),
 * and how much memory the renderer adds to the process (RSS after loading and warming it, minus RSS
 * before). Targets (issue 18): < 150 ms a chart, < 60 MB. Prints a table and one `BENCH_JSON {...}`
 * line; a missed target is reported, not fatal (the machine may be shared).
 */
import { performance } from 'node:perf_hooks';

const TARGET_MS = 150;
const TARGET_MB = 60;
const runsFlag = process.argv.findIndex((a) => a === '--runs' || a.startsWith('--runs='));
const runs = runsFlag < 0 ? 30 : Number(process.argv[runsFlag]!.split('=')[1] ?? process.argv[runsFlag + 1]);

const mb = (bytes: number) => bytes / 1024 / 1024;
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;

const { renderLeaderboardChart } = await import('../src/charts/leaderboard-chart.ts');
type Board = Parameters<typeof renderLeaderboardChart>[0];

const names = ['张伟', '李娜', '王芳', 'Anna Lee', '刘洋', '欧阳娜娜', 'Bob Smith', '陈静', '赵强', 'Mia'];
function board(size: number, salt: number): Board {
  const entries = Array.from({ length: size }, (_, i) => ({
    userId: `rep-${i}`,
    name: i % 9 === 4 ? null : `${names[i % names.length]}${i >= names.length ? i : ''}`,
    visits: 5, verified: 4, outside: 0, verifiedWithNextStep: 1, reportsOnTime: 3,
    points: 200 - i * 5 + salt,
    rank: i + 1,
    tied: false,
    movement: 0,
  }));
  return { teamId: 'bench', teamName: '华东一组', period: { period: 'week', start: '2026-11-23', end: '2026-11-30' }, asOf: '2026-11-27', entries, total: { points: 0, verified: 0, visits: 0, reps: size } };
}

// Warm-up: the first renders load the 10 MB font, JIT ECharts and resvg.
for (let i = 0; i < 5; i++) renderLeaderboardChart(board(30, i), 'zh-CN');
const times: number[] = [];
let bytes = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const { png } = renderLeaderboardChart(board(30, r), r % 2 ? 'en-US' : 'zh-CN');
  times.push(performance.now() - t0);
  bytes += png.length;
}
globalThis.gc?.();
const addedMb = mb(process.memoryUsage().rss - rssBefore);
times.sort((a, b) => a - b);
const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
const result = { runs, p50Ms: +pick(0.5).toFixed(1), p95Ms: +pick(0.95).toFixed(1), maxMs: +times.at(-1)!.toFixed(1), pngKb: +(bytes / runs / 1024).toFixed(1), rendererMb: +addedMb.toFixed(1) };
const ok = (value: number, target: number) => (value < target ? 'ok' : 'MISSED');
process.stdout.write(
  [
    'Charts: a 30-person leaderboard (1000 px PNG), after 5 warm-up renders',
    `  render p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms  (target p50 < ${TARGET_MS} ms: ${ok(result.p50Ms, TARGET_MS)})`,
    `  PNG ${result.pngKb} KB on average`,
    `  renderer adds ${result.rendererMb} MB RSS  (target < ${TARGET_MB} MB: ${ok(result.rendererMb, TARGET_MB)})`,
    `BENCH_JSON ${JSON.stringify({ bench: 'charts', ...result, targetMs: TARGET_MS, targetMb: TARGET_MB })}`,
    '',
  ].join('\n'),
);
