/**
 * Turns a chat message into an {@link Intent}.
 *
 * Reps type on phones, in Chinese or English, in group chats and DMs, so the parser is tolerant of
 * full-width characters, Chinese punctuation, missing spaces after Chinese command words, slash
 * commands and leading @mentions. It only recognises shape: it never validates names, dates,
 * coordinates or time zones (the use cases do, so they can answer in the user's language).
 */
import { withProseAsTyped } from './as-typed.ts';
import { ENGLISH_WORD_END, escapeRegExp, isSeparator, isTrailingPunctuation, trimEndWhere, trimSeparators, trimStartWhere, usage } from './command-text.ts';
import { parseHolidays, parseScheduleTime, parseSettingValue, splitScope, WEEKDAY_START, withScope } from './settings-arguments.ts';
import { splitTrailingCoordinates } from './coordinate-arguments.ts';
import { parseCheckOut, parseVisitNote } from './visit-note-arguments.ts';
import { parseAssignManagerZh, parseCreateTeam, parseDecision, parseMake, parseOrgAccess, parseRemoveEn, parseRemoveZh } from './role-arguments.ts';
import { PLAN_COMMANDS } from './plan-arguments.ts';
import { PRIVACY_COMMANDS } from './privacy-arguments.ts';
import { parseTeamDay } from './team-day-arguments.ts';
import { parseCustomerChange, SETTINGS_CHAT_COMMANDS } from './settings-chat-arguments.ts';
import { API_TOKEN_COMMANDS } from './api-token-arguments.ts';
import { COMMENT_COMMANDS } from './comment-arguments.ts';
import { ALERT_COMMANDS } from './alert-arguments.ts';
import { GREETING_COMMANDS } from './greeting-arguments.ts';
import { CANCEL_COMMANDS } from './cancel-arguments.ts';
import { NEXT_PAGE_COMMANDS } from './page-arguments.ts';
import type { CommandName, Intent, Language, ReminderName } from './types.ts';

export interface CommandContext {
  /** The command word was English; only visit notes care (different customer/notes split). */
  english: boolean;
  /**
   * A Chinese command word glued to what follows (`工作日报…`): such a message is only taken as
   * this command when the rest has the command's shape.
   */
  attached: boolean;
}

export interface CommandEntry {
  /**
   * Command words. Words starting with an ASCII letter are English: case-insensitive, need a word
   * boundary, and a space inside may also be written as nothing or '-' (`check in`, `checkin`,
   * `check-in`). Any other word (Chinese, '?') may be followed directly by its argument (`签到华为`).
   */
  words: readonly string[];
  /**
   * Builds the intent from the argument text (command word and leading separators removed, trimmed).
   * Returns undefined when the message does not fit this command after all (`今天天气不错` starts
   * with 今天 but is not "today"), so parsing falls through to free text.
   */
  build: (args: string, context: CommandContext) => Intent | undefined;
}


/** For commands without arguments: only trailing punctuation may follow the command word. */
const withoutArguments =
  (intent: Intent) =>
  (args: string): Intent | undefined =>
    trimEndWhere(args, isTrailingPunctuation) === '' ? intent : undefined;

/** For commands whose only argument is a required name: a missing name asks for usage. */
const withName =
  (command: CommandName, build: (name: string) => Intent) =>
  (args: string): Intent => {
    const name = trimSeparators(args);
    return name === '' ? usage(command) : build(name);
  };

