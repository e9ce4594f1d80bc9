import type { Db } from '../shared/db.ts';
import { instantsOf, periodOf, previousPeriod, type Period, type PeriodRange } from '../schedules/calendar.ts';
import type { TeamContext } from '../schedules/team-context.ts';
import { loadTallies, type TallyPeriod } from './load-tallies.ts';
import { rankReps, type RankedRep } from './scoring.ts';

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
  const range = periodOf(period, date);
  const before = previousPeriod(range);
  const rules = team.settings.leaderboard.points;
  const [current, previous] = await loadTallies(db, { orgId: team.orgId, teamId: team.id, periods: [periodSpan(range, team.timeZone), periodSpan(before, team.timeZone)] });
  const ranked = rankReps(current!, rules);
  const previousRank = new Map(rankReps(previous!, rules).map((r) => [r.userId, r.rank]));
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
