/**
 * `npm run bench` (last part) / `tsx bench/route.ts [--runs N]`: how long `orderRoute` takes for a
 * day of 25 stops (the most a day may hold, so the heuristic path: nearest neighbour + 2-opt) and for
 * 8 stops (the largest exact search), on random points in a city-sized box. Target (issue 14):
 * 25 stops < 20 ms at p99. Prints a table and one `BENCH_JSON {...}` line; a missed target is
 * reported, not fatal.
 */
import { performance } from 'node:perf_hooks';
import { EXACT_ROUTE_LIMIT, MAX_ROUTE_STOPS, orderRoute, type RouteStop } from '../src/geo/index.ts';

const TARGET_MS = 20;
const runsFlag = process.argv.findIndex((a) => a === '--runs' || a.startsWith('--runs='));
const runs = runsFlag < 0 ? 200 : Number(process.argv[runsFlag]!.split('=')[1] ?? process.argv[runsFlag + 1]);

// A seeded generator so two runs time the same days.
let seed = 14;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}

function day(stops: number): RouteStop[] {
  return Array.from({ length: stops }, (_, i) => ({
    point: { lat: 22.45 + random() * 0.3, lng: 113.8 + random() * 0.5 },
    // Every fourth stop has a time, as a rep's day often does.
    fixedMinute: i % 4 === 0 ? 540 + i * 20 : null,
  }));
}

function measure(stops: number): { p50: number; p99: number; max: number; savedPercent: number } {
  const times: number[] = [];
  let saved = 0;
  for (let r = 0; r < runs; r++) {
    const stopsOfDay = day(stops);
    const t0 = performance.now();
    const route = orderRoute(stopsOfDay, { lat: 22.54, lng: 113.95 });
    times.push(performance.now() - t0);
    saved += route.typedMeters > 0 ? 1 - route.meters / route.typedMeters : 0;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3));
  return { p50: at(0.5), p99: at(0.99), max: at(1), savedPercent: Number(((saved / runs) * 100).toFixed(1)) };
}

// Warm the JIT first: a request handler runs orderRoute many times over the process's life.
for (let i = 0; i < 50; i++) orderRoute(day(MAX_ROUTE_STOPS)), orderRoute(day(EXACT_ROUTE_LIMIT));
const exact = measure(EXACT_ROUTE_LIMIT);
const heuristic = measure(MAX_ROUTE_STOPS);
const met = heuristic.p99 < TARGET_MS;
process.stdout.write(
  `\nRoute order (${runs} random days each)\n` +
    `  stops  p50 ms  p99 ms  max ms  shorter than typed\n` +
    `  ${String(EXACT_ROUTE_LIMIT).padStart(5)}  ${String(exact.p50).padStart(6)}  ${String(exact.p99).padStart(6)}  ${String(exact.max).padStart(6)}  ${exact.savedPercent}%\n` +
    `  ${String(MAX_ROUTE_STOPS).padStart(5)}  ${String(heuristic.p50).padStart(6)}  ${String(heuristic.p99).padStart(6)}  ${String(heuristic.max).padStart(6)}  ${heuristic.savedPercent}%\n` +
    `  target: ${MAX_ROUTE_STOPS} stops < ${TARGET_MS} ms at p99: ${met ? 'met' : 'MISSED'}\n`,
);
process.stdout.write(`BENCH_JSON ${JSON.stringify({ bench: 'route', runs, exact, heuristic, targetMs: TARGET_MS, met })}\n`);