const COMMANDS: readonly CommandEntry[] = [
  {
    words: ['帮助', 'help', '?'],
    build: withoutArguments({ kind: 'help' }),
  },
  {
    words: ['签到', 'check in'],
    build: (args) => {
      const { rest, coordinates } = splitTrailingCoordinates(args);
      const customer = trimSeparators(rest);
      return {
        kind: 'checkIn',
        ...(customer !== '' ? { customer } : {}),
        ...(coordinates ? { coordinates } : {}),
      };
    },
  },
  {
    words: ['签退', 'check out'],
    build: (args) => parseCheckOut(args),
  },
  {
    words: ['拜访', 'visit'],
    build: (args, { english }) => parseVisitNote(args, english),
  },
  {
    words: ['日报', 'daily report', 'report'],
    build: (args) => (args === '' ? { kind: 'report' } : { kind: 'report', text: args }),
  },
  {
    words: ['今天', 'today'],
    build: withoutArguments({ kind: 'today' }),
  },
  {
    words: ['客户', 'customer'],
    // `客户 华为 级别 A` changes the customer; `客户 华为` alone is its card.
    build: (args) => parseCustomerChange(args) ?? withName('showCustomer', (name) => ({ kind: 'showCustomer', name }))(args),
  },
  {
    words: ['新客户', 'new customer'],
    build: (args) => {
      const { rest, coordinates } = splitTrailingCoordinates(args);
      const name = trimSeparators(rest);
      if (name === '') return usage('newCustomer');
      return { kind: 'newCustomer', name, ...(coordinates ? { coordinates } : {}) };
    },
  },
  {
    words: ['创建团队', 'team create', 'create team'],
    build: parseCreateTeam,
  },
  {
    words: ['加入团队', 'join team', 'join'],
    build: withName('joinTeam', (name) => ({ kind: 'joinTeam', name })),
  },
  {
    words: ['绑定团队', 'bind team', 'bind'],
    build: withName('bindTeam', (name) => ({ kind: 'bindTeam', name })),
  },
  {
    words: ['排行榜', '排行', 'leaderboard', 'ranking'],
    build: (args) => parseLeaderboard(trimEndWhere(args, isTrailingPunctuation).toLowerCase()),
  },
  {
    words: ['不参加排行', '不参加排行榜'],
    build: withoutArguments({ kind: 'leaderboardOptOut', optOut: true }),
  },
  {
    words: ['参加排行', '参加排行榜'],
    build: withoutArguments({ kind: 'leaderboardOptOut', optOut: false }),
  },
  {
    words: ['请假', 'away'],
    build: (args) => {
      // `请假 到 周五`, `请假到周五`, `away until Friday`, `away till Fri`: the date words follow.
      const until = trimSeparators(args.replace(/^(?:到|至|until|till|to)(?=\s|$|[^a-z])/iu, ''));
      return until === '' ? { kind: 'away' } : { kind: 'away', until };
    },
  },
  {
    words: ['恢复', '回来了', 'back'],
    build: withoutArguments({ kind: 'back' }),
  },
  {
    words: ['团队', 'team'],
    build: (args, { attached }) => withoutArguments({ kind: 'teamOverview' })(args) ?? parseTeamDay(args, attached),
  },
  {
    words: ['关闭提醒', 'reminders off', 'reminder off'],
    build: (args) => parseReminderSwitch(args, false),
  },
  {
    words: ['开启提醒', '打开提醒', 'reminders on', 'reminder on'],
    build: (args) => parseReminderSwitch(args, true),
  },
  {
    words: ['设置', '提醒设置', 'settings', 'schedule settings'],
    build: (args) => {
      const { rest, scope } = splitScope(args);
      return rest === '' ? withScope({ kind: 'showSettings' }, scope) : undefined;
    },
  },
  {
    words: ['工作日', 'workdays', 'workday', 'work days'],
    build: (args, { attached }) => {
      const { rest: days, scope } = splitScope(args);
      if (days === '') return attached ? undefined : usage('workdays');
      if (attached && !WEEKDAY_START.test(days)) return undefined;
      return withScope({ kind: 'setWorkdays', days }, scope);
    },
  },
  {
    words: ['节假日', 'holidays', 'holiday'],
    build: (args) => parseHolidays(args),
  },
  {
    words: ['免打扰', '勿扰', 'quiet hours', 'quiet'],
    build: (args, { attached }) => parseSettingValue(args, attached, 'quietHours', (window) => ({ kind: 'setQuietHours', window })),
  },
  {
    words: ['日报提醒', '日报提醒时间', 'report reminders', 'report reminder'],
    build: (args, { attached }) => parseScheduleTime(args, attached, 'reportReminder'),
  },
  {
    words: ['摘要时间', '简报时间', '每日简报', 'digest time', 'digest'],
    build: (args, { attached }) => parseScheduleTime(args, attached, 'dailyDigest'),
  },
  {
    // 'time zone' also covers 'timezone' and 'time-zone'.
    words: ['设置时区', '时区', 'time zone', 'tz'],
    build: withName('setTimeZone', (zone) => ({ kind: 'setTimeZone', zone })),
  },
  {
    words: ['语言', 'language'],
    build: (args) => {
      // A Map, not an object literal: `language constructor` must not find Object.prototype.
      const typed = trimEndWhere(args, isTrailingPunctuation).toLowerCase().replace(/_/g, '-');
      const language = LANGUAGE_NAMES.get(typed);
      return language ? { kind: 'setLanguage', language } : usage('setLanguage');
    },
  },
  { words: ['设为经理', '任命经理'], build: parseAssignManagerZh },
  { words: ['设为管理员', '任命管理员'], build: withName('assignAdmin', (person) => ({ kind: 'assignAdmin', person })) },
  { words: ['make'], build: parseMake },
  { words: ['移出团队'], build: parseRemoveZh },
  { words: ['remove'], build: parseRemoveEn },
  { words: ['同意', '批准', 'approve'], build: parseDecision(true) },
  { words: ['拒绝', 'decline', 'reject'], build: parseDecision(false) },
  { words: ['加入方式', 'joining'], build: parseOrgAccess('openJoining') },
  { words: ['共享备注', 'share notes'], build: parseOrgAccess('shareTeamNotes') },
  // Charts beside leaderboards and digests (issue 18): `图表 关` / `charts off`, and the trend on demand.
  { words: ['图表', 'charts'], build: parseOrgAccess('charts') },
  { words: ['趋势', 'trend', 'trends'], build: withoutArguments({ kind: 'trend' }) },
  ...PLAN_COMMANDS,
  ...SETTINGS_CHAT_COMMANDS,
  ...API_TOKEN_COMMANDS,
  ...COMMENT_COMMANDS,
  ...ALERT_COMMANDS,
  ...PRIVACY_COMMANDS,
  ...GREETING_COMMANDS,
  ...CANCEL_COMMANDS,
  ...NEXT_PAGE_COMMANDS,
];

