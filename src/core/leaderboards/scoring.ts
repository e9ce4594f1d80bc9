import type { ScheduleSettings } from '../schedules/settings.ts';

export type PointRules = ScheduleSettings['leaderboard']['points'];

/** What one rep did in a period, counted from the database. */
export interface RepTally {
  userId: string;
  name: string;
  optedOut: boolean;
  /** Visits that began with a check-in (any status). */
  visits: number;
  verified: number;
  outside: number;
  /** Verified visits with both notes and a next step. */
  verifiedWithNextStep: number;
  reportsOnTime: number;
  /** Verified visits that fulfilled a planned stop (issue 14); absent counts as none. */
  verifiedPlanned?: number;
}

export interface RankedRep extends RepTally {
  points: number;
  /** 1-based; reps tied on points, verified visits and on-time reports share a rank. */
  rank: number;
  tied: boolean;
}

/** Points for one rep: only verified visits score (outside scores `outsideVisit`, 0 by default). */
export function pointsOf(tally: RepTally, rules: PointRules): number {
  return (
    tally.verified * rules.verifiedVisit +
    tally.verifiedWithNextStep * rules.notesAndNextStep +
    tally.outside * rules.outsideVisit +
    tally.reportsOnTime * rules.reportOnTime +
    (tally.verifiedPlanned ?? 0) * rules.plannedVisit
  );
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranks a team's reps. Order: points, then verified visits, then on-time reports (more first); reps
 * equal on all three share a rank ("competition" ranking: 1, 2, 2, 4). Within a tie, named reps are
 * listed by name and opted-out reps after them by id, so the order never depends on query order and
 * never reveals an opted-out rep's name.
 */
export function rankReps(tallies: readonly RepTally[], rules: PointRules): RankedRep[] {
  const scored = tallies.map((t) => ({ ...t, points: pointsOf(t, rules), rank: 0, tied: false }));
  const key = (r: RankedRep) => [r.points, r.verified, r.reportsOnTime] as const;
  scored.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    if (a.optedOut !== b.optedOut) return a.optedOut ? 1 : -1;
    return a.optedOut ? byCodePoint(a.userId, b.userId) : byCodePoint(a.name, b.name) || byCodePoint(a.userId, b.userId);
  });
  const same = (a: RankedRep, b: RankedRep) => key(a).every((v, i) => v === key(b)[i]);
  scored.forEach((rep, i) => {
    const previous = scored[i - 1];
    rep.rank = previous && same(previous, rep) ? previous.rank : i + 1;
  });
  scored.forEach((rep, i) => {
    rep.tied = (i > 0 && scored[i - 1]!.rank === rep.rank) || (i + 1 < scored.length && scored[i + 1]!.rank === rep.rank);
  });
  return scored;
}
