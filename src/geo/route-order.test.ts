import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { haversineMeters } from './distance.ts';
import type { LatLng } from './coordinate-systems.ts';
import { EXACT_ROUTE_LIMIT, MAX_ROUTE_STOPS, orderRoute, type RouteStop } from './route-order.ts';

// Shenzhen-sized box: what a rep's day looks like.
const point = fc.record({
  lat: fc.double({ min: 22.4, max: 22.8, noNaN: true }),
  lng: fc.double({ min: 113.8, max: 114.4, noNaN: true }),
});
const stop = fc.record({
  point,
  fixedMinute: fc.option(fc.integer({ min: 480, max: 1200 }), { nil: undefined, freq: 4 }),
});

function length(stops: readonly RouteStop[], order: readonly number[], start?: LatLng): number {
  let total = 0;
  let previous = start;
  for (const i of order) {
    if (previous) total += haversineMeters(previous, stops[i]!.point);
    previous = stops[i]!.point;
  }
  return total;
}

/** Fixed-time stops in time order, equal times in typed order (the contract of orderRoute). */
function keepsTimes(stops: readonly RouteStop[], order: readonly number[]): boolean {
  const fixed = order.filter((i) => typeof stops[i]!.fixedMinute === 'number');
  return fixed.every((i, j) => {
    if (j === 0) return true;
    const before = fixed[j - 1]!;
    const [a, b] = [stops[before]!.fixedMinute!, stops[i]!.fixedMinute!];
    return a < b || (a === b && before < i);
  });
}

function* permutations(items: number[]): Generator<number[]> {
  if (items.length <= 1) yield items;
  else for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i]!, ...p];
  }
}

function bruteForce(stops: readonly RouteStop[], start?: LatLng): number {
  let best = Infinity;
  for (const p of permutations(stops.map((_, i) => i))) {
    if (keepsTimes(stops, p)) best = Math.min(best, length(stops, p, start));
  }
  return best;
}

describe('orderRoute', () => {
  it('visits every stop once, keeps fixed times in order and is never longer than the typed order', () => {
    fc.assert(
      fc.property(fc.array(stop, { minLength: 0, maxLength: MAX_ROUTE_STOPS }), fc.option(point, { nil: undefined }), (stops, start) => {
        const route = orderRoute(stops, start);
        expect([...route.order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i));
        expect(keepsTimes(stops, route.order)).toBe(true);
        expect(route.meters).toBeCloseTo(length(stops, route.order, start), 3);
        expect(route.meters).toBeLessThanOrEqual(route.typedMeters + 1e-6);
        if (keepsTimes(stops, stops.map((_, i) => i))) {
          expect(route.typedMeters).toBeCloseTo(length(stops, stops.map((_, i) => i), start), 3);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equals brute force on small sets, with and without a start point', () => {
    fc.assert(
      fc.property(fc.array(stop, { minLength: 1, maxLength: 7 }), fc.option(point, { nil: undefined }), (stops, start) => {
        expect(orderRoute(stops, start).meters).toBeCloseTo(bruteForce(stops, start), 3);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the straight line through points typed out of order', () => {
    const stops = [0, 4, 1, 3, 2].map((k) => ({ point: { lat: 22.5, lng: 113.9 + k * 0.01 } }));
    const route = orderRoute(stops, { lat: 22.5, lng: 113.89 });
    expect(route.order).toEqual([0, 2, 4, 3, 1]);
    expect(route.meters).toBeLessThan(route.typedMeters);
  });

  it('beats the typed order on a scrambled line of 25 stops (heuristic path)', () => {
    const ks = [...Array(MAX_ROUTE_STOPS).keys()].map((k) => (k * 7) % MAX_ROUTE_STOPS);
    const stops = ks.map((k) => ({ point: { lat: 22.5, lng: 113.9 + k * 0.01 } }));
    expect(stops.length).toBeGreaterThan(EXACT_ROUTE_LIMIT);
    const route = orderRoute(stops, { lat: 22.5, lng: 113.89 });
    expect(route.meters).toBeCloseTo(haversineMeters({ lat: 22.5, lng: 113.89 }, { lat: 22.5, lng: 114.14 }), 0);
  });

  it('keeps the typed order when nothing is shorter, and refuses more than 25 stops', () => {
    const stops = [{ point: { lat: 22.5, lng: 113.9 } }, { point: { lat: 22.5, lng: 113.95 } }];
    expect(orderRoute(stops).order).toEqual([0, 1]);
    expect(() => orderRoute(Array(26).fill(stops[0]))).toThrow(RangeError);
  });
});
