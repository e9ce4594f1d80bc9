import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import { haversineMeters } from '../../geo/index.ts';
import { localDayRange } from '../shared/local-day.ts';
import { findMostOverdueOf } from '../schedules/overdue-customers.ts';
import { loadSettingsBook } from '../schedules/settings-repository.ts';
import { teamOfUser } from '../schedules/team-context.ts';
import { resolvePlanDate, todayOf } from './plan-days.ts';

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
  const book = await loadSettingsBook(db);
  const team = await teamOfUser(db, book, input.user.id);
  const settings = team?.settings ?? book.for(input.user.org_id, null);
  const planned = new Set(
    (await db.selectFrom('visit_plans').select('customer_id').where('user_id', '=', input.user.id).where('local_date', '=', date).where('state', '<>', 'cancelled').execute()).map(
      (r) => r.customer_id,
    ),
  );
  const followUps = await db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['c.id', 'c.name', 'c.tier', 'c.lat', 'c.lng'])
    .where('v.user_id', '=', input.user.id)
    .where('v.follow_up_date', '=', date)
    .orderBy('c.name')
    .execute();
  // Due by the end of that day: a customer that falls due on the day counts.
  const { end } = localDayRange(date, input.user.time_zone);
  // Only the most overdue few are ever looked at (groupNearby's pool): the database cuts the list,
  // with room for those already planned or due as follow-ups, which are skipped below.
  const pool = settings.plans.suggestStops * POOL_FACTOR + planned.size + followUps.length;
  const overdue = await findMostOverdueOf(db, { ownerId: input.user.id, now: end, days: settings.reminders.keyCustomerDays, limit: pool });
  const seen = new Set<string>(planned);
  const due: SuggestedStop[] = [];
  for (const c of followUps) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    due.push({ customerId: c.id, name: c.name, tier: c.tier, reason: 'followUp', days: null, lat: c.lat, lng: c.lng });
  }
  for (const c of overdue) {
    if (seen.has(c.customerId)) continue;
    seen.add(c.customerId);
    due.push({ customerId: c.customerId, name: c.name, tier: c.tier, reason: c.days === null ? 'never' : 'overdue', days: c.days, lat: c.lat ?? null, lng: c.lng ?? null });
  }
  return { ok: true, date, today, stops: groupNearby(due, settings.plans.suggestStops) };
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
