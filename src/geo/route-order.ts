import type { LatLng } from './coordinate-systems.ts';
import { haversineMeters } from './distance.ts';

/** One stop of a day's route, in the order the person typed it. */
export interface RouteStop {
  readonly point: LatLng;
  /** Minutes after local midnight when the stop has a fixed time; such stops keep their time order. */
  readonly fixedMinute?: number | null;
}

export interface RouteOrder {
  /** Indices into the input stops, in visiting order. */
  readonly order: readonly number[];
  /** Length of `order` in metres, from `start` when one was given. */
  readonly meters: number;
  /** Length of the order as typed (fixed-time stops put in their time order), from `start` too. */
  readonly typedMeters: number;
}

/** Above this many stops the exact search gives way to nearest neighbour + 2-opt. */
export const EXACT_ROUTE_LIMIT = 8;
/** The most stops one day may hold; the heuristic stays well under 20 ms at this size. */
export const MAX_ROUTE_STOPS = 25;

/**
 * The shortest open route through `stops` (haversine, WGS-84), starting at `start` when given,
 * otherwise wherever is shortest. Exact up to {@link EXACT_ROUTE_LIMIT} stops (Held–Karp over
 * subsets), nearest neighbour then 2-opt above. Stops with a fixed time are visited in time order
 * (ties by typed order); the others go wherever they fit. Never longer than the typed order: when
 * the search finds nothing shorter the typed order is returned. Pure: no clock, no database.
 */
export function orderRoute(stops: readonly RouteStop[], start?: LatLng | null): RouteOrder {
  if (stops.length > MAX_ROUTE_STOPS) throw new RangeError(`at most ${MAX_ROUTE_STOPS} stops`);
  const n = stops.length;
  const dist = distanceMatrix(stops, start ?? null);
  const rank = fixedRanks(stops);
  const typed = typedOrder(stops, rank);
  const typedMeters = routeLength(dist, typed, n);
  if (n <= 1) return { order: typed, meters: typedMeters, typedMeters };
  const found = n <= EXACT_ROUTE_LIMIT ? exactOrder(dist, rank, n) : improvedOrder(dist, rank, n);
  const meters = routeLength(dist, found, n);
  // Ties keep the typed order: nobody should see their list shuffled for nothing.
  return meters < typedMeters - 1e-6
    ? { order: found, meters, typedMeters }
    : { order: typed, meters: typedMeters, typedMeters };
}

/** Length of a visiting order over the same matrix `orderRoute` uses (start row = index n). */
function routeLength(dist: Float64Array[], order: readonly number[], n: number): number {
  let total = 0;
  let previous = n;
  for (const i of order) {
    total += dist[previous]![i]!;
    previous = i;
  }
  return total;
}

/** Row n is the start point; with no start it is all zeros, so the route may begin anywhere. */
function distanceMatrix(stops: readonly RouteStop[], start: LatLng | null): Float64Array[] {
  const n = stops.length;
  const rows: Float64Array[] = [];
  for (let i = 0; i <= n; i++) rows.push(new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = haversineMeters(stops[i]!.point, stops[j]!.point);
      rows[i]![j] = d;
      rows[j]![i] = d;
    }
    rows[n]![i] = start ? haversineMeters(start, stops[i]!.point) : 0;
  }
  return rows;
}

/** Position of each fixed-time stop in time order (ties by typed order); -1 for free stops. */
function fixedRanks(stops: readonly RouteStop[]): number[] {
  const fixed = stops
    .map((s, i) => ({ i, minute: s.fixedMinute }))
    .filter((s): s is { i: number; minute: number } => typeof s.minute === 'number')
    .sort((a, b) => a.minute - b.minute || a.i - b.i);
  const rank = stops.map(() => -1);
  fixed.forEach((s, r) => (rank[s.i] = r));
  return rank;
}

