import { weekdayRuns } from './setting-values.ts';

/** Whose settings a reply is about: a team by name, or (absent) the whole org's defaults. */
export interface SettingsWhere {
  team?: string;
}

/** Runs of consecutive dates ('YYYY-MM-DD' first and last), and how many more runs were left out. */
export interface HolidayRuns {
  runs: Array<[string, string]>;
  more: number;
}

/** The settings in force, as `设置` / `settings` shows them. */
export interface SettingsView extends SettingsWhere, HolidayRuns {
  workdays: number[];
  quietHours: { start: string; end: string } | null;
  report: string | null;
  reportFollowUp: string | null;
  digest: string | null;
  weeklyLeaderboard: { weekday: number; time: string } | null;
  canChange: boolean;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const day = (n: number) => DAYS[n - 1] ?? String(n);
const days = (list: number[]) =>
  list.length === 0 ? 'none' : weekdayRuns(list).map(([a, b]) => (a === b ? day(a) : b === a + 1 ? `${day(a)}, ${day(b)}` : `${day(a)}–${day(b)}`)).join(', ');
const where = (p: SettingsWhere) => (p.team ? `team ${p.team}` : 'the whole company (the default for teams)');
const run = ([a, b]: [string, string]) => (a === b ? a : `${a} – ${b}`);
const holidays = (p: HolidayRuns) =>
  p.runs.length === 0 ? 'none' : `${p.runs.map(run).join(', ')}${p.more > 0 ? ` and ${p.more} more` : ''}`;
const range = (p: { from: string; to: string }) => (p.from === p.to ? p.from : `${p.from} to ${p.to}`);

/** Replies about schedule settings changed from chat, in English (zh-CN mirrors every key). */
export const scheduleSettingsEnUS = {
  summary: (p: SettingsView) =>
    [
      `Schedule settings for ${where(p)}:`,
      `• Workdays: ${days(p.workdays)}`,
      `• Upcoming holidays: ${holidays(p)}`,
      `• Quiet hours: ${p.quietHours ? `${p.quietHours.start}–${p.quietHours.end}` : 'none'}`,
      `• Daily report reminder: ${p.report ? `${p.report}${p.reportFollowUp ? ` (again at ${p.reportFollowUp})` : ''}` : 'off'}`,
      `• Manager's daily digest: ${p.digest ?? 'off'}`,
      `• Weekly leaderboard: ${p.weeklyLeaderboard ? `${day(p.weeklyLeaderboard.weekday)} ${p.weeklyLeaderboard.time}` : 'off'}`,
      'Times are each person\'s local time.',
      p.canChange
        ? 'Change them with e.g. "workdays mon-fri", "holiday add Oct 1 to Oct 7", "quiet 22:00-07:00", "report reminder 18:30", "digest time 19:00".'
        : 'Only a team\'s manager or an admin can change them.',
    ].join('\n'),
  holidayList: (p: SettingsWhere & HolidayRuns) => `Upcoming holidays for ${where(p)}: ${holidays(p)}.`,

  workdaysSet: (p: SettingsWhere & { days: number[] }) => `Workdays for ${where(p)} are now ${days(p.days)}.`,
  holidaysAdded: (p: SettingsWhere & HolidayRuns & { from: string; to: string }) =>
    `Holiday added for ${where(p)}: ${range(p)}. No reminders, digests or scheduled leaderboards then.\nUpcoming holidays: ${holidays(p)}.`,
  holidaysRemoved: (p: SettingsWhere & HolidayRuns & { from: string; to: string }) =>
    `${range(p)} is no longer a holiday for ${where(p)}.\nUpcoming holidays: ${holidays(p)}.`,
  holidaysAlready: (p: SettingsWhere & { from: string; to: string }) => `${range(p)} is already a holiday for ${where(p)}.`,
  holidaysNotFound: (p: SettingsWhere & { from: string; to: string }) =>
    `${range(p)} is not a holiday for ${where(p)}. Send "holidays" to see them.`,
  holidayOrgWide: (p: { date: string }) =>
    `${p.date} is a holiday for the whole company; an admin can remove it with "holiday remove ${p.date} org".`,
  quietSet: (p: SettingsWhere & { start: string; end: string }) =>
    `Quiet hours for ${where(p)} are now ${p.start}–${p.end}: nothing is sent then, and a reminder still relevant goes out when they end.`,
  quietOff: (p: SettingsWhere) => `Quiet hours for ${where(p)} are off: reminders go out at their time, day or night.`,
  reportReminderSet: (p: SettingsWhere & { time: string; followUp: string | null }) =>
    `The daily report reminder for ${where(p)} is now at ${p.time} on workdays${p.followUp ? `, again at ${p.followUp} if the report is still not in` : ''}.`,
  reportReminderOff: (p: SettingsWhere) => `Daily report reminders for ${where(p)} are off.`,
  digestSet: (p: SettingsWhere & { time: string }) => `The manager's daily digest for ${where(p)} now comes at ${p.time} on workdays.`,
  digestOff: (p: SettingsWhere) => `The manager's daily digest for ${where(p)} is off.`,
  timeInQuietHours: (p: { time: string; start: string; end: string }) =>
    `Note: ${p.time} is inside quiet hours (${p.start}–${p.end}), so it waits until they end (and is skipped if the day is over by then).`,
  keptByTeams: (p: { teams: string[] }) => `Teams with their own setting keep it: ${p.teams.join(', ')}.`,

  unknownWeekday: (p: { token: string }) => `"${p.token}" is not a weekday. Example: workdays mon-fri, or workdays mon,wed,fri.`,
  noWorkdays: () => 'Name at least one workday. Example: workdays mon-fri.',
  badTime: (p: { text: string }) => `"${p.text}" is not a time of day. Use 24-hour HH:MM, e.g. 18:30.`,
  badWindow: (p: { text: string }) => `I couldn't read "${p.text}" as quiet hours. Give start and end, e.g. quiet 22:00-07:00, or quiet off.`,
  emptyWindow: () => 'Quiet hours need a different start and end, e.g. quiet 22:00-07:00 (or quiet off).',
  badDate: (p: { text: string }) => `"${p.text}" is not a date I can read. Try 2026-10-01, Oct 1 or 10/1.`,
  rangeBackwards: (p: { from: string; to: string }) => `${p.to} is before ${p.from}. Give the first day first, e.g. holiday add Oct 1 to Oct 7.`,
  rangeTooLong: (p: { max: number }) => `That is more than ${p.max} days. Add long breaks in parts of at most ${p.max} days.`,
  datePassed: (p: { date: string }) => `${p.date} has already passed. Holidays only matter for days to come.`,

  notAllowed: () => 'Only a team\'s manager or an admin can change schedule settings. Send "settings" to see the ones in force.',
  onlyAdminForOrg: () => 'Only an admin can change the whole company\'s settings. Leave out "org" to change your own team\'s.',
  onlyManagerOfTeam: (p: { team: string }) => `Only the manager of team ${p.team} or an admin can change its settings.`,
  whichTeam: (p: { teams: string[] }) =>
    `You manage several teams (${p.teams.join(', ')}). Add the team at the end, e.g. "quiet 22:00-07:00 team ${p.teams[0] ?? 'East'}".`,
  teamNotFound: (p: { name: string }) => `No team named "${p.name}".`,
};

export type ScheduleSettingsMessages = typeof scheduleSettingsEnUS;
