/**
 * Turns a chat message into an {@link Intent}.
 *
 * Reps type on phones, in Chinese or English, in group chats and DMs, so the parser is tolerant of
 * full-width characters, Chinese punctuation, missing spaces after Chinese command words, slash
 * commands and leading @mentions. It only recognises shape: it never validates names, dates,
 * coordinates or time zones (the use cases do, so they can answer in the user's language).
 */
import { withProseAsTyped } from './as-typed.ts';
import type { CommandName, Intent, Language, ReminderName, ScheduleTimeName, SettingsScope, TypedCoordinates } from './types.ts';

// NFKC already folds the full-width forms (，：；？！　) to ASCII, but not the ideographic
// full stop and enumeration comma (。、), so those are listed explicitly.

/**
 * Between a command word and its argument (`签到：华为`, `customer, Acme`, `日报\n...`), and around a
 * name or a visit-note section (`签到 华为。`, `demo went well; next: ...`).
 */
const isSeparator = (char: string) => /[\s:;,。、]/u.test(char);
/** What a command without arguments may still end with: `today?`, `帮助。`, `help!`. */
const isTrailingPunctuation = (char: string) => /[\s:;,.!?。、~]/u.test(char);
/**
 * English command words must end at a word boundary (`checkinx`, `reporter` are free text).
 * Hyphens and apostrophes are deliberately not boundaries: `today's`, `help-desk` are sentences.
 */
const ENGLISH_WORD_END = String.raw`(?=$|[\s:;,.!?。、])`;

interface CommandContext {
  /** The command word was English; only visit notes care (different customer/notes split). */
  english: boolean;
  /**
   * A Chinese command word glued to what follows (`工作日报…`): such a message is only taken as
   * this command when the rest has the command's shape.
   */
  attached: boolean;
}

interface CommandEntry {
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

const usage = (command: CommandName): Intent => ({ kind: 'usage', command });

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
    build: (args) => (args === '' ? { kind: 'checkOut' } : { kind: 'checkOut', notes: args }),
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
    build: withName('showCustomer', (name) => ({ kind: 'showCustomer', name })),
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
    build: withName('createTeam', (name) => ({ kind: 'createTeam', name })),
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
    build: withoutArguments({ kind: 'teamOverview' }),
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
];

const LEADERBOARD_WORDS: ReadonlyMap<string, Intent> = new Map<string, Intent>([
  ...['', '本周', '周', 'week', 'weekly', 'this week'].map((w) => [w, { kind: 'leaderboard', ...(w ? { period: 'week' } : {}) }] as const),
  ...['日', '今天', '今日', 'day', 'daily', 'today'].map((w) => [w, { kind: 'leaderboard', period: 'day' }] as const),
  ...['月', '本月', 'month', 'monthly', 'this month'].map((w) => [w, { kind: 'leaderboard', period: 'month' }] as const),
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
]);

function parseReminderSwitch(args: string, enabled: boolean): Intent {
  const reminder = REMINDER_NAMES.get(trimEndWhere(args, isTrailingPunctuation).toLowerCase().trim());
  return reminder ? { kind: 'reminderSwitch', reminder, enabled } : usage('reminderSwitch');
}

const LANGUAGE_NAMES: ReadonlyMap<string, Language> = new Map([
  ...['中文', '简体中文', 'zh', 'zh-cn', 'chinese', 'cn'].map((name) => [name, 'zh-CN'] as const),
  ...['english', '英文', '英语', 'en', 'en-us'].map((name) => [name, 'en-US'] as const),
]);

// ---------------------------------------------------------------------------------------------
// Schedule settings: `工作日 周一至周五`, `节假日 添加 10月1日 至 10月7日`, `quiet 22:00-07:00 team East`

