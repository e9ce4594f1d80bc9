/** Digest texts in English: whole sentences and lines from named parameters (zh-CN mirrors every key). */
import { formatDistance } from '../../conversation/i18n/distance.ts';

const km = formatDistance['en-US'];
const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
/** A rep's report in a daily digest; none on a day off (weekend, holiday) is not missing. */
const reportWords = { in: 'report in', late: 'report in (late)', missing: 'report missing', dayOff: 'day off, no report due', away: 'away' } as const;

type PlanWeek = { planned: number; done: number };
type Coverage = readonly { tier: string; visited: number; total: number }[];
/** A share as a whole percentage; a week without plans says so instead of 0%. */
const share = (done: number, of: number) => `${Math.round((100 * done) / of)}%`;
const adherence = (w: PlanWeek) => (w.planned === 0 ? 'no plan' : `${w.done} of ${w.planned} stops done (${share(w.done, w.planned)})`);

export const digestEnUS = {
  dailyTitle: (p: { date: string }) => `Daily digest for ${p.date}`,
  weeklyTitle: (p: { start: string; last: string }) => `Weekly digest, ${p.start} to ${p.last}`,
  dailyTeam: (p: { team: string; reps: number; visits: number; verified: number; outside: number; reportsIn: number; late: number; missing: number }) =>
    `${p.team}: ${n(p.reps, 'rep', 'reps')}, ${n(p.visits, 'visit', 'visits')} (${p.verified} verified, ${p.outside} outside); reports ${p.reportsIn} in, ${p.late} late, ${p.missing} missing`,
  dailyRep: (p: { name: string; visits: number; verified: number; outside: number; customers: string; report: 'in' | 'late' | 'missing' | 'dayOff' | 'away' }) =>
    p.visits === 0
      ? `${p.name}: no visits; ${reportWords[p.report]}`
      : `${p.name}: ${n(p.visits, 'visit', 'visits')} (${p.verified} verified, ${p.outside} outside) at ${p.customers}; ${reportWords[p.report]}`,
  openCheckIn: (p: { customer: string; since: string }) => `  • checked in at ${p.customer} since ${p.since}, no check-out`,
  offSite: (p: { customer: string; distanceM: number }) => `  • off-site check-in at ${p.customer}, ${km(p.distanceM)} away`,
  doubtfulLocation: (p: { customer: string; reason: 'mocked' | 'inaccurate' }) =>
    p.reason === 'mocked'
      ? `  • check-in at ${p.customer}: the phone reported a simulated location`
      : `  • check-in at ${p.customer}: location too imprecise to verify`,
  followUpTomorrow: (p: { customer: string; nextStep: string }) => `  • follow-up tomorrow: ${p.customer}${p.nextStep ? ` (${p.nextStep})` : ''}`,
  overdue: (p: { customer: string; tier: string; days: number | null }) =>
    p.days === null ? `  • overdue: ${p.customer} (tier ${p.tier}, never visited)` : `  • overdue: ${p.customer} (tier ${p.tier}, ${n(p.days, 'day', 'days')} since the last visit)`,
  noReps: (p: { team: string }) => `${p.team}: no reps yet.`,
  weeklyTeam: (p: { team: string; visits: number; visitsTrend: string; verified: number; verifiedTrend: string; outside: number; reportsIn: number; late: number; missing: number; points: number; pointsTrend: string }) =>
    `${p.team}: ${n(p.visits, 'visit', 'visits')} (${p.visitsTrend} on the week before), ${p.verified} verified (${p.verifiedTrend}), ${p.outside} outside; reports ${p.reportsIn} in, ${p.late} late, ${p.missing} missing; ${n(p.points, 'pt', 'pts')} (${p.pointsTrend})`,
  weeklyRep: (p: { name: string; visits: number; visitsTrend: string; verified: number; verifiedTrend: string; outside: number; customers: number; reportsIn: number; late: number; missing: number; points: number; pointsTrend: string }) =>
    `${p.name}: ${n(p.visits, 'visit', 'visits')} (${p.visitsTrend}), ${p.verified} verified (${p.verifiedTrend}), ${p.outside} outside, ${n(p.customers, 'customer', 'customers')}; reports ${p.reportsIn} in, ${p.late} late, ${p.missing} missing; ${n(p.points, 'pt', 'pts')} (${p.pointsTrend})`,
  trend: (p: { delta: number }) => (p.delta > 0 ? `+${p.delta}` : p.delta < 0 ? `−${-p.delta}` : '±0'),
  notManager: (p: { admins: string }): string =>
    p.admins ? `The team digest is for team managers. To manage a team, ask an admin (${p.admins}).` : 'The team digest is for team managers.',
  weeklyPlan: (p: { current: PlanWeek; previous: PlanWeek }) => `  • plan: ${adherence(p.current)}; the week before: ${adherence(p.previous)}`,
  coverage: (p: { current: Coverage; previous: Coverage }) =>
    `Coverage (customers visited within their tier's interval): ${p.current.map((c) => `${c.tier} ${c.visited}/${c.total} (${share(c.visited, c.total)})`).join(', ')}; the week before: ${p.previous.map((c) => `${c.tier} ${share(c.visited, c.total)}`).join(', ')}`,
  planLine: (p: { planned: number; done: number; missed: string; unplanned: number }) =>
    `  • plan: ${p.planned} planned, ${p.done} done${p.missed ? `, missed: ${p.missed}` : ''}; ${n(p.unplanned, 'unplanned visit', 'unplanned visits')}`,
  reportFeedback: (p: { feedback: 'answered' | 'read' }): string =>
    p.feedback === 'answered' ? '  • report: you answered it ✓' : '  • report: you read it (not answered yet)',
};
