/**
 * What a chat message asks for, independent of language and platform.
 * The parser only recognises shape; validation (coordinate ranges, dates, names) happens in the
 * use cases so that errors can be answered in the user's language.
 */
import type { PlanIntent } from './plan-intents.ts';
import type { PrivacyIntent } from './privacy-intents.ts';

export type Language = 'zh-CN' | 'en-US';

/** Raw numbers typed by the user as `lat,lng`; may be NaN or out of range: validated later. */
export interface TypedCoordinates {
  lat: number;
  lng: number;
}

export type Intent =
  | { kind: 'help' }
  /** `你好` / `hi` on its own: answered with the welcome or a pointer to help, never "not understood". */
  | { kind: 'greeting' }
  /** `取消` / `cancel` alone: ends the question waiting for an answer. */
  | { kind: 'cancel' }
  /** `下一页` / `next page` (`更多` / `more`) alone: the next page of a long answer split into pages. */
  | { kind: 'nextPage' }
  | { kind: 'checkIn'; customer?: string; coordinates?: TypedCoordinates }
  | { kind: 'checkOut'; notes?: string; nextStep?: string; followUp?: string }
  | { kind: 'visitNote'; customer: string; notes: string; nextStep?: string; followUp?: string }
  | { kind: 'report'; text?: string }
  | { kind: 'today' }
  | { kind: 'showCustomer'; name: string }
  | { kind: 'newCustomer'; name: string; coordinates?: TypedCoordinates }
  | { kind: 'createTeam'; name: string; manager?: string }
  | { kind: 'joinTeam'; name: string }
  | { kind: 'bindTeam'; name: string }
  | { kind: 'setTimeZone'; zone: string }
  | { kind: 'setLanguage'; language: Language }
  /** `排行榜 [日|周|月]` / `leaderboard [day|week|month]`: the team's standings on demand. */
  | { kind: 'leaderboard'; period?: 'day' | 'week' | 'month'; chart?: boolean }
  /** `趋势` / `trend`: 8 weeks as a chart (a manager: the team; a rep: themself against the median). */
  | { kind: 'trend' }
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
  /** `设置` / `settings`: the schedule settings in force for my team (or the scope named). */
  | { kind: 'showSettings'; scope?: SettingsScope }
  /** `工作日 周一至周五` / `workdays mon-fri`: the days as typed (read and checked by the use case). */
  | { kind: 'setWorkdays'; days: string; scope?: SettingsScope }
  /** `节假日` / `holidays`: the upcoming holidays. */
  | { kind: 'listHolidays'; scope?: SettingsScope }
  /** `节假日 添加 10月1日 至 10月7日` / `holiday remove 2026-10-01`: one date or an inclusive range, as typed. */
  | { kind: 'changeHolidays'; action: 'add' | 'remove'; from: string; to?: string; scope?: SettingsScope }
  /** `免打扰 22:00-07:00` / `quiet off`: the window as typed, or null for none. */
  | { kind: 'setQuietHours'; window: string | null; scope?: SettingsScope }
  /** `日报提醒 18:30` / `digest time 19:00` (and `关` / `off`): a daily time as typed, or null for none. */
  | { kind: 'setScheduleTime'; setting: ScheduleTimeName; time: string | null; scope?: SettingsScope }
  /** A bare number, answering a list the bot offered ("1", "２"). */
  | { kind: 'choose'; index: number }
  /** A known command word with missing or unusable arguments; `command` names which one for the usage hint. */
  | { kind: 'usage'; command: CommandName }
  /** Anything else: free text (may answer a question the bot asked, such as checkout notes). */
  | { kind: 'freeText'; text: string }
  /** `设为经理 张三 华东` / `make Zhang manager of East` (admins). */
  | { kind: 'assignManager'; person: string; team: string }
  /** `设为管理员 李四` / `make Li admin` (admins). */
  | { kind: 'assignAdmin'; person: string }
  /** `移出团队 王五 [华东]` / `remove Wang [from East]`. */
  | { kind: 'removeFromTeam'; person: string; team?: string }
  /** `同意 王五` / `approve Wang`, `拒绝 王五` / `decline Wang`: a join request. */
  | { kind: 'decideJoin'; person: string; approve: boolean }
  /** `加入方式 开放|审批` / `joining open|approval`, `共享备注 开|关` / `share notes on|off` (admins). */
  | { kind: 'setOrgAccess'; setting: 'openJoining' | 'shareTeamNotes' | 'charts'; enabled: boolean }
  /**
   * `团队 张三 [日期|上周]` / `team Zhang [date|last week]`: a person's day or week; without `person`,
   * `团队 昨天` / `team last week`: the team's digest for that day or week. Words as typed.
   */
  | { kind: 'teamDay'; person?: string; when?: string; week?: TeamWeek }
  /** `签到范围 300米` / `radius 300m`: the org's check-in radius, as typed (admins). */
  | { kind: 'setOrgRadius'; radius: string }
  /** `签到范围` / `radius` alone: the org's check-in radius now (and, to admins, how to change it). */
  | { kind: 'showOrgRadius' }
  /** `客户 华为 级别 A` / `customer Huawei owner Zhang` / `… radius 1000m`: the value as typed. */
  | { kind: 'changeCustomer'; customer: string; field: 'tier' | 'owner' | 'radius'; value: string }
  /** `积分规则` / `points`: the leaderboard's points in force. */
  | { kind: 'showPoints' }
  /** `积分 核实拜访 3 备注 2 日报 1` / `points verified 3 notes 2 report 1`: as typed (admins). */
  | { kind: 'setPoints'; rules: string }
  /** `API令牌 [新建|撤销 <名称>]` / `api token [new|revoke <name>]` (admins). */
  | { kind: 'apiToken'; action: 'list' }
  | { kind: 'apiToken'; action: 'new' | 'revoke'; name: string }
  /** `点评 张三 <内容>` / `comment Zhang <text>`: answers 张三's latest report (`👍` alone is a like). */
  | { kind: 'comment'; person: string; text: string }
  /** `后台` / `console`: a one-time link to the web console; `后台 退出` / `console logout` ends every session. */
  | { kind: 'console'; logout?: true }
  /** `提醒 范围外 关` / `alerts offsite off` (and on): one kind of real-time alert to this manager. */
  | { kind: 'alertSwitch'; alert: AlertName; enabled: boolean }
  /** `提醒` / `alerts`: which alerts reach me. */
  | { kind: 'showAlerts' }
  | PlanIntent
  | PrivacyIntent;