const LEADERBOARD_WORDS: ReadonlyMap<string, Intent> = new Map<string, Intent>([
  ...['', '本周', '周', 'week', 'weekly', 'this week'].map((w) => [w, { kind: 'leaderboard', ...(w ? { period: 'week' } : {}) }] as const),
  ...['日', '今天', '今日', 'day', 'daily', 'today'].map((w) => [w, { kind: 'leaderboard', period: 'day' }] as const),
  ...['月', '本月', 'month', 'monthly', 'this month'].map((w) => [w, { kind: 'leaderboard', period: 'month' }] as const),
  // `排行榜 图` / `leaderboard chart` (and `排行榜 月 图`, `leaderboard month chart`): the board with its chart.
  ...(['week', 'day', 'month'] as const).flatMap((period) =>
    ({ week: ['', '本周', '周', 'week', 'this week'], day: ['日', '今天', 'day', 'today'], month: ['月', '本月', 'month', 'this month'] })[period].flatMap((w) =>
      ['图', '图表', 'chart', 'graph'].map((c) => [[w, c].filter(Boolean).join(' '), { kind: 'leaderboard', ...(w ? { period } : {}), chart: true }] as const),
    ),
  ),
  ...['off', '关闭', '不参加'].map((w) => [w, { kind: 'leaderboardOptOut', optOut: true }] as const),
  ...['on', '开启', '参加'].map((w) => [w, { kind: 'leaderboardOptOut', optOut: false }] as const),
] as [string, Intent][]);

function parseLeaderboard(args: string): Intent {
  return LEADERBOARD_WORDS.get(args) ?? usage('leaderboard');
}

const REMINDER_NAMES: ReadonlyMap<string, ReminderName> = new Map([
  ...['日报', 'report', 'reports', 'daily report'].map((w) => [w, 'report'] as const),
  ...['签退', 'checkout', 'check-out', 'check out'].map((w) => [w, 'checkout'] as const),
  ...['跟进', 'followup', 'follow-up', 'follow up', 'followups'].map((w) => [w, 'followup'] as const),
  ...['重点客户', '客户', 'overdue', 'customers', 'key customers'].map((w) => [w, 'overdue'] as const),
  // The day's plan in the morning and the reminder before each stop (issue 14).
  ...['计划', '外勤计划', '拜访计划', 'plan', 'plans', 'visit plan', 'visit plans'].map((w) => [w, 'plan'] as const),
]);

