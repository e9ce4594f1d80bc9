import { describe, expect, it } from 'vitest';
import { pointsOf, rankReps, type RepTally } from './scoring.ts';
import { defaultScheduleSettings } from '../schedules/settings.ts';

const rules = defaultScheduleSettings.leaderboard.points;
const tally = (userId: string, name: string, t: Partial<RepTally> = {}): RepTally => ({
  userId, name, optedOut: false, visits: 0, verified: 0, outside: 0, verifiedWithNextStep: 0, reportsOnTime: 0, ...t,
});

describe('leaderboard scoring', () => {
  it('scores only verified visits: 3 each, +2 with notes and a next step, 1 per on-time report', () => {
    expect(pointsOf(tally('u', 'U', { visits: 5, verified: 2, outside: 3, verifiedWithNextStep: 1, reportsOnTime: 2 }), rules)).toBe(3 * 2 + 2 + 2);
  });

  it('ranks by points, then verified visits, then reports; full ties share a rank', () => {
    const ranked = rankReps(
      [
        tally('5', 'Eve'),
        tally('4', 'Dan', { verified: 1, verifiedWithNextStep: 1, reportsOnTime: 2, optedOut: true }), // 7
        tally('3', 'Cat', { verified: 2, verifiedWithNextStep: 1, reportsOnTime: 1 }), // 9
        tally('2', 'Ben', { verified: 3 }), // 9, more verified
        tally('1', 'Ann', { verified: 2, verifiedWithNextStep: 1, reportsOnTime: 1 }), // 9, same as Cat
      ],
      rules,
    );
    expect(ranked.map((r) => [r.name, r.points, r.rank, r.tied])).toEqual([
      ['Ben', 9, 1, false],
      ['Ann', 9, 2, true],
      ['Cat', 9, 2, true],
      ['Dan', 7, 4, false],
      ['Eve', 0, 5, false],
    ]);
  });

  it('lists opted-out reps after named ones within a tie, ordered by id rather than name', () => {
    const ranked = rankReps([tally('b', 'Aaron', { optedOut: true }), tally('a', 'Zed', { optedOut: true }), tally('c', 'Mia')], rules);
    expect(ranked.map((r) => r.userId)).toEqual(['c', 'a', 'b']);
    expect(ranked.every((r) => r.rank === 1 && r.tied)).toBe(true);
  });

  it('uses the org rules when they differ from the defaults', () => {
    const custom = { verifiedVisit: 1, notesAndNextStep: 0, reportOnTime: 5, outsideVisit: 1, plannedVisit: 0 };
    const ranked = rankReps([tally('1', 'A', { verified: 4 }), tally('2', 'B', { reportsOnTime: 1, outside: 1 })], custom);
    expect(ranked.map((r) => [r.name, r.points, r.rank])).toEqual([['B', 6, 1], ['A', 4, 2]]);
  });

  it('adds the planned-visit bonus for each verified visit to a planned stop (issue 14)', () => {
    const rules = { verifiedVisit: 3, notesAndNextStep: 2, reportOnTime: 1, outsideVisit: 0, plannedVisit: 1 };
    expect(pointsOf(tally('1', 'A', { verified: 2, verifiedPlanned: 1 }), rules)).toBe(7);
    expect(pointsOf(tally('1', 'A', { verified: 2 }), rules)).toBe(6);
  });
});
