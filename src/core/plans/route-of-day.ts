import { haversineMeters as distance, orderRoute, type LatLng } from '../../geo/index.ts';
import type { PlanStop } from './plan-repository.ts';
import type { PlanMessages, StopView } from './messages-en-US.ts';
import { formatMinute } from './plan-days.ts';

/** A stop's state as the reader should see it: a stop still open after its day is missed. */
export function effectiveState(stop: Pick<PlanStop, 'state' | 'localDate'>, today: string): PlanStop['state'] {
  return stop.state === 'planned' && stop.localDate < today ? 'missed' : stop.state;
}

export interface DayRoute {
  /** Live stops (not cancelled) with a position, in route order. */
  routed: PlanStop[];
  /** Live stops with no customer position, in typed order. */
  unplaced: PlanStop[];
  cancelled: PlanStop[];
  /** Metres from the origin (or the first stop) to each routed stop's predecessor. */
  legs: number[];
  meters: number;
  typedMeters: number;
}

/**
 * A day's stops in the shortest order (src/geo orderRoute): from `origin` (the day's first check-in,
 * else the person's start point) when there is one, else from wherever is shortest. Stops with a
 * time keep their time order.
 */
export function routeOfDay(stops: readonly PlanStop[], origin: LatLng | null): DayRoute {
  const live = stops.filter((s) => s.state !== 'cancelled');
  const placed = live.filter((s) => s.lat !== null && s.lng !== null);
  const route = orderRoute(
    placed.map((s) => ({ point: { lat: s.lat!, lng: s.lng! }, fixedMinute: s.minute })),
    origin,
  );
  const routed = route.order.map((i) => placed[i]!);
  const legs: number[] = [];
  let previous: LatLng | null = origin;
  for (const stop of routed) {
    const here = { lat: stop.lat!, lng: stop.lng! };
    legs.push(previous ? distance(previous, here) : 0);
    previous = here;
  }
  return {
    routed,
    unplaced: live.filter((s) => s.lat === null || s.lng === null),
    cancelled: stops.filter((s) => s.state === 'cancelled'),
    legs,
    meters: route.meters,
    typedMeters: route.typedMeters,
  };
}

/** The lines of one day's plan: each stop in route order, then the cancelled ones and the totals. */
export function dayLines(t: PlanMessages, route: DayRoute, opts: { today: string; origin: boolean }): string[] {
  const parts = dayParts(t, route, opts);
  return [...parts.stops.map((s) => s.line), ...parts.rest];
}

/** A day's plan as one line per live stop (route order, then those without a position) and the lines after them. */
export function dayParts(t: PlanMessages, route: DayRoute, opts: { today: string; origin: boolean }): { stops: { stop: PlanStop; line: string }[]; rest: string[] } {
  const view = (stop: PlanStop, index: number, fromPrevious: number | null): StopView => ({
    index,
    time: formatMinute(stop.minute),
    customer: stop.customerName,
    purpose: stop.purpose,
    expected: stop.expected,
    fromPrevious,
    state: effectiveState(stop, opts.today),
    checkInStatus: stop.checkInStatus,
    // The rep sees who else planned a stop; a manager looking at someone's plan sees it too.
    plannedBy: stop.plannedBy && stop.plannedBy !== stop.userId ? stop.plannedByName : null,
  });
  const stops = route.routed.map((stop, i) => ({ stop, line: t.stopLine(view(stop, i + 1, i === 0 && !opts.origin ? null : route.legs[i]!)) }));
  route.unplaced.forEach((stop, i) => stops.push({ stop, line: t.stopLine(view(stop, route.routed.length + i + 1, null)) }));
  const lines: string[] = [];
  for (const stop of route.cancelled) lines.push(t.cancelledLine({ customer: stop.customerName }));
  if (route.routed.length >= 2 || (opts.origin && route.routed.length >= 1)) {
    lines.push(t.totals({ meters: route.meters, saved: route.typedMeters - route.meters, fromStart: opts.origin }));
  }
  if (route.unplaced.length > 0) lines.push(t.withoutPosition({ customers: route.unplaced.map((s) => s.customerName).join(', ') }));
  return { stops, rest: lines };
}
