import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { PeriodRange } from '../schedules/calendar.ts';
import type { ManagedTeam } from './managed-teams.ts';
import type { PlanWeek, TierCoverage } from './types.ts';

const TIERS = ['A', 'B', 'C'] as const;

/**
 * Plan adherence per rep for each of `weeks` (local dates, as plans are kept): stops planned and
 * not cancelled, and of those done. One statement for both weeks.
 */
export async function loadPlanWeeks(db: Db, team: ManagedTeam, weeks: readonly [PeriodRange, PeriodRange]): Promise<Map<string, PlanWeek>[]> {
  const out = weeks.map(() => new Map<string, PlanWeek>());
  if (team.reps.length === 0) return out;
  const ids = team.reps.map((r) => r.userId);
  const rows = await sql<{ n: number; user_id: string; planned: string; done: string }>`
    select case when local_date >= ${weeks[0].start} then 0 else 1 end as n, user_id,
      count(*) as planned, count(*) filter (where state = 'done') as done
    from visit_plans
    where user_id = any(${ids}::uuid[]) and state <> 'cancelled'
      and local_date >= ${weeks[1].start} and local_date < ${weeks[0].end}
    group by 1, 2`.execute(db);
  for (const r of rows.rows) out[Number(r.n)]!.set(r.user_id, { planned: Number(r.planned), done: Number(r.done) });
  return out;
}

/**
 * Coverage of a team's customers (owned by its reps) at each of `ends` (the instants the weeks
 * end): per tier with an interval (the team's `keyCustomerDays`, default A 7, B 30, C 90 days),
 * how many had a visit by anyone within that interval before the end. One statement.
 */
export async function loadCoverage(db: Db, team: ManagedTeam, ends: readonly [Date, Date]): Promise<[TierCoverage[], TierCoverage[]]> {
  const days = team.settings.reminders.keyCustomerDays;
  const tracked = TIERS.filter((tier) => days[tier] !== null);
  if (team.reps.length === 0 || tracked.length === 0) return [[], []];
  const ids = team.reps.map((r) => r.userId);
  const interval = sql`make_interval(days => case c.tier when 'A' then ${days.A ?? 0}::int when 'B' then ${days.B ?? 0}::int else ${days.C ?? 0}::int end)`;
  const visitedBefore = (end: Date) =>
    sql`exists (select 1 from visits v where v.customer_id = c.id and v.started_at < ${end} and v.started_at >= ${end}::timestamptz - ${interval})`;
  // A customer added after a week ended is not counted in that week.
  const rows = await sql<{ tier: 'A' | 'B' | 'C'; total_now: string; total_before: string; now: string; before: string }>`
    select c.tier,
      count(*) filter (where c.created_at < ${ends[0]}) as total_now,
      count(*) filter (where c.created_at < ${ends[1]}) as total_before,
      count(*) filter (where c.created_at < ${ends[0]} and ${visitedBefore(ends[0])}) as now,
      count(*) filter (where c.created_at < ${ends[1]} and ${visitedBefore(ends[1])}) as before
    from customers c
    where c.owner_id = any(${ids}::uuid[]) and c.tier in (${sql.join([...tracked])})
    group by c.tier order by c.tier`.execute(db);
  const pick = (key: 'now' | 'before') =>
    rows.rows.filter((r) => Number(r[`total_${key}`]) > 0).map((r) => ({ tier: r.tier, total: Number(r[`total_${key}`]), visited: Number(r[key]) }));
  return [pick('now'), pick('before')];
}