/** `全公司` / `org` before or after the value: the org's defaults rather than my team's. */
const ORG_SCOPE = /^(?:全公司|整个公司|公司|org|company|organization|organisation)$/iu;
/** `团队 华东` / `team East` at the end: that team (the name runs to the end of the message). */
const TEAM_SCOPE = /(?:^|\s)(?:团队|team(?=\s))\s*(\S.*)$/iu;
/** What a weekday list starts with (`周一`, `星期五`, `每天`, `1-5`, `mon`): `工作日报` is not one. */
const WEEKDAY_START = /^(?:周|週|星期|礼拜|禮拜|每天|每日|天天|[一二三四五六日天1-7](?!\d)|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?![a-z])|every|daily|all)/iu;
/** Turning a setting off: `免打扰 关`, `report reminder off`. */
const OFF = /^(?:关|关闭|关掉|停|停止|取消|不要|无|off|none|no|disable|disabled|stop)$/iu;
const HOLIDAY_LIST = /^(?:列表|查看|list|show)$/iu;
const HOLIDAY_ADD = /^(?:添加|新增|增加|加|add(?![a-z]))/iu;
const HOLIDAY_REMOVE = /^(?:删除|移除|取消|删|(?:remove|delete|del)(?![a-z]))/iu;
/**
 * Between the two ends of a holiday range: `至`, `到`, `~`, `—`, ` - ` (a bare `-` is inside ISO dates,
 * except right after `日`/`号`: `10月1日-10月7日`), ` to `.
 */
const DATE_RANGE = /至|到|~|—|–|(?<=[日号])\s*-|\s-\s|\s(?:to|until|through|thru)\s/iu;

/** The setting's own text and the scope named around it (trimmed, trailing punctuation removed). */
function splitScope(args: string): { rest: string; scope?: SettingsScope } {
  let text = trimEndWhere(trimSeparators(args), isTrailingPunctuation);
  const team = TEAM_SCOPE.exec(text);
  if (team?.[1]) {
    const name = trimSeparators(team[1]);
    text = trimSeparators(text.slice(0, team.index));
    if (name !== '') return { rest: text, scope: { level: 'team', name } };
  }
  const words = text.split(/\s+/u);
  if (words.length > 0 && ORG_SCOPE.test(words[0]!)) return { rest: trimSeparators(words.slice(1).join(' ')), scope: { level: 'org' } };
  if (words.length > 1 && ORG_SCOPE.test(words.at(-1)!)) return { rest: trimSeparators(words.slice(0, -1).join(' ')), scope: { level: 'org' } };
  return { rest: text };
}

function withScope<I extends Intent>(intent: I, scope: SettingsScope | undefined): I {
  return scope ? { ...intent, scope } : intent;
}

function parseHolidays(args: string): Intent | undefined {
  const { rest, scope } = splitScope(args);
  if (rest === '' || HOLIDAY_LIST.test(rest)) return withScope({ kind: 'listHolidays' }, scope);
  const add = HOLIDAY_ADD.exec(rest);
  const remove = add ? null : HOLIDAY_REMOVE.exec(rest);
  const verb = add ?? remove;
  // `holiday season was slow` is a sentence; `节假日 2026-10-01` lacks only the verb.
  if (!verb) return /\d/u.test(rest) ? usage('holidays') : undefined;
  const dates = trimSeparators(rest.slice(verb[0].length));
  if (dates === '') return usage('holidays');
  return withScope({ kind: 'changeHolidays', action: add ? 'add' : 'remove', ...splitDateRange(dates) }, scope);
}

function splitDateRange(text: string): { from: string; to?: string } {
  const separator = DATE_RANGE.exec(text);
  if (separator && separator.index > 0) {
    const from = trimSeparators(text.slice(0, separator.index));
    const to = trimSeparators(text.slice(separator.index + separator[0].length));
    if (from !== '' && to !== '') return { from, to };
  }
  // `2026-10-01 2026-10-07`, `10月1日 10月7日`; but `Oct 1` is one date.
  const words = text.split(/\s+/u);
  if (words.length === 2 && words.every((word) => /\d/u.test(word))) return { from: words[0]!, to: words[1]! };
  return { from: text };
}

