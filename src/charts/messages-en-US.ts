/** Words drawn on charts, in English (zh-CN mirrors every key). Titles reuse the text board's. */
export const chartTextEnUS = {
  points: () => 'points',
  rankedName: (p: { rank: number; tied: boolean; name: string }) => `${p.tied ? '=' : ''}${p.rank}. ${p.name}`,
  shownOf: (p: { shown: number; total: number }) => `Top ${p.shown} of ${p.total} reps: the rest are listed in the message.`,
  leaderboardAlt: (p: { title: string; shown: number; leader: string; points: number }) =>
    `Bar chart: ${p.title}. ${p.shown} ${p.shown === 1 ? 'rep' : 'reps'} ranked by points; first ${p.leader} with ${p.points}.`,
  trendTitle: (p: { team: string; first: string; last: string }) => `${p.team}: 8 weeks, ${p.first} to ${p.last}`,
  personalTrendTitle: (p: { name: string; first: string; last: string }) => `${p.name} against the team median, ${p.first} to ${p.last}`,
  verifiedPerWeek: () => 'Verified visits per week',
  ratesPerWeek: () => 'Share per week (%)',
  punctuality: () => 'Reports on time',
  planAdherence: () => 'Plans kept',
  coverage: (p: { tier: 'A' | 'B' | 'C' }) => `Tier ${p.tier} customers covered`,
  teamMedian: () => 'Team median',
  teamAverage: () => 'Team',
  me: () => 'Me',
  othersCombined: (p: { count: number }) => `${p.count} more reps (median)`,
  trendAlt: (p: { title: string }) => `Line chart: ${p.title}. Verified visits per rep and the share of reports on time, week by week.`,
  week: (p: { start: string }) => p.start.slice(5),
};
