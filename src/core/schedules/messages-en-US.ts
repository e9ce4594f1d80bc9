/** Replies about schedule preferences, in English (zh-CN mirrors every key). */
export const schedulePrefsEnUS = {
  kindName: (p: { kind: 'report' | 'checkout' | 'followup' | 'overdue' | 'plan' }) =>
    ({ report: 'daily report', checkout: 'check-out', followup: 'follow-up', overdue: 'overdue key customer', plan: 'visit plan' })[p.kind],
  awaySet: (p: { date: string; weekday: number }) =>
    `Reminders paused through ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][p.weekday - 1]} ${p.date}. Send "back" to turn them on earlier.`,
  awayBadDate: (p: { text: string }) => `I couldn't read "${p.text}" as a date. Try "away until Friday" or "away until Dec 5".`,
  awayPastDate: (p: { date: string }) => `${p.date} has already passed. Try a later date, e.g. "away until Friday".`,
  back: () => 'Welcome back: your reminders are on again.',
  notAway: () => 'Your reminders are already on.',
  reminderOff: (p: { name: string; kind: string }) => `${p.name} reminders are off. "reminders on ${p.kind}" turns them back on.`,
  reminderOn: (p: { name: string }) => `${p.name} reminders are on.`,
};