/** Real-time alert kinds a manager can switch off one by one. */
export type AlertName = 'offsite' | 'mocked' | 'lateReport' | 'joined';

/** `本周` / `this week` and `上周` / `last week` after `团队` / `team`. */
export type TeamWeek = 'this' | 'last';

/**
 * Whose schedule settings a command means: the whole org (`全公司` / `org`) or a team by name
 * (`团队 华东` / `team East`). Absent: the sender's own team.
 */
export type SettingsScope = { level: 'org' } | { level: 'team'; name: string };

/** Daily times a manager can set from chat. */
export type ScheduleTimeName = 'reportReminder' | 'dailyDigest';

/** Reminder kinds a person can switch off one by one. */
export type ReminderName = 'report' | 'checkout' | 'followup' | 'overdue' | 'plan';

export type CommandName =
  | 'leaderboard'
  | 'away'
  | 'reminderSwitch'
  | 'workdays'
  | 'holidays'
  | 'quietHours'
  | 'reportReminder'
  | 'dailyDigest'
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
  | 'setLanguage'
  | 'assignManager'
  | 'assignAdmin'
  | 'removeFromTeam'
  | 'decideJoin'
  | 'setOrgAccess'
  | 'plan'
  | 'planCancel'
  | 'planMove'
  | 'planStartPoint'
  | 'assign'
  | 'radius'
  | 'customerSetting'
  | 'points'
  | 'apiToken'
  | 'comment'
  | 'alerts'
  | 'deactivate'
  | 'erase'
  | 'locationRetention'
  | 'keepWorkRecords';
