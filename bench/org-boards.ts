import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { instantsOf, periodOf, previousPeriod } from '../src/core/schedules/calendar.ts';
import { loadSettingsBook } from '../src/core/schedules/settings-repository.ts';
import { listTeams, type TeamContext } from '../src/core/schedules/team-context.ts';
import { buildLeaderboards, type Leaderboard } from '../src/core/leaderboards/build-leaderboard.ts';
import { buildDailyDigest } from '../src/core/digests/build-daily-digest.ts';
import { loadManagedTeams } from '../src/core/digests/managed-teams.ts';
import type { DailyDigest } from '../src/core/digests/types.ts';
import { addDays } from '../src/conversation/dates/local-date.ts';
import { localDayRange } from '../src/core/shared/local-day.ts';
import { summarize, type LatencySummary } from './lib/stats.ts';
import { localDate, zone } from './org-seed.ts';

/** Core and bare SQL over the same teams, each round timed as a whole; the median round counts. */
export interface PairedTiming {
  coreMs: number;
  bareMs: number;
  ratio: number;
  /** Rounds whose core and bare results disagreed on some number (must be 0). */
  mismatches: string[];
}

type Num = string | number;
const n = (v: Num | null | undefined) => Number(v ?? 0);

/** The numbers a board shows per rep for the current week, as "user → tally" for comparison. */
type Tallies = Map<string, string>;
const tally = (visits: number, verified: number, outside: number, next: number, onTime: number) => `${visits}/${verified}/${outside}/${next}/${onTime}`;

/**
 * Bare SQL for one team's weekly board: the same counts (check-ins by status, verified ones with
 * notes and a next step, on-time reports) for this week and last, in one statement, as someone
 * would write it by hand for a team: by the reps' own rows, with no settings, ranking or names.
 */
async function bareBoard(db: Kysely<Database>, teamId: string, span: { from: Date; mid: Date; to: Date; first: string; mid_: string; end: string }): Promise<Tallies> {
  const rows = await sql<{ user_id: string; this_week: boolean; a: Num; b: Num; c: Num; d: Num; kind: string }>`
    with reps as (select user_id from team_memberships where team_id = ${teamId} and role = 'rep')
    select 'visits' as kind, ci.user_id, ci.at >= ${span.mid} as this_week, count(*) as a,
      count(*) filter (where ci.status = 'verified') as b, count(*) filter (where ci.status = 'outside') as c,
      count(*) filter (where ci.status = 'verified' and btrim(v.notes) <> '' and btrim(v.next_step) <> '') as d
    from check_ins ci join visits v on v.id = ci.visit_id
    where ci.user_id in (select user_id from reps) and ci.at >= ${span.from} and ci.at < ${span.to} and ci.kind = 'in'
    group by 2, 3
    union all
    select 'reports', user_id, report_date >= ${span.mid_}::date, count(*), 0, 0, 0 from daily_reports
    where user_id in (select user_id from reps) and report_date >= ${span.first}::date and report_date < ${span.end}::date and not late
    group by 2, 3`.execute(db);
  const week = new Map<string, { v: number; ver: number; out: number; next: number; on: number }>();
  for (const r of rows.rows) {
    if (!r.this_week) continue;
    const t = week.get(r.user_id) ?? { v: 0, ver: 0, out: 0, next: 0, on: 0 };
    if (r.kind === 'visits') Object.assign(t, { v: n(r.a), ver: n(r.b), out: n(r.c), next: n(r.d) });
    else t.on = n(r.a);
    week.set(r.user_id, t);
  }
  return new Map([...week].filter(([, t]) => t.v + t.on > 0).map(([id, t]) => [id, tally(t.v, t.ver, t.out, t.next, t.on)]));
}