/** The typed order with the fixed-time stops' slots refilled in time order. */
function typedOrder(stops: readonly RouteStop[], rank: readonly number[]): number[] {
  const fixedByRank = rank.map((r, i) => ({ r, i })).filter((s) => s.r >= 0).sort((a, b) => a.r - b.r);
  let next = 0;
  return stops.map((_, i) => (rank[i]! >= 0 ? fixedByRank[next++]!.i : i));
}

/** Held–Karp over subsets: best[mask][last]; a fixed stop may join only after every earlier one. */
function exactOrder(dist: Float64Array[], rank: readonly number[], n: number): number[] {
  const full = (1 << n) - 1;
  const needs = rank.map((r) => rank.reduce((m, other, j) => (other >= 0 && other < r ? m | (1 << j) : m), 0));
  const best = Array.from({ length: 1 << n }, () => new Float64Array(n).fill(Infinity));
  const from = Array.from({ length: 1 << n }, () => new Int8Array(n).fill(-1));
  for (let i = 0; i < n; i++) if (needs[i] === 0) best[1 << i]![i] = dist[n]![i]!;
  for (let mask = 1; mask <= full; mask++) {
    for (let last = 0; last < n; last++) {
      const here = best[mask]![last]!;
      if (here === Infinity) continue;
      for (let next = 0; next < n; next++) {
        const bit = 1 << next;
        if (mask & bit || (needs[next]! & mask) !== needs[next]) continue;
        const cost = here + dist[last]![next]!;
        if (cost < best[mask | bit]![next]!) {
          best[mask | bit]![next] = cost;
          from[mask | bit]![next] = last;
        }
      }
    }
  }
  let last = 0;
  for (let i = 1; i < n; i++) if (best[full]![i]! < best[full]![last]!) last = i;
  const order: number[] = [];
  for (let mask = full; last >= 0; ) {
    order.push(last);
    const previous = from[mask]![last]!;
    mask &= ~(1 << last);
    last = previous;
  }
  return order.reverse();
}

/** Nearest neighbour (only feasible stops are candidates), then 2-opt reversals that stay feasible. */
function improvedOrder(dist: Float64Array[], rank: readonly number[], n: number): number[] {
  const order: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  let nextRank = 0;
  let previous = n;
  while (order.length < n) {
    let pick = -1;
    for (let i = 0; i < n; i++) {
      if (used[i] || (rank[i]! >= 0 && rank[i] !== nextRank)) continue;
      if (pick < 0 || dist[previous]![i]! < dist[previous]![pick]!) pick = i;
    }
    used[pick] = true;
    if (rank[pick]! >= 0) nextRank++;
    order.push(pick);
    previous = pick;
  }
  return twoOpt(dist, rank, order, n);
}

function twoOpt(dist: Float64Array[], rank: readonly number[], order: number[], n: number): number[] {
  const edge = (a: number, b: number) => (b >= order.length ? 0 : dist[a < 0 ? n : order[a]!]![order[b]!]!);
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 0; i < order.length - 1; i++) {
      for (let k = i + 1; k < order.length; k++) {
        // Reverse order[i..k]: edges (i-1,i) and (k,k+1) become (i-1,k) and (i,k+1).
        const before = edge(i - 1, i) + edge(k, k + 1);
        const after =
          dist[i === 0 ? n : order[i - 1]!]![order[k]!]! + (k + 1 < order.length ? dist[order[i]!]![order[k + 1]!]! : 0);
        if (after < before - 1e-9 && reversalKeepsTimes(rank, order, i, k)) {
          reverse(order, i, k);
          improved = true;
        }
      }
    }
  }
  return order;
}

/** A reversed segment keeps the time order only if it holds at most one fixed-time stop. */
function reversalKeepsTimes(rank: readonly number[], order: readonly number[], i: number, k: number): boolean {
  let fixed = 0;
  for (let j = i; j <= k; j++) if (rank[order[j]!]! >= 0 && ++fixed > 1) return false;
  return true;
}

function reverse(order: number[], i: number, k: number): void {
  for (; i < k; i++, k--) [order[i], order[k]] = [order[k]!, order[i]!];
}
