import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { RepTally } from './scoring.ts';

/** A period to count: visits by check-in time in [from, to), reports by date in [startDate, endDate). */
export interface TallyPeriod {
  from: Date;
  to: Date;
  startDate: string;
  endDate: string;
}

/**
 * Each rep of a team with what they did in each period (reps with nothing get zeros), in one
 * statement: one range scan of the org's check-ins over all periods (the same index a bare
 * `GROUP BY` uses), the visit row looked up only for verified check-ins (notes and next step), and
 * the org's reports of the same dates (by org and date). Returns one list per period, in the order given.
 */
export async function loadTallies(db: Db, input: { orgId: string; teamId: string; periods: readonly TallyPeriod[] }): Promise<RepTally[][]> {
  // VALUES with typed columns: the planner knows there are only a few periods (a set-returning
  // function would be estimated at 100 rows, which inflates the plan's cost until PostgreSQL JITs it).
  const periods = sql.join(
    input.periods.map((p, n) => sql`(${n}::int, ${p.from}::timestamptz, ${p.to}::timestamptz, ${p.startDate}::date, ${p.endDate}::date)`),
  );
  const from = new Date(Math.min(...input.periods.map((p) => p.from.getTime())));
  const to = new Date(Math.max(...input.periods.map((p) => p.to.getTime())));
  const first = input.periods.map((p) => p.startDate).sort()[0]!;
  const last = input.periods.map((p) => p.endDate).sort().at(-1)!;
  const result = await sql<{
    n: number; user_id: string; display_name: string; opted_out: boolean; visits: string | number; verified: string | number;
    outside: string | number; verified_next: string | number; on_time: string | number; verified_planned: string | number;
  }>`
    with periods(n, from_at, to_at, start_date, end_date) as (
      values ${periods}
    ), reps as (
      select m.user_id from team_memberships m where m.team_id = ${input.teamId} and m.role = 'rep'
    ), visits as (
      select p.n, ci.user_id,
        count(*) as visits,
        count(*) filter (where ci.status = 'verified') as verified,
        count(*) filter (where ci.status = 'outside') as outside,
        -- A scalar subquery, evaluated only for verified check-ins (an EXISTS would be hashed over
        -- every visit of the org).
        count(*) filter (where ci.status = 'verified' and (
          select btrim(v.notes) <> '' and btrim(v.next_step) <> '' from visits v where v.id = ci.visit_id)) as verified_next,
        -- Verified visits that fulfilled a planned stop (issue 14), the same way: one index probe each.
        count(*) filter (where ci.status = 'verified' and coalesce((
          select true from visit_plans vp where vp.visit_id = ci.visit_id and vp.state = 'done' limit 1), false)) as verified_planned
      from check_ins ci
      join periods p on ci.at >= p.from_at and ci.at < p.to_at
      where ci.org_id = ${input.orgId} and ci.at >= ${from} and ci.at < ${to} and ci.kind = 'in'
        and ci.user_id in (select user_id from reps)
      group by p.n, ci.user_id
    ), reports as (
      select p.n, r.user_id, count(*) as on_time
      from daily_reports r
      join periods p on r.report_date >= p.start_date and r.report_date < p.end_date
      where r.org_id = ${input.orgId} and r.report_date >= ${first} and r.report_date < ${last} and not r.late
        and r.user_id in (select user_id from reps)
      group by p.n, r.user_id
    )
    select p.n, u.id as user_id, u.display_name, coalesce(pr.leaderboard_opt_out, false) as opted_out,
      coalesce(v.visits, 0) as visits, coalesce(v.verified, 0) as verified, coalesce(v.outside, 0) as outside,
      coalesce(v.verified_next, 0) as verified_next, coalesce(r.on_time, 0) as on_time, coalesce(v.verified_planned, 0) as verified_planned
    from reps join users u on u.id = reps.user_id
    cross join periods p
    left join user_schedule_prefs pr on pr.user_id = u.id
    left join visits v on v.user_id = u.id and v.n = p.n
    left join reports r on r.user_id = u.id and r.n = p.n`.execute(db);
  const out: RepTally[][] = input.periods.map(() => []);
  for (const r of result.rows) {
    out[r.n]!.push({
      userId: r.user_id,
      name: r.display_name,
      optedOut: r.opted_out,
      visits: Number(r.visits),
      verified: Number(r.verified),
      outside: Number(r.outside),
      verifiedWithNextStep: Number(r.verified_next),
      reportsOnTime: Number(r.on_time),
      verifiedPlanned: Number(r.verified_planned),
    });
  }
  return out;
}
