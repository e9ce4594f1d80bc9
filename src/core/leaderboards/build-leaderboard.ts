import type { Db } from '../shared/db.ts';
import { instantsOf, periodOf, previousPeriod, type Period, type PeriodRange } from '../schedules/calendar.ts';
import type { TeamContext } from '../schedules/team-context.ts';
import { loadTeamsTallies, type TallyPeriod } from './load-tallies.ts';
import { rankReps, type RankedRep, type RepTally } from './scoring.ts';

/** A rep's line on the board. `name` is null for a rep who opted out. */
export interface LeaderboardEntry extends Omit<RankedRep, 'name' | 'optedOut'> {
  name: string | null;
  /** Places gained since the previous period (negative: lost). */
  movement: number;
}

/** A team's board for a period, built once and rendered per language and platform. */
export interface Leaderboard {
  teamId: string;
  teamName: string;
  period: PeriodRange;
  /** The local date the board was built for (the period may still be running). */
  asOf: string;
  entries: LeaderboardEntry[];
  total: { points: number; verified: number; visits: number; reps: number };
}

/**
 * Builds the board of the period containing `date` in the team's zone, with each rep's movement
 * against the previous period (ranked among the same reps).
 */
export async function buildLeaderboard(db: Db, team: TeamContext, period: Period, date: string): Promise<Leaderboard> {
  return (await buildLeaderboards(db, [{ team, date }], period))[0]!;
}

/** Teams a tallies statement covers: ~1 ms of execution each at 10,000 reps, one plan for all. */
const teamsPerStatement = 100;
/** Statements in flight at once: PostgreSQL runs them on separate cores (PGlite one after another). */
const statementsInFlight = 2;

/**
 * The boards of many teams for a period, each on its own local date (teams differ in zone), in
 * the order given: a few statements for all of them instead of one per team (`loadTeamsTallies`).
 */
export async function buildLeaderboards(db: Db, boards: readonly { team: TeamContext; date: string }[], period: Period): Promise<Leaderboard[]> {
  const ranges = boards.map(({ date }) => periodOf(period, date));
  const requests = boards.map(({ team }, i) => ({
    orgId: team.orgId,
    teamId: team.id,
    periods: [periodSpan(ranges[i]!, team.timeZone), periodSpan(previousPeriod(ranges[i]!), team.timeZone)],
  }));
  const chunks: (typeof requests)[] = [];
  for (let i = 0; i < requests.length; i += teamsPerStatement) chunks.push(requests.slice(i, i + teamsPerStatement));
  const tallies: RepTally[][][] = [];
  for (let i = 0; i < chunks.length; i += statementsInFlight) {
    for (const part of await Promise.all(chunks.slice(i, i + statementsInFlight).map((chunk) => loadTeamsTallies(db, chunk)))) tallies.push(...part);
  }
  return boards.map(({ team, date }, i) => toBoard(team, ranges[i]!, date, tallies[i]![0]!, tallies[i]![1]!));
}

function toBoard(team: TeamContext, range: PeriodRange, date: string, current: RepTally[], previous: RepTally[]): Leaderboard {
  const rules = team.settings.leaderboard.points;
  const ranked = rankReps(current, rules);
  const previousRank = new Map(rankReps(previous, rules).map((r) => [r.userId, r.rank]));
  return {
    teamId: team.id,
    teamName: team.name,
    period: range,
    asOf: date,
    entries: ranked.map(({ name, optedOut, ...rest }) => ({
      ...rest,
      name: optedOut ? null : name,
      movement: (previousRank.get(rest.userId) ?? rest.rank) - rest.rank,
    })),
    total: {
      points: ranked.reduce((n, r) => n + r.points, 0),
      verified: ranked.reduce((n, r) => n + r.verified, 0),
      visits: ranked.reduce((n, r) => n + r.visits, 0),
      reps: ranked.length,
    },
  };
}

/** A period of local dates as the instants and dates the tallies count. */
export function periodSpan(range: PeriodRange, timeZone: string): TallyPeriod {
  const { from, to } = instantsOf(range, timeZone);
  return { from, to, startDate: range.start, endDate: range.end };
}
