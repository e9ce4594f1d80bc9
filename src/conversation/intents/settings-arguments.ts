/**
 * Arguments of the schedule settings commands: `工作日 周一至周五`, `节假日 添加 10月1日 至 10月7日`,
 * `quiet 22:00-07:00 team East`. Shape only: values are validated by the use cases.
 */
import type { CommandName, Intent, ScheduleTimeName, SettingsScope } from './types.ts';
import { isTrailingPunctuation, trimEndWhere, trimSeparators, usage } from './command-text.ts';

/** `全公司` / `org` before or after the value: the org's defaults rather than my team's. */
const ORG_SCOPE = /^(?:全公司|整个公司|公司|org|company|organization|organisation)$/iu;
/** `团队 华东` / `team East` at the end: that team (the name runs to the end of the message). */
const TEAM_SCOPE = /(?:^|\s)(?:团队|team(?=\s))\s*(\S.*)$/iu;
/** What a weekday list starts with (`周一`, `星期五`, `每天`, `1-5`, `mon`): `工作日报` is not one. */
export const WEEKDAY_START = /^(?:周|週|星期|礼拜|禮拜|每天|每日|天天|[一二三四五六日天1-7](?!\d)|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?![a-z])|every|daily|all)/iu;
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
export function splitScope(args: string): { rest: string; scope?: SettingsScope } {
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

export function withScope<I extends Intent>(intent: I, scope: SettingsScope | undefined): I {
  return scope ? { ...intent, scope } : intent;
}

export function parseHolidays(args: string): Intent | undefined {
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
export function parseSettingValue(
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

export function parseScheduleTime(args: string, attached: boolean, setting: ScheduleTimeName): Intent | undefined {
  return parseSettingValue(args, attached, setting, (time) => ({ kind: 'setScheduleTime', setting, time }));
}
