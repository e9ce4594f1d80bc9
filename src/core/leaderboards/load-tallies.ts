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

/** One team's tallies to load: its reps, counted over each of its periods. */
export interface TeamTallyRequest {
  orgId: string;
  teamId: string;
  periods: readonly TallyPeriod[];
}

/** Each rep of one team with what they did in each period (see loadTeamsTallies). */
export async function loadTallies(db: Db, input: TeamTallyRequest): Promise<RepTally[][]> {
  return (await loadTeamsTallies(db, [input]))[0]!;
}

/**
 * Each rep of each team with what they did in each of that team's periods (reps with nothing get
 * zeros), in one statement for all the teams, reading indexes only (migration
 * 20261204010000_board_index_only):
 *
 * - per rep, one range scan of their check-ins over all their team's periods together
 *   (check_ins_user_at_idx carries kind, status and visit id), split into the periods in memory;
 * - per rep, the ids of their visits with both notes and a next step (visits_next_step_by_user_idx),
 *   instead of looking up the visit of every verified check-in;
 * - per rep and period, their on-time reports (daily_reports_on_time_idx).
 *
 * Each count is a LATERAL over the rep's own rows, which PostgreSQL cannot flatten into an org-wide
 * scan: a team's board costs the same in a 20-rep org and in a 10,000-rep one. Many teams go in one
 * statement because planning it costs as much as running it for one team (~1 ms each at 10,000
 * reps): all 500 weekly boards of a 10,000-rep org are one plan, not 500 (`npm run bench:org`).
 * Teams may be in different zones, so each team brings its own periods. Returns, per request in
 * the order given, one list per period in the order given.
 */
export async function loadTeamsTallies(db: Db, requests: readonly TeamTallyRequest[]): Promise<RepTally[][][]> {
  const out: RepTally[][][] = requests.map((r) => r.periods.map(() => []));
  const rows = requests.flatMap((r, team) =>
    r.periods.map((p, n) => sql`(${team}::int, ${r.teamId}::uuid, ${r.orgId}::uuid, ${n}::int, ${p.from}::timestamptz, ${p.to}::timestamptz, ${p.startDate}::date, ${p.endDate}::date)`),
  );
  if (rows.length === 0) return out;
  const result = await sql<{
    team: number; n: number; user_id: string; display_name: string; opted_out: boolean; visits: string | number; verified: string | number;
    outside: string | number; verified_next: string | number; on_time: string | number; verified_planned: string | number;
  }>`
    with periods(team, team_id, org_id, n, from_at, to_at, start_date, end_date) as (
      -- VALUES with typed columns: the planner knows how many periods there are (a set-returning
      -- function would be estimated at 100 rows, which inflates the plan's cost until PostgreSQL JITs it).
      values ${sql.join(rows)}
    ), spans as (
      -- The instants all of a team's periods lie within: one index range per rep instead of one per
      -- rep and period.
      select team, team_id, org_id, min(from_at) as from_at, max(to_at) as to_at from periods group by team, team_id, org_id
    )
    select s.team, t.n, u.id as user_id, u.display_name,
      -- Someone who left is off the board like an opted-out rep: their points still count in the total
      -- of the periods that began before they left (below: they are not on later boards at all).
      coalesce(pr.leaderboard_opt_out, false) or u.deactivated_at is not null as opted_out,
      t.visits, t.verified, t.outside, t.verified_next, t.verified_planned,
      (select count(*) from daily_reports r
        where r.user_id = u.id and r.report_date >= t.start_date and r.report_date < t.end_date and not r.late) as on_time
    from spans s
    join team_memberships m on m.team_id = s.team_id and m.role = 'rep'
    -- The org is checked on the people: their check-ins, visits and reports are all in their org.
    join users u on u.id = m.user_id and u.org_id = s.org_id
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
        where ci.user_id = u.id and ci.at >= s.from_at and ci.at < s.to_at and ci.kind = 'in'
        offset 0
      ) ci on ci.at >= p.from_at and ci.at < p.to_at
      where p.team = s.team
      group by p.n, p.from_at, p.start_date, p.end_date
    ) t
    -- Deactivated before the period began: not on its board (no anonymous line at 0 points every week).
    where u.deactivated_at is null or u.deactivated_at > t.from_at`.execute(db);
  for (const r of result.rows) {
    out[r.team]![r.n]!.push({
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
