/**
 * English replies for a manager's view of a person's day and week (`team Zhang`, issue #13), spread
 * into en-US.ts. team-day-zh-CN.ts provides the same keys.
 */
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const REPORT = { in: 'report in', late: 'report late', missing: 'no report', dayOff: 'day off', away: 'away', notJoined: 'not yet joined' } as const;

export const teamDayEnUS = {
  teamDayNotYours: (p: { person: string; managers: string[]; admins: string[] }) =>
    p.managers.length > 0
      ? `Only ${p.person}'s manager (${p.managers.join(', ')}) or an admin (${p.admins.join(', ')}) can see their day.`
      : `Only an admin (${p.admins.join(', ')}) can see ${p.person}'s day.`,
  teamDayTitle: (p: { person: string; date: string; weekday: number }) => `${p.person}'s day, ${WEEKDAYS[p.weekday - 1]} ${p.date}`,
  teamDayVisitsHeading: (p: { count: number }) => `Check-ins and visits (${p.count})`,
  teamDayNoVisits: () => 'No check-ins or visits.',
  teamDayVisitLine: (p: { time: string; customer: string; status: string; distanceM: number | null; open: boolean }) =>
    `• ${p.time} ${p.customer}: ${p.status}${p.distanceM === null ? '' : `, ${p.distanceM} m away`}${p.open ? ' (not checked out)' : ''}`,
  teamDayNotes: (p: { notes: string }) => `  Notes: ${p.notes}`,
  teamDayNextStep: (p: { nextStep: string | null; followUp: string | null }) =>
    `  Next step: ${p.nextStep ?? '-'}${p.followUp ? ` (follow up ${p.followUp})` : ''}`,
  teamDayReportHeading: (p: { time: string; late: boolean }) => `Daily report (submitted ${p.time}${p.late ? ', late' : ''})`,
  teamDayReportMissing: (p: { dayOff: boolean }): string => (p.dayOff ? 'Daily report: none (day off)' : 'Daily report: not filed'),
  teamWeekTitle: (p: { person: string; from: string; to: string }) => `${p.person}'s week, ${p.from} to ${p.to}`,
  teamWeekDayLine: (p: { date: string; weekday: number; visits: number; verified: number; outside: number; report: keyof typeof REPORT; planned: number; planDone: number }) =>
    `• ${WEEKDAYS[p.weekday - 1]} ${p.date}: ${p.visits} visit${p.visits === 1 ? '' : 's'} (${p.verified} verified, ${p.outside} outside), ${REPORT[p.report]}` +
    (p.planned > 0 ? `, plan ${p.planDone} of ${p.planned} done` : ''),
  teamDayBadDate: (p: { text: string }) => `I can't read the date "${p.text}". Try: yesterday, Mon, Dec 1, last week.`,

  // --- h13 leftovers: away days and days before joining are not "no report" (issue #13 trial) ---
  teamDayNoReportDue: (p: { why: 'away' | 'notJoined' }): string => (p.why === 'away' ? 'Daily report: none (away)' : 'Daily report: none (not yet joined)'),
  teamWeekNotJoinedLine: (p: { date: string; weekday: number }) => `• ${WEEKDAYS[p.weekday - 1]} ${p.date}: not yet joined`,
};
