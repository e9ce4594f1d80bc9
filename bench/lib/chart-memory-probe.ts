/**
 * One side of the charts bench's memory measurement, run in a fresh process by bench/charts.ts:
 * `baseline` loads what any process that posts leaderboards loads (the text board), `renderer` loads
 * the same and then the chart renderer, warms it up and draws `--renders` 30-person boards, each
 * followed by a turn of the event loop as in a job (the chart's database write). Prints one JSON line
 * of memory figures after full garbage collections (run with --expose-gc).
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { benchBoard } from './chart-fixture.ts';

const mode = process.argv[2] === 'renderer' ? 'renderer' : 'baseline';
const renders = Number(process.argv.find((a) => a.startsWith('--renders='))?.split('=')[1] ?? 30);

/**
 * Collects until native objects freed by finalizers (resvg's pixmaps) are gone too: napi finalizers
 * run in tasks after the collection, which a busy machine runs late, so collect and wait (50 ms)
 * until resident memory stops falling (at most 10 rounds) instead of a fixed three turns, which
 * sometimes measured pixmaps still waiting for their finalizer.
 */
async function settle(): Promise<{ rss: number; heapUsed: number; external: number }> {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i++) {
    globalThis.gc?.();
    await nextTurn();
    await sleep(50);
    const rss = process.memoryUsage.rss();
    if (i >= 2 && rss >= last) break;
    last = Math.min(last, rss);
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

const { leaderboardMessages } = await import('../../src/core/leaderboards/render-leaderboard.ts');
leaderboardMessages('zh-CN');
const loaded = await settle();
let peakRss = loaded.rss;
let rendererLoaded = loaded;
if (mode === 'renderer') {
  const { renderLeaderboardChart } = await import('../../src/charts/leaderboard-chart.ts');
  rendererLoaded = await settle();
  for (let r = 0; r < 5 + renders; r++) {
    renderLeaderboardChart(benchBoard(30, r), r % 2 ? 'en-US' : 'zh-CN');
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await nextTurn();
  }
}
const after = await settle();
process.stdout.write(`${JSON.stringify({ mode, ...after, loadedRss: rendererLoaded.rss, peakRss: Math.max(peakRss, after.rss) })}\n`);
