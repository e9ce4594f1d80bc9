/** Leaderboard texts in English: whole sentences from named parameters (zh-CN mirrors every key). */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const leaderboardEnUS = {
  title: (p: { team: string; period: 'day' | 'week' | 'month'; start: string; last: string }) =>
    p.period === 'day'
      ? `${p.team} leaderboard for ${p.start}`
      : p.period === 'week'
        ? `${p.team} leaderboard, week of ${p.start} to ${p.last}`
        : `${p.team} leaderboard for ${p.start.slice(0, 7)}`,
  asOf: (p: { date: string }) => `(so far, as of ${p.date})`,
  line: (p: { rank: number; tied: boolean; name: string; points: number; verified: number; nextSteps: number; reports: number; movement: string }) =>
    `${p.tied ? '=' : ''}${p.rank}. ${p.name} — ${plural(p.points, 'pt', 'pts')} (${plural(p.verified, 'verified visit', 'verified visits')}, ${p.nextSteps} with a next step, ${plural(p.reports, 'report', 'reports')} on time) ${p.movement}`,
  anonymous: () => '(a rep who opted out)',
  up: (p: { places: number }) => `↑${p.places}`,
  down: (p: { places: number }) => `↓${p.places}`,
  same: () => '→',
  more: (p: { count: number }) => `…and ${plural(p.count, 'more rep', 'more reps')}.`,
  total: (p: { points: number; verified: number; visits: number; reps: number }) =>
    `Team total: ${plural(p.points, 'pt', 'pts')} from ${plural(p.verified, 'verified visit', 'verified visits')} (${plural(p.visits, 'check-in visit', 'check-in visits')}, ${plural(p.reps, 'rep', 'reps')}).`,
  noReps: () => 'No reps in this team yet: they join with "join <team>".',
  notInTeam: () => 'You are not in a team yet. Join one with "join <team>".',
  optedOut: () => 'You are off the leaderboard: your points still count, but your name is hidden. "leaderboard on" shows it again.',
  optedIn: () => 'Your name is back on the leaderboard.',
};
