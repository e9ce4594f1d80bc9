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
 * statement: per rep and period, a range scan of that rep's own check-ins (check_ins_user_at_idx),
 * the visit row looked up only for verified check-ins (notes and next step), and their reports of
 * those dates (by user and date). Returns one list per period, in the order given.
 *
 * Each count is a LATERAL aggregate over the rep's own rows, which PostgreSQL cannot flatten into
 * an org-wide scan: a team's board costs the same in a 20-rep org and in a 10,000-rep one. Scanning
 * the org's fortnight and keeping the team's rows made every board read the whole org, 500 times
 * over for 500 teams (`npm run bench:org`).
 */
export async function loadTallies(db: Db, input: { orgId: string; teamId: string; periods: readonly TallyPeriod[] }): Promise<RepTally[][]> {
  // VALUES with typed columns: the planner knows there are only a few periods (a set-returning
  // function would be estimated at 100 rows, which inflates the plan's cost until PostgreSQL JITs it).
  const periods = sql.join(
    input.periods.map((p, n) => sql`(${n}::int, ${p.from}::timestamptz, ${p.to}::timestamptz, ${p.startDate}::date, ${p.endDate}::date)`),
  );
  const result = await sql<{
    n: number; user_id: string; display_name: string; opted_out: boolean; visits: string | number; verified: string | number;
    outside: string | number; verified_next: string | number; on_time: string | number; verified_planned: string | number;
  }>`
    with periods(n, from_at, to_at, start_date, end_date) as (
      values ${periods}
    )
    select p.n, u.id as user_id, u.display_name,
      -- Someone who left is off the board like an opted-out rep: their points still count in the total.
      coalesce(pr.leaderboard_opt_out, false) or u.deactivated_at is not null as opted_out,
      v.visits, v.verified, v.outside, v.verified_next, r.on_time, v.verified_planned
    from team_memberships m
    join users u on u.id = m.user_id
    cross join periods p
    left join user_schedule_prefs pr on pr.user_id = u.id
    cross join lateral (
      select count(*) as visits,
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
      where ci.user_id = u.id and ci.at >= p.from_at and ci.at < p.to_at and ci.kind = 'in' and ci.org_id = ${input.orgId}
    ) v
    cross join lateral (
      select count(*) as on_time from daily_reports r
      where r.user_id = u.id and r.report_date >= p.start_date and r.report_date < p.end_date and not r.late
    ) r
    where m.team_id = ${input.teamId} and m.role = 'rep'`.execute(db);
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
