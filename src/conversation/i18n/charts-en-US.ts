/** Chart replies (issue 18), in English; charts-zh-CN.ts mirrors every key. */
export const chartsEnUS = {
  chartsSet: (p: { on: boolean }): string =>
    p.on
      ? 'Charts are on: leaderboards and weekly digests carry a picture beside their text.'
      : 'Charts are off: leaderboards and digests are text only.',
  trendTeamTitle: (p: { team: string; first: string; last: string }) => `${p.team}: the last 8 weeks (${p.first} to ${p.last})`,
  trendMyTitle: (p: { team: string; first: string; last: string }) => `You against your team's median (${p.team}): the last 8 weeks (${p.first} to ${p.last})`,
  trendRepLine: (p: { name: string; lastWeek: number; total: number; punctuality: number }) =>
    `• ${p.name}: ${p.lastWeek} verified ${p.lastWeek === 1 ? 'visit' : 'visits'} in the latest week, ${p.total} in 8 weeks; reports on time ${p.punctuality}%`,
  trendMyLine: (p: { lastWeek: number; median: number; total: number; punctuality: number }) =>
    `• Latest week: ${p.lastWeek} verified ${p.lastWeek === 1 ? 'visit' : 'visits'} (team median ${p.median}); ${p.total} in 8 weeks; reports on time ${p.punctuality}%`,
  trendMore: (p: { count: number }) => `…and ${p.count} more ${p.count === 1 ? 'rep' : 'reps'} on the chart.`,
  trendNoTeam: () => 'You are not in a team yet, so there is no trend to show. Join one with "join <team>".',
  trendNoReps: () => 'Your team has no reps yet, so there is no trend to show.',
};
