import type { Leaderboard } from '../../src/core/leaderboards/build-leaderboard.ts';

const names = ['张伟', '李娜', '王芳', 'Anna Lee', '刘洋', '欧阳娜娜', 'Bob Smith', '陈静', '赵强', 'Mia'];

/** A board of `size` reps (Chinese and Latin names, every ninth opted out); `salt` varies the points. */
export function benchBoard(size: number, salt: number): Leaderboard {
  const entries = Array.from({ length: size }, (_, i) => ({
    userId: `rep-${i}`,
    name: i % 9 === 4 ? null : `${names[i % names.length]}${i >= names.length ? i : ''}`,
    visits: 5, verified: 4, outside: 0, verifiedWithNextStep: 1, reportsOnTime: 3,
    points: 200 - i * 5 + salt,
    rank: i + 1,
    tied: false,
    movement: 0,
  }));
  return { teamId: 'bench', teamName: '华东一组', period: { period: 'week', start: '2026-11-23', end: '2026-11-30' }, asOf: '2026-11-27', entries, total: { points: 0, verified: 0, visits: 0, reps: size } };
}
