import { sql } from 'kysely';
import { loadDueReportDays } from './due-report-days.ts';
import type { Db } from '../shared/db.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import { previousPeriod, type PeriodRange } from '../schedules/calendar.ts';
import { loadTallies } from '../leaderboards/load-tallies.ts';
import { periodSpan } from '../leaderboards/build-leaderboard.ts';
import { pointsOf } from '../leaderboards/scoring.ts';
import type { ManagedTeam } from './managed-teams.ts';
import { loadCoverage, loadPlanWeeks } from './weekly-plan-figures.ts';
import type { RepWeek, WeekFigures, WeeklyDigest } from './types.ts';

const zero = (): WeekFigures => ({ visits: 0, verified: 0, outside: 0, customers: 0, reportsIn: 0, reportsLate: 0, reportsMissing: 0, points: 0 });

/**
 * A manager's weekly digest for `week` (in the team's zone, else the manager's) beside the week
 * before: per rep the check-in visits (verified / outside), customers seen, reports in / late /
 * missing and leaderboard points, with team totals for both weeks (the trend). Three statements per
 * team, each covering both weeks.
 */
export async function buildWeeklyDigest(
  db: Db,
  input: { managerId: string; week: PeriodRange; timeZone: string; teams: ManagedTeam[] },
): Promise<WeeklyDigest> {
  const weeks = [input.week, previousPeriod(input.week)] as const;
  const teams = [];
  for (const team of input.teams) {
    const zone = team.settings.timeZone ?? input.timeZone;
    const [current, previous] = await figures(db, team, weeks, zone);
    const [plansNow, plansBefore] = await loadPlanWeeks(db, team, weeks);
    const none = { planned: 0, done: 0 };
    const reps: RepWeek[] = team.reps.map((r) => {
      const plan = { current: plansNow!.get(r.userId) ?? none, previous: plansBefore!.get(r.userId) ?? none };
      return {
        userId: r.userId, name: r.name, current: current!.get(r.userId) ?? zero(), previous: previous!.get(r.userId) ?? zero(),
        ...(plan.current.planned > 0 || plan.previous.planned > 0 ? { plan } : {}),
      };
    });
    const [coverageNow, coverageBefore] = await loadCoverage(db, team, [periodSpan(weeks[0], zone).to, periodSpan(weeks[1], zone).to]);
    teams.push({
      teamId: team.teamId, name: team.name, reps, current: sum(reps.map((r) => r.current)), previous: sum(reps.map((r) => r.previous)),
      ...(coverageNow.length > 0 ? { coverage: { current: coverageNow, previous: coverageBefore } } : {}),
    });
  }
  return { kind: 'weekly', managerId: input.managerId, week: input.week, teams };
}

async function figures(db: Db, team: ManagedTeam, weeks: readonly PeriodRange[], timeZone: string): Promise<Map<string, WeekFigures>[]> {
  const out = weeks.map(() => new Map<string, WeekFigures>());
  if (team.reps.length === 0) return out;
  const spans = weeks.map((w) => periodSpan(w, timeZone));
  const tallies = await loadTallies(db, { orgId: team.orgId, teamId: team.teamId, periods: spans });
  const ids = team.reps.map((r) => r.userId);
  // The days each rep owed a report, both weeks: workdays since they joined, less days away.
  const due = await loadDueReportDays(db, { userIds: ids, settings: team.settings, from: weeks[1]!.start, to: addDays(weeks[0]!.end, -1) });
  const dueIn = (userId: string, week: PeriodRange) => [...(due.get(userId) ?? [])].filter((d) => d >= week.start && d < week.end).length;
  weeks.forEach((week, n) => {
    for (const t of tallies[n]!) {
      out[n]!.set(t.userId, {
        ...zero(), visits: t.visits, verified: t.verified, outside: t.outside, points: pointsOf(t, team.settings.leaderboard.points), reportsMissing: dueIn(t.userId, week),
      });
    }
  });
  // Which week a row falls in: 0 = the digest's week, 1 = the week before. Per day, as only a report
  // of a workday makes up for a missing one (a Saturday's report does not stand in for Friday's).
  const reports = await sql<{ n: number; user_id: string; report_date: string; total: string; late: string }>`
    select case when report_date >= ${weeks[0]!.start} then 0 else 1 end as n, user_id, report_date::text as report_date,
      count(*) as total, count(*) filter (where late) as late
    from daily_reports
    where user_id = any(${ids}::uuid[]) and report_date >= ${weeks[1]!.start} and report_date < ${weeks[0]!.end}
    group by 1, 2, 3`.execute(db);
  for (const r of reports.rows) {
    const f = out[r.n]!.get(r.user_id);
    if (!f) continue;
    f.reportsLate += Number(r.late);
    f.reportsIn += Number(r.total) - Number(r.late);
    // Only a report for a day it was owed makes up for a missing one.
    if (due.get(r.user_id)?.has(String(r.report_date).slice(0, 10))) f.reportsMissing = Math.max(0, f.reportsMissing - Number(r.total));
  }
  const customers = await sql<{ n: number; user_id: string; customers: string }>`
    select case when started_at >= ${spans[0]!.from} then 0 else 1 end as n, user_id, count(distinct customer_id) as customers
    from visits
    where user_id = any(${ids}::uuid[]) and started_at >= ${spans[1]!.from} and started_at < ${spans[0]!.to}
    group by 1, 2`.execute(db);
  for (const c of customers.rows) {
    const f = out[c.n]!.get(c.user_id);
    if (f) f.customers = Number(c.customers);
  }
  return out;
}

function sum(list: WeekFigures[]): WeekFigures {
  const total = zero();
  for (const f of list) for (const key of Object.keys(total) as (keyof WeekFigures)[]) total[key] += f[key];
  return total;
}
