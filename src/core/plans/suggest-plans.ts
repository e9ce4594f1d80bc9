import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import { haversineMeters } from '../../geo/index.ts';
import { localDayRange } from '../shared/local-day.ts';
import { loadSettingsOfUser } from '../schedules/settings-of-user.ts';
import { resolvePlanDate, todayOf } from './plan-days.ts';
import { findSuggestionCandidates } from './suggestion-candidates.ts';

export interface SuggestedStop {
  customerId: string;
  name: string;
  tier: 'A' | 'B' | 'C';
  reason: 'overdue' | 'never' | 'followUp';
  days: number | null;
  lat: number | null;
  lng: number | null;
}

export type Suggestion =
  | { ok: true; date: string; today: string; stops: SuggestedStop[] }
  | { ok: false; problem: 'badDate' | 'pastDate'; date?: string; today: string };

/** Candidates looked at per suggested stop when grouping: enough choice nearby, still the most due. */
const POOL_FACTOR = 3;

/**
 * `建议计划 [明天]` / `plan suggest [tomorrow]`: up to `plans.suggestStops` (default 6) of the
 * person's own customers due on that day: follow-ups due that day, then customers past their tier's
 * interval (src/core/schedules/overdue-customers.ts) most overdue first; the most due one seeds the
 * group and each next stop is the due customer nearest to the group. Stops already planned that
 * day are left out.
 */
export async function suggestPlan({ db, clock }: { db: Db; clock: Clock }, input: { user: User; whenText?: string }): Promise<Suggestion> {
  const now = clock.now();
  const today = todayOf(now, input.user.time_zone);
  const date = input.whenText ? resolvePlanDate(input.whenText, now, input.user.time_zone) : today;
  if (!date) return { ok: false, problem: 'badDate', today };
  if (date < today) return { ok: false, problem: 'pastDate', date, today };
  const settings = await loadSettingsOfUser(db, input.user);
  const stops = settings.plans.suggestStops;
  // Due by the end of that day: a customer that falls due on the day counts. Only the most due few
  // are ever looked at (groupNearby's pool), so the database cuts both lists.
  const { end } = localDayRange(date, input.user.time_zone);
  const due = await findSuggestionCandidates(db, {
    userId: input.user.id,
    date,
    dueBy: end,
    days: settings.reminders.keyCustomerDays,
    followUpLimit: stops,
    overdueLimit: stops * POOL_FACTOR,
  });
  return { ok: true, date, today, stops: groupNearby(due, stops) };
}

/** The most due stop first, then each next one the due stop nearest to any already chosen. */
export function groupNearby(due: readonly SuggestedStop[], limit: number): SuggestedStop[] {
  const mustHave = due.filter((s) => s.reason === 'followUp').slice(0, limit);
  const pool = due.filter((s) => s.reason !== 'followUp').slice(0, limit * POOL_FACTOR);
  const chosen = [...mustHave];
  if (chosen.length === 0 && pool.length > 0) chosen.push(pool.shift()!);
  while (chosen.length < limit && pool.length > 0) {
    let best = 0;
    let bestMeters = Infinity;
    pool.forEach((candidate, i) => {
      const meters = Math.min(...chosen.map((c) => gap(c, candidate)));
      if (meters < bestMeters) [best, bestMeters] = [i, meters];
    });
    chosen.push(pool.splice(best, 1)[0]!);
  }
  return chosen;
}

/** Distance between two stops; unknown positions sort after every known one. */
function gap(a: SuggestedStop, b: SuggestedStop): number {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return Number.MAX_SAFE_INTEGER;
  return haversineMeters({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng });
}