/**
 * A setting with a time-like value or `关` / `off`. A value without a digit is not this command
 * (`quiet meeting today` is a sentence, `日报提醒客户付款` a report), so parsing falls through.
 */
function parseSettingValue(
  args: string,
  attached: boolean,
  command: CommandName,
  build: (value: string | null) => Intent,
): Intent | undefined {
  const { rest, scope } = splitScope(args);
  // `quiet team lunch at 12` is a sentence, not quiet hours for a team called "lunch at 12".
  if (rest === '') return attached || scope ? undefined : usage(command);
  if (OFF.test(rest)) return withScope(build(null), scope);
  return /\d/u.test(rest) ? withScope(build(rest), scope) : undefined;
}

function parseScheduleTime(args: string, attached: boolean, setting: ScheduleTimeName): Intent | undefined {
  return parseSettingValue(args, attached, setting, (time) => ({ kind: 'setScheduleTime', setting, time }));
}

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

// ---------------------------------------------------------------------------------------------
// Coordinates

/** A number as typed: `22.54`, `-33.9`, `+1.`, `.5`, and the literals NaN / Infinity (validated later). */
const NUMBER_TOKEN = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+|NaN|Infinity)`;
/**
 * A trailing `lat,lng` pair (comma possibly full-width, spaces allowed around it; a trailing `。` or
 * spaces are trimmed before matching). The lookbehind
 * keeps the pair from starting inside a word or number (`Acme2,3`) but allows a Chinese name glued
 * to it (`华为22.5,113.9`).
 */
const TRAILING_COORDINATES = new RegExp(
  String.raw`(?<![\w.+-])(${NUMBER_TOKEN})\s*,\s*(${NUMBER_TOKEN})$`,
  'iu',
);
/**
 * `22.54 113.95`: a pair separated by spaces only, as copied from some map apps. Both numbers need a
 * decimal point, so a name ending in numbers (`7 11`, `Building 3 4`) stays a name.
 */
const TRAILING_SPACED_COORDINATES = /(?<![\w.+-])([+-]?\d+\.\d+)\s+([+-]?\d+\.\d+)$/u;

function splitTrailingCoordinates(args: string): { rest: string; coordinates?: TypedCoordinates } {
  const text = trimEndWhere(args, (char) => /[\s。]/u.test(char));
  const match = TRAILING_COORDINATES.exec(text) ?? TRAILING_SPACED_COORDINATES.exec(text);
  if (!match || match[1] === undefined || match[2] === undefined) return { rest: args };
  return {
    rest: text.slice(0, match.index),
    coordinates: { lat: toNumber(match[1]), lng: toNumber(match[2]) },
  };
}

function toNumber(token: string): number {
  // Number() only knows the exact spelling 'Infinity'; users may type 'infinity' or 'nan'.
  const unsigned = token.replace(/^[+-]/, '').toLowerCase();
  if (unsigned === 'nan') return Number.NaN;
  if (unsigned === 'infinity') return token.startsWith('-') ? -Infinity : Infinity;
  return Number(token);
}

// ---------------------------------------------------------------------------------------------
// Visit notes: `拜访 华为 聊得不错 下一步 发报价 跟进 下周五`
//              `visit Acme Corp: demo went well; next: send quote; follow up: next Friday`

type VisitSection = 'nextStep' | 'followUp';

/** Section labels; the first occurrence of each section wins, later ones stay part of the text. */
const VISIT_LABELS: ReadonlyArray<{ section: VisitSection; source: string }> = [
  // 下一步 practically never occurs in notes, so it is recognised anywhere, colon optional.
  { section: 'nextStep', source: String.raw`下一步\s*:?` },
  { section: 'followUp', source: String.raw`跟进日期\s*:?|跟进\s*:` },
  // A bare 跟进 is also an everyday verb ("需要跟进报价", "下一步 跟进报价"), so only as a standalone word.
  { section: 'followUp', source: String.raw`(?<=^|[\s;,。、])跟进(?=\s)` },
  // English labels need the colon: "next" and "follow up" are ordinary words in notes.
  { section: 'nextStep', source: String.raw`(?<=^|[\s;,。、])next(?:\s+steps?)?\s*:` },
  { section: 'followUp', source: String.raw`(?<=^|[\s;,。、])follow(?:\s+|-)?up(?:\s+date)?\s*:` },
];
// One capturing group per label (the sources only use non-capturing groups) tells which one matched.
const VISIT_LABEL_PATTERN = new RegExp(VISIT_LABELS.map(({ source }) => `(${source})`).join('|'), 'giu');

function parseVisitNote(args: string, english: boolean): Intent {
  const { head, sections } = splitVisitSections(args);
  const { customer, notes } = english ? splitEnglishCustomer(head) : splitChineseCustomer(head);
  if (customer === '' || notes === '') return usage('visitNote');
  return {
    kind: 'visitNote',
    customer,
    notes,
    ...(sections.nextStep ? { nextStep: sections.nextStep } : {}),
    ...(sections.followUp ? { followUp: sections.followUp } : {}),
  };
}

function splitVisitSections(args: string): {
  head: string;
  sections: Partial<Record<VisitSection, string>>;
} {
  const labels: Array<{ section: VisitSection; start: number; end: number }> = [];
  for (const match of args.matchAll(VISIT_LABEL_PATTERN)) {
    const label = VISIT_LABELS[match.slice(1).findIndex((group) => group !== undefined)];
    if (!label || labels.some(({ section }) => section === label.section)) continue;
    labels.push({ section: label.section, start: match.index, end: match.index + match[0].length });
  }
  // matchAll yields in text order, so `labels` is already sorted by position.
  const sections: Partial<Record<VisitSection, string>> = {};
  labels.forEach(({ section, end }, i) => {
    sections[section] = trimSeparators(args.slice(end, labels[i + 1]?.start ?? args.length));
  });
  return { head: args.slice(0, labels[0]?.start ?? args.length), sections };
}

/** Chinese: the customer is the first token, ended by whitespace or a colon (`华为：聊得不错`). */
function splitChineseCustomer(head: string): { customer: string; notes: string } {
  const text = trimSeparators(head);
  const end = text.search(/[\s:]/u);
  if (end < 0) return { customer: text, notes: '' };
  return { customer: trimSeparators(text.slice(0, end)), notes: trimSeparators(text.slice(end)) };
}

/**
 * English: the customer runs up to the first colon on the first line, so multi-word names work
 * (`visit Acme Corp: demo went well`); without a colon it is the first token.
 */
function splitEnglishCustomer(head: string): { customer: string; notes: string } {
  // Only trim whitespace: a trailing colon (`visit Acme Corp:`) still ends the customer name.
  const text = head.trim();
  const firstLineEnd = text.indexOf('\n');
  const colon = text.slice(0, firstLineEnd < 0 ? text.length : firstLineEnd).indexOf(':');
  const end = colon >= 0 ? colon : text.search(/\s/u);
  if (end < 0) return { customer: text, notes: '' };
  return { customer: trimSeparators(text.slice(0, end)), notes: trimSeparators(text.slice(end)) };
}

// ---------------------------------------------------------------------------------------------

// Trimming is done with loops, not `[...]+$` regexes: those are quadratic on long runs of spaces
// that do not reach the end (`签到 1,1` + 10k × `。 ` + `x` took ~2 s).

function trimSeparators(text: string): string {
  return trimEndWhere(trimStartWhere(text, isSeparator), isSeparator);
}

function trimStartWhere(text: string, trimmed: (char: string) => boolean): string {
  let start = 0;
  while (start < text.length && trimmed(text.charAt(start))) start++;
  return text.slice(start);
}

function trimEndWhere(text: string, trimmed: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && trimmed(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
