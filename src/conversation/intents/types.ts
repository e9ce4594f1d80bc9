/**
 * What a chat message asks for, independent of language and platform.
 * The parser only recognises shape; validation (coordinate ranges, dates, names) happens in the
 * use cases so that errors can be answered in the user's language.
 */
export type Language = 'zh-CN' | 'en-US';

/** Raw numbers typed by the user as `lat,lng`; may be NaN or out of range: validated later. */
export interface TypedCoordinates {
  lat: number;
  lng: number;
}

export type Intent =
  | { kind: 'help' }
  | { kind: 'checkIn'; customer?: string; coordinates?: TypedCoordinates }
  | { kind: 'checkOut'; notes?: string }
  | { kind: 'visitNote'; customer: string; notes: string; nextStep?: string; followUp?: string }
  | { kind: 'report'; text?: string }
  | { kind: 'today' }
  | { kind: 'showCustomer'; name: string }
  | { kind: 'newCustomer'; name: string; coordinates?: TypedCoordinates }
  | { kind: 'createTeam'; name: string }
  | { kind: 'joinTeam'; name: string }
  | { kind: 'bindTeam'; name: string }
  | { kind: 'setTimeZone'; zone: string }
  | { kind: 'setLanguage'; language: Language }
  /** `排行榜 [日|周|月]` / `leaderboard [day|week|month]`: the team's standings on demand. */
  | { kind: 'leaderboard'; period?: 'day' | 'week' | 'month' }
  /** `不参加排行` / `leaderboard off` (and on): points still count, the name is hidden. */
  | { kind: 'leaderboardOptOut'; optOut: boolean }
  /** `请假 到 周五` / `away until Friday`: no reminders through that date (today when absent). */
  | { kind: 'away'; until?: string }
  /** `恢复` / `back`: reminders on again. */
  | { kind: 'back' }
  /** `团队` / `team`: a manager's picture of the team today. */
  | { kind: 'teamOverview' }
  /** `关闭提醒 日报` / `reminders off report` (and on): one kind of reminder. */
  | { kind: 'reminderSwitch'; reminder: ReminderName; enabled: boolean }
  /** A bare number, answering a list the bot offered ("1", "２"). */
  | { kind: 'choose'; index: number }
  /** A known command word with missing or unusable arguments; `command` names which one for the usage hint. */
  | { kind: 'usage'; command: CommandName }
  /** Anything else: free text (may answer a question the bot asked, such as checkout notes). */
  | { kind: 'freeText'; text: string };

/** Reminder kinds a person can switch off one by one. */
export type ReminderName = 'report' | 'checkout' | 'followup' | 'overdue';

export type CommandName =
  | 'leaderboard'
  | 'away'
  | 'reminderSwitch'
  | 'checkIn'
  | 'checkOut'
  | 'visitNote'
  | 'report'
  | 'showCustomer'
  | 'newCustomer'
  | 'createTeam'
  | 'joinTeam'
  | 'bindTeam'
  | 'setTimeZone'
  | 'setLanguage';
