import { sql } from 'kysely';
import type { Db } from '../core/shared/db.ts';
import { addDays } from '../conversation/dates/local-date.ts';
import { isWorkday, periodOf, type PeriodRange } from '../core/schedules/calendar.ts';
import type { ScheduleSettings } from '../core/schedules/settings.ts';
import { loadTallies } from '../core/leaderboards/load-tallies.ts';
import { periodSpan } from '../core/leaderboards/build-leaderboard.ts';

export const trendWeeks = 8;

/** One rep's weeks, oldest first. */
export interface RepTrend {
  userId: string;
  name: string;
  verified: number[];
  /** On-time reports over the week's workdays, 0–100. */
  punctuality: number[];
}

/** What a trend chart shows: per rep per week, plus plan adherence and tier coverage when they exist. */
export interface TrendData {
  teamName: string;
  weeks: PeriodRange[];
  reps: RepTrend[];
  /** Share of planned stops done per week (0–100), absent when the team made no plans in these weeks. */
  planAdherence?: number[];
  /** Share of the team's A/B/C customers seen within their interval (A 7, B 30, C 90 days) by each week's end; absent without tiers. */
  coverage?: { A: number[]; B: number[]; C: number[] };
}

/**
 * Eight weeks of a team ending with the week containing `lastWeekDate`: one tallies statement for
 * the reps (visits and on-time reports per week), one for plans and one for tier coverage.
 */
export async function loadTrend(
  db: Db,
  team: { orgId: string; teamId: string; name: string; timeZone: string; settings: ScheduleSettings },
  lastWeekDate: string,
): Promise<TrendData> {
  const last = periodOf('week', lastWeekDate);
  const weeks = Array.from({ length: trendWeeks }, (_, i) => periodOf('week', addDays(last.start, -7 * (trendWeeks - 1 - i))));
  const tallies = await loadTallies(db, { orgId: team.orgId, teamId: team.teamId, periods: weeks.map((w) => periodSpan(w, team.timeZone)) });
  const workdays = weeks.map((w) => {
    let n = 0;
    for (let d = w.start; d < w.end; d = addDays(d, 1)) if (isWorkday(d, team.settings)) n++;
    return n;
  });
  const reps = new Map<string, RepTrend>();
  tallies.forEach((week, n) => {
    for (const t of week) {
      const rep = reps.get(t.userId) ?? { userId: t.userId, name: t.name, verified: Array(trendWeeks).fill(0), punctuality: Array(trendWeeks).fill(0) };
      rep.verified[n] = t.verified;
      rep.punctuality[n] = workdays[n] ? Math.min(100, Math.round((100 * t.reportsOnTime) / workdays[n]!)) : 0;
      reps.set(t.userId, rep);
    }
  });
  const ids = [...reps.keys()];
  const data: TrendData = { teamName: team.name, weeks, reps: [...reps.values()] };
  if (ids.length === 0) return data;

  const plans = await sql<{ start: string; planned: string; done: string }>`
    select w.start::text as start, count(p.id) as planned, count(p.id) filter (where p.state = 'done') as done
    from unnest(${weeks.map((w) => w.start)}::date[]) as w(start)
    left join visit_plans p on p.user_id = any(${ids}::uuid[]) and p.state <> 'cancelled'
      and p.local_date >= w.start and p.local_date < w.start + 7
    group by w.start order by w.start`.execute(db);
  if (plans.rows.some((r) => Number(r.planned) > 0)) {
    data.planAdherence = plans.rows.map((r) => (Number(r.planned) ? Math.round((100 * Number(r.done)) / Number(r.planned)) : 0));
  }

  // Tiers "exist" once someone set one: every customer starts as C.
  const coverage = await sql<{ start: string; tier: 'A' | 'B' | 'C'; total: string; seen: string }>`
    select w.start::text as start, c.tier, count(*) as total,
      count(*) filter (where exists (
        select 1 from check_ins ci
        where ci.customer_id = c.id and ci.kind = 'in' and ci.status = 'verified'
          and ci.at < ((w.start + 7)::timestamp at time zone ${team.timeZone})
          and ci.at >= ((w.start + 7 - case c.tier when 'A' then 7 when 'B' then 30 else 90 end)::timestamp at time zone ${team.timeZone}))) as seen
    from unnest(${weeks.map((w) => w.start)}::date[]) as w(start)
    cross join customers c
    where c.org_id = ${team.orgId} and c.owner_id = any(${ids}::uuid[])
    group by w.start, c.tier order by w.start`.execute(db);
  const tiered = coverage.rows.some((r) => r.tier !== 'C');
  if (tiered) {
    const series = { A: Array(trendWeeks).fill(0), B: Array(trendWeeks).fill(0), C: Array(trendWeeks).fill(0) };
    for (const r of coverage.rows) {
      const n = weeks.findIndex((w) => w.start === r.start);
      if (n >= 0) series[r.tier][n] = Math.round((100 * Number(r.seen)) / Number(r.total));
    }
    data.coverage = series;
  }
  return data;
}

/** The median of a list (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