const boardTallies = (board: Leaderboard): Tallies =>
  new Map(board.entries.filter((e) => e.visits + e.reportsOnTime > 0).map((e) => [e.userId, tally(e.visits, e.verified, e.outside, e.verifiedWithNextStep, e.reportsOnTime)]));

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Runs `rounds` alternating rounds of core and bare; the median round of each side counts. */
async function paired(rounds: number, core: () => Promise<Map<string, string>[]>, bare: () => Promise<Map<string, string>[]>, label: string): Promise<PairedTiming> {
  const coreTimes: number[] = [];
  const bareTimes: number[] = [];
  const mismatches: string[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first, so neither always finds the caches the other warmed.
    const order = round % 2 === 0 ? (['core', 'bare'] as const) : (['bare', 'core'] as const);
    const results: Record<string, Map<string, string>[]> = {};
    for (const side of order) {
      const t0 = performance.now();
      results[side] = await (side === 'core' ? core() : bare());
      (side === 'core' ? coreTimes : bareTimes).push(performance.now() - t0);
    }
    results.core!.forEach((c, i) => {
      if (!same(c, results.bare![i]!) && mismatches.length < 3) mismatches.push(`${label} #${i} round ${round}: core ${JSON.stringify([...c].slice(0, 3))} vs bare ${JSON.stringify([...results.bare![i]!].slice(0, 3))}`);
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const coreMs = median(coreTimes);
  const bareMs = median(bareTimes);
  return { coreMs, bareMs, ratio: coreMs / bareMs, mismatches };
}

/** Every team's weekly board (src/core/leaderboards) beside the bare SQL of each, as of `asOf`. */
export async function measureLeaderboards(db: Kysely<Database>, asOf: Date, rounds: number): Promise<PairedTiming & { teams: number }> {
  const teams: TeamContext[] = await listTeams(db, await loadSettingsBook(db));
  const date = localDate(asOf);
  const week = periodOf('week', date);
  const prev = previousPeriod(week);
  const span = {
    from: instantsOf(prev, zone).from,
    mid: instantsOf(week, zone).from,
    to: instantsOf(week, zone).to,
    first: prev.start,
    mid_: week.start,
    end: week.end,
  };
  const result = await paired(
    rounds,
    // All boards together, as the API, the console and the scheduled post build them.
    async () => (await buildLeaderboards(db, teams.map((team) => ({ team, date })), 'week')).map(boardTallies),
    async () => {
      const out: Tallies[] = [];
      for (const team of teams) out.push(await bareBoard(db, team.id, span));
      return out;
    },
    'leaderboard of team',
  );
  return { ...result, teams: teams.length };
}

/** What a daily digest says per rep, as "user → numbers" for comparison. */
const digestNumbers = (digest: DailyDigest): Map<string, string> =>
  new Map(
    digest.teams.flatMap((t) =>
      t.reps.map((r) => [
        r.userId,
        [r.visits.total, r.visits.verified, r.visits.outside, r.visits.unverified, r.customers.length, r.openCheckIns.length, r.offSite.length, r.report, r.followUpsTomorrow.length, r.overdueCustomers.length].join('/'),
      ]),
    ),
  );

/**
 * Bare SQL for one manager's daily digest: per rep of their teams, the day's visits by status,
 * customers seen, open check-ins, off-site ones, the report, tomorrow's follow-ups and overdue key
 * customers (default intervals A 7, B 30, C 90 days), in one statement.
 */
async function bareDigest(db: Kysely<Database>, managerId: string, day: { from: Date; to: Date; date: string; tomorrow: string; now: Date }): Promise<Map<string, string>> {
  const rows = await sql<{ user_id: string; total: Num; verified: Num; outside: Num; unverified: Num; customers: Num; open: Num; report: string; follow_ups: Num; overdue: Num }>`
    with reps as (
      select m.user_id from teams t join team_memberships m on m.team_id = t.id and m.role = 'rep' where t.manager_id = ${managerId}
    ), day as (
      select v.user_id, count(*) as total, count(*) filter (where ci.status = 'verified') as verified,
        count(*) filter (where ci.status = 'outside') as outside, count(*) filter (where v.source = 'check_in' and coalesce(ci.status, 'unverified') = 'unverified') as unverified,
        count(distinct v.customer_id) as customers, count(*) filter (where v.source = 'check_in' and v.ended_at is null) as open
      from visits v left join check_ins ci on ci.visit_id = v.id and ci.kind = 'in'
      where v.user_id in (select user_id from reps) and v.started_at >= ${day.from} and v.started_at < ${day.to}
      group by 1
    ), fu as (
      select user_id, count(*) as n from visits where user_id in (select user_id from reps) and follow_up_date = ${day.tomorrow}::date group by 1
    ), od as (
      select c.owner_id, count(*) as n from customers c
      where c.owner_id in (select user_id from reps)
        and coalesce((select max(v.started_at) from visits v where v.customer_id = c.id), c.created_at)
          <= ${day.now}::timestamptz - make_interval(days => case c.tier when 'A' then 7 when 'B' then 30 else 90 end)
      group by 1
    )
    select reps.user_id, coalesce(day.total, 0) as total, coalesce(day.verified, 0) as verified, coalesce(day.outside, 0) as outside,
      coalesce(day.unverified, 0) as unverified, coalesce(day.customers, 0) as customers, coalesce(day.open, 0) as open,
      case when r.late then 'late' when r.late = false then 'in' else 'missing' end as report,
      coalesce(fu.n, 0) as follow_ups, coalesce(od.n, 0) as overdue
    from reps left join day on day.user_id = reps.user_id
    left join daily_reports r on r.user_id = reps.user_id and r.report_date = ${day.date}::date
    left join fu on fu.user_id = reps.user_id left join od on od.owner_id = reps.user_id`.execute(db);
  return new Map(
    rows.rows.map((r) => [r.user_id, [n(r.total), n(r.verified), n(r.outside), n(r.unverified), n(r.customers), n(r.open), n(r.outside), r.report, n(r.follow_ups), n(r.overdue)].join('/')]),
  );
}

/**
 * Every manager's daily digest (loadManagedTeams + buildDailyDigest, what sending one does before
 * rendering) beside bare SQL of the same numbers; one manager's latency is each call's own time.
 */
export async function measureDigests(db: Kysely<Database>, asOf: Date, rounds: number): Promise<PairedTiming & { managers: number; one: LatencySummary }> {
  const book = await loadSettingsBook(db);
  const managers = (await db.selectFrom('teams').select('manager_id').distinct().orderBy('manager_id').execute()).map((r) => r.manager_id);
  const date = localDate(asOf);
  const { start, end } = localDayRange(date, zone);
  const day = { from: start, to: end, date, tomorrow: addDays(date, 1), now: asOf };
  const latencies: number[] = [];
  const result = await paired(
    rounds,
    async () => {
      const out: Map<string, string>[] = [];
      for (const managerId of managers) {
        const t0 = performance.now();
        const teams = await loadManagedTeams(db, book, managerId);
        const digest = await buildDailyDigest(db, { managerId, date, now: asOf, teams });
        latencies.push(performance.now() - t0);
        out.push(digestNumbers(digest));
      }
      return out;
    },
    async () => {
      const out: Map<string, string>[] = [];
      for (const managerId of managers) out.push(await bareDigest(db, managerId, day));
      return out;
    },
    'digest of manager',
  );
  return { ...result, managers: managers.length, one: summarize(latencies) };
}
