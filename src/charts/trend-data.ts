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
  /**
   * Share of the team's customers of each tracked tier (the team's `keyCustomerDays`, default A 7,
   * B 30, C 90 days) visited within their interval before each week's end, as the weekly digest's text
   * counts it; null for a week in which the team had no customer of that tier. Absent without tiers
   * (nobody graded a customer A or B); a tier the team does not track, or has no customers of, is absent.
   */
  coverage?: Partial<Record<'A' | 'B' | 'C', (number | null)[]>>;
}

/** The team a trend is drawn for, with the reps it may count (see `visibleTeams`). */
export interface TrendTeam {
  orgId: string;
  teamId: string;
  name: string;
  timeZone: string;
  settings: ScheduleSettings;
  /**
   * The reps the trend counts and names: the active reps the asker may see (`viewPerson`, through
   * `visibleTeams` in src/core/digests/managed-teams.ts). Anyone else in the team (deactivated,
   * erased, or hidden from the asker) is left out of every series, the median and the shares.
   */
  repIds: readonly string[];
}

/**
 * Eight weeks of a team ending with the week containing `lastWeekDate`: one tallies statement for
 * the reps (visits and on-time reports per week), one for plans and one for tier coverage.
 */
export async function loadTrend(db: Db, team: TrendTeam, lastWeekDate: string): Promise<TrendData> {
  const last = periodOf('week', lastWeekDate);
  const weeks = Array.from({ length: trendWeeks }, (_, i) => periodOf('week', addDays(last.start, -7 * (trendWeeks - 1 - i))));
  const data: TrendData = { teamName: team.name, weeks, reps: [] };
  const counted = new Set(team.repIds);
  if (counted.size === 0) return data;
  const spans = weeks.map((w) => periodSpan(w, team.timeZone));
  const tallies = await loadTallies(db, { orgId: team.orgId, teamId: team.teamId, periods: spans });
  const workdays = weeks.map((w) => {
    let n = 0;
    for (let d = w.start; d < w.end; d = addDays(d, 1)) if (isWorkday(d, team.settings)) n++;
    return n;
  });
  const reps = new Map<string, RepTrend>();
  tallies.forEach((week, n) => {
    for (const t of week) {
      if (!counted.has(t.userId)) continue;
      const rep = reps.get(t.userId) ?? { userId: t.userId, name: t.name, verified: Array(trendWeeks).fill(0), punctuality: Array(trendWeeks).fill(0) };
      rep.verified[n] = t.verified;
      rep.punctuality[n] = workdays[n] ? Math.min(100, Math.round((100 * t.reportsOnTime) / workdays[n]!)) : 0;
      reps.set(t.userId, rep);
    }
  });
  data.reps = [...reps.values()];
  const ids = [...reps.keys()];
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

  // Tiers "exist" once someone graded a customer A or B: every customer starts as C. Counted as the
  // weekly digest's text counts them (loadCoverage): customers owned by the reps, with the team's
  // intervals, a visit by anyone, and only customers that existed by the week's end.
  const days = team.settings.reminders.keyCustomerDays;
  const tracked = (['A', 'B', 'C'] as const).filter((tier) => days[tier] !== null);
  if (tracked.length === 0) return data;
  const interval = sql`make_interval(days => case c.tier when 'A' then ${days.A ?? 0}::int when 'B' then ${days.B ?? 0}::int else ${days.C ?? 0}::int end)`;
  const coverage = await sql<{ n: number; tier: 'A' | 'B' | 'C'; total: string; seen: string }>`
    with ends(n, end_at) as (values ${sql.join(spans.map((s, n) => sql`(${n}::int, ${s.to}::timestamptz)`))})
    select e.n, c.tier, count(*) as total,
      count(*) filter (where exists (
        select 1 from visits v
        where v.customer_id = c.id and v.started_at < e.end_at and v.started_at >= e.end_at - ${interval})) as seen
    from ends e
    join customers c on c.created_at < e.end_at
    where c.org_id = ${team.orgId} and c.owner_id = any(${ids}::uuid[]) and c.tier in (${sql.join([...tracked])})
    group by e.n, c.tier order by e.n`.execute(db);
  if (!coverage.rows.some((r) => r.tier !== 'C')) return data;
  // A tier the team has no customers of is left out, not drawn as an empty line.
  const series: NonNullable<TrendData['coverage']> = {};
  for (const r of coverage.rows) (series[r.tier] ??= Array(trendWeeks).fill(null))[r.n] = Math.round((100 * Number(r.seen)) / Number(r.total));
  data.coverage = series;
  return data;
}

/** The median of a list (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
