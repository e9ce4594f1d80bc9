/**
 * Reminder texts in English: whole sentences from named parameters (zh-CN mirrors every key).
 * Texts that go to many people at once carry no name, so identical texts can be sent in one batch
 * call on platforms that have one.
 */
const duration = (minutes: number) => (minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`);

export const remindersEnUS = {
  reportDue: (p: { date: string; time: string }) =>
    `It's ${p.time}: your daily report for ${p.date} isn't in yet. Send "report" to see today's summary, or "report <text>" to file it. (Away? "away until Friday" pauses reminders.)`,
  reportFollowUp: (p: { date: string; deadline: string }) =>
    `Reminder: your daily report for ${p.date} is still missing (due by ${p.deadline}). Send "report <text>" to file it.`,
  checkoutDue: (p: { customer: string; since: string; minutes: number }) =>
    `Your visit at ${p.customer} has been open since ${p.since} (${duration(p.minutes)}). Send "checkout <notes>" when you leave.`,
  followUpsDue: (p: { date: string; lines: string }) => `Follow-ups due today (${p.date}):\n${p.lines}`,
  followUpLine: (p: { customer: string; nextStep: string }) => (p.nextStep ? `• ${p.customer}: ${p.nextStep}` : `• ${p.customer}`),
  overdueCustomers: (p: { lines: string }) => `Key customers overdue for a visit:\n${p.lines}`,
  overdueLine: (p: { customer: string; tier: string; days: number | null }) =>
    p.days === null ? `• ${p.customer} (tier ${p.tier}): never visited` : `• ${p.customer} (tier ${p.tier}): last visit ${p.days} days ago`,
};