function parseReminderSwitch(args: string, enabled: boolean): Intent {
  const reminder = REMINDER_NAMES.get(trimEndWhere(args, isTrailingPunctuation).toLowerCase().trim());
  return reminder ? { kind: 'reminderSwitch', reminder, enabled } : usage('reminderSwitch');
}

const LANGUAGE_NAMES: ReadonlyMap<string, Language> = new Map([
  ...['中文', '简体中文', 'zh', 'zh-cn', 'chinese', 'cn'].map((name) => [name, 'zh-CN'] as const),
  ...['english', '英文', '英语', 'en', 'en-us'].map((name) => [name, 'en-US'] as const),
]);

interface CommandMatcher {
  pattern: RegExp;
  english: boolean;
  entry: CommandEntry;
}

/**
 * Longest word first, so that `新客户` wins over `客户`, `daily report` over `report` and
 * `join team X` over `join X` (a team literally called "team X" must be typed `join team team X`).
 */
const MATCHERS: readonly CommandMatcher[] = COMMANDS.flatMap((entry) =>
  entry.words.map((word) => ({ word, entry })),
)
  .sort((a, b) => b.word.length - a.word.length)
  .map(({ word, entry }) => {
    const english = /^[a-z]/i.test(word);
    const source = english
      ? word.split(' ').map(escapeRegExp).join(String.raw`(?:\s+|-)?`) + ENGLISH_WORD_END
      : escapeRegExp(word);
    return { pattern: new RegExp(`^${source}`, english ? 'iu' : 'u'), english, entry };
  });

/** Leading @mentions (`@Legwork `, `@机器人 `): group chats address the bot this way. */
const LEADING_MENTIONS = /^(?:@\S+(?:\s+|$))+/u;
/** `/legwork help`, `legwork checkin X`: the bot's name used as a namespace (Slack slash command). */
const BOT_NAMESPACE = new RegExp(`^legwork${ENGLISH_WORD_END}`, 'iu');
/** `3`, `#3`, `第3个`, `①` (NFKC turns circled and full-width digits into ASCII). */
const CHOICE = /^(?:#\s*)?(\d+)[.。]?$|^第\s*(\d+)\s*个?$/u;

export interface ParseOptions {
  /**
   * Whether a Chinese command word may be glued to its argument (`签到华为`). Off while the bot waits
   * for free text (checkout notes, the report), where `客户很满意` is an answer, not a command.
   */
  gluedCommands?: boolean;
}

export function parseIntent(text: string, options: ParseOptions = {}): Intent {
  // Parsing reads the NFKC form (full-width letters, digits and punctuation as ASCII); prose fields
  // (notes, reports, free text) then get the characters as typed back.
  const body = text.normalize('NFKC').trim().replace(LEADING_MENTIONS, '');
  const command = body.replace(/^\/\s*/, '');
  const glued = options.gluedCommands ?? true;
  const intent = parseChoice(body) ?? parseCommand(command, glued) ?? parseNamespaced(command, glued) ?? { kind: 'freeText', text: body };
  return withProseAsTyped(intent, text);
}

function parseCommand(text: string, glued: boolean): Intent | undefined {
  for (const { pattern, english, entry } of MATCHERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const next = text.charAt(match[0].length);
    if (!glued && !english && next !== '' && !isSeparator(next) && !isTrailingPunctuation(next)) continue;
    const args = trimStartWhere(text.slice(match[0].length), isSeparator).trimEnd();
    const intent = entry.build(args, { english, attached: !english && next !== '' && !isSeparator(next) });
    if (intent) return intent;
  }
  return undefined;
}

function parseNamespaced(text: string, glued: boolean): Intent | undefined {
  const match = BOT_NAMESPACE.exec(text);
  if (!match) return undefined;
  const rest = trimStartWhere(text.slice(match[0].length), isSeparator);
  // The bare bot name (`/legwork`) is most likely someone wondering what the bot does.
  return trimEndWhere(rest, isTrailingPunctuation) === '' ? { kind: 'help' } : parseCommand(rest, glued);
}

function parseChoice(text: string): Intent | undefined {
  const match = CHOICE.exec(text);
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) return undefined;
  const index = Number(digits);
  return index >= 1 && index <= 99 ? { kind: 'choose', index } : undefined;
}
