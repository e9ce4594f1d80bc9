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
 * statement that reads indexes only (migration 20261204010000_board_index_only):
 *
 * - per rep, one range scan of their check-ins over all the periods together (check_ins_user_at_idx
 *   carries kind, status and visit id), split into the periods in memory;
 * - per rep, the ids of their visits with both notes and a next step (visits_next_step_by_user_idx),
 *   instead of looking up the visit of every verified check-in;
 * - per rep and period, their on-time reports (daily_reports_on_time_idx).
 *
 * Each count is a LATERAL over the rep's own rows, which PostgreSQL cannot flatten into an org-wide
 * scan: a team's board costs the same in a 20-rep org and in a 10,000-rep one. At 10,000 reps a
 * weekly board reads ~450 buffers where the visit-per-check-in version read ~1,560 (`npm run
 * bench:org`). Returns one list per period, in the order given.
 */
export async function loadTallies(db: Db, input: { orgId: string; teamId: string; periods: readonly TallyPeriod[] }): Promise<RepTally[][]> {
  if (input.periods.length === 0) return [];
  // VALUES with typed columns: the planner knows there are only a few periods (a set-returning
  // function would be estimated at 100 rows, which inflates the plan's cost until PostgreSQL JITs it).
  const periods = sql.join(
    input.periods.map((p, n) => sql`(${n}::int, ${p.from}::timestamptz, ${p.to}::timestamptz, ${p.startDate}::date, ${p.endDate}::date)`),
  );
  // The instants all periods lie within: one index range per rep instead of one per rep and period.
  const spanFrom = new Date(Math.min(...input.periods.map((p) => p.from.getTime())));
  const spanTo = new Date(Math.max(...input.periods.map((p) => p.to.getTime())));
  const result = await sql<{
    n: number; user_id: string; display_name: string; opted_out: boolean; visits: string | number; verified: string | number;
    outside: string | number; verified_next: string | number; on_time: string | number; verified_planned: string | number;
  }>`
    with periods(n, from_at, to_at, start_date, end_date) as (
      values ${periods}
    )
    select t.n, u.id as user_id, u.display_name,
      -- Someone who left is off the board like an opted-out rep: their points still count in the total
      -- of the periods that began before they left (below: they are not on later boards at all).
      coalesce(pr.leaderboard_opt_out, false) or u.deactivated_at is not null as opted_out,
      t.visits, t.verified, t.outside, t.verified_next, t.verified_planned,
      (select count(*) from daily_reports r
        where r.user_id = u.id and r.report_date >= t.start_date and r.report_date < t.end_date and not r.late) as on_time
    from team_memberships m
    join users u on u.id = m.user_id
    left join user_schedule_prefs pr on pr.user_id = u.id
    cross join lateral (
      select p.n, p.from_at, p.start_date, p.end_date,
        count(ci.at) as visits,
        count(*) filter (where ci.status = 'verified') as verified,
        count(*) filter (where ci.status = 'outside') as outside,
        -- A check-in's visit is the rep's own (a visit never changes hands), so its id is among theirs.
        count(*) filter (where ci.status = 'verified' and ci.visit_id = any(nx.ids)) as verified_next,
        -- Verified visits that fulfilled a planned stop (issue 14): one index probe each.
        count(*) filter (where ci.status = 'verified' and coalesce((
          select true from visit_plans vp where vp.visit_id = ci.visit_id and vp.state = 'done' limit 1), false)) as verified_planned
      from periods p
      cross join (
        select array(select v.id from visits v where v.user_id = u.id and btrim(v.notes) <> '' and btrim(v.next_step) <> '') as ids
      ) nx
      -- OFFSET 0 keeps this a scan of its own, run once per rep: without it PostgreSQL pushes each
      -- period's bounds into the index condition and scans once per period.
      left join (
        select ci.at, ci.status, ci.visit_id from check_ins ci
        where ci.user_id = u.id and ci.at >= ${spanFrom} and ci.at < ${spanTo} and ci.kind = 'in'
        offset 0
      ) ci on ci.at >= p.from_at and ci.at < p.to_at
      group by p.n, p.from_at, p.start_date, p.end_date
    ) t
    -- The org is checked on the people: their check-ins, visits and reports are all in their org.
    where m.team_id = ${input.teamId} and m.role = 'rep' and u.org_id = ${input.orgId}
      -- Deactivated before the period began: not on its board (no anonymous line at 0 points every week).
      and (u.deactivated_at is null or u.deactivated_at > t.from_at)`.execute(db);
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
