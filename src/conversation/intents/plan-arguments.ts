/**
 * Argument readers for the visit-plan commands (issue 14). They only split the text into date,
 * time, names, purpose and expected result; the plan use cases resolve and check each part.
 */
import { resolveDate } from '../dates/resolve-date.ts';
import { spellOutWeekdays } from '../dates/spell-out-weekdays.ts';
import { splitTrailingCoordinates } from './coordinate-arguments.ts';
import { isTrailingPunctuation, trimEndWhere, trimSeparators, usage } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { Intent } from './types.ts';

/** `10:00`, `9:30`, `25:00` (checked later), `3pm`, `下午3点`, `10点半`: the shape of a time of day. */
const TIME_SHAPE = /^(?:\d{1,2}:\d{2}|\d{1,2}\s?(?:am|pm)|(?:上午|下午|中午|晚上|早上)?\d{1,2}点(?:半|一刻|\d{1,2}分?)?)$/iu;
const WEEK_WORDS = new Map<string, 'this' | 'next'>([
  ...['本周', '这周', '本星期', 'week', 'this week', 'the week'].map((w) => [w, 'this'] as const),
  ...['下周', '下星期', 'next week'].map((w) => [w, 'next'] as const),
]);
/** English date phrases of two words start with one of these (`Dec 8`, `next Wed`). */
const TWO_WORD_DATE_START = /^(?:next|this|coming|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/iu;
/** Only the shape of the words matters here, so any fixed instant will do. */
const SHAPE_REFERENCE = { now: new Date(Date.UTC(2026, 0, 1)), timeZone: 'UTC' };
/** `目的 …` / `purpose: …`, `预期 …` / `expect: …`, each up to the next such marker. */
const FIELD_MARKERS = /(?:^|[\s;,。])(?:(目的|purpose\s*:)|(预期|期望|expect(?:ed)?(?:\s+result)?\s*:))\s*:?\s*/giu;

function isDate(words: string): boolean {
  return resolveDate(spellOutWeekdays(words), SHAPE_REFERENCE) !== null;
}

function tokens(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w !== '');
}

/** How many words at `from` spell a date (0 when none): `明天`, `Fri`, `Dec 8`, `next Wed`. */
function dateWordsAt(words: readonly string[], from: number): number {
  const word = words[from];
  if (word === undefined || TIME_SHAPE.test(word)) return 0;
  if (isDate(word)) return 1;
  const two = words.slice(from, from + 2);
  return two.length === 2 && TWO_WORD_DATE_START.test(word) && isDate(two.join(' ')) ? 2 : 0;
}

/** How many words at the end spell a date. */
export function dateWordsAtEnd(words: readonly string[]): number {
  if (words.length >= 2 && dateWordsAt(words, words.length - 2) === 2) return 2;
  return words.length >= 1 && dateWordsAt(words, words.length - 1) === 1 ? 1 : 0;
}

/** Several customers: `华为 腾讯 中兴`, `华为、腾讯`, `Huawei, Tencent, ZTE`; an English name may hold spaces. */
function splitCustomers(text: string): string[] {
  const separated = /[,，、;]/u.test(text) ? text.split(/[,，、;]/u) : /\p{Script=Han}/u.test(text) ? text.split(/\s+/u) : [text];
  return separated.map((name) => trimSeparators(name)).filter((name) => name !== '');
}

/** Cuts `目的 …` and `预期 …` (or `purpose: …`, `expect: …`) off the end of a plan. */
function splitFields(args: string): { head: string; purpose?: string; expected?: string } {
  const marks = [...args.matchAll(FIELD_MARKERS)];
  if (marks.length === 0) return { head: args };
  const out: { head: string; purpose?: string; expected?: string } = { head: args.slice(0, marks[0]!.index) };
  marks.forEach((mark, i) => {
    const end = marks[i + 1]?.index ?? args.length;
    const value = trimSeparators(args.slice(mark.index + mark[0].length, end));
    if (value === '') return;
    if (mark[1]) out.purpose ??= value;
    else out.expected ??= value;
  });
  return out;
}

/** Date, optional time and customers; undefined when the words hold no date first. */
function readPlanStops(words: readonly string[], rest: { purpose?: string; expected?: string }): Intent | undefined {
  const dateLength = dateWordsAt(words, 0);
  if (dateLength === 0) return undefined;
  const when = words.slice(0, dateLength).join(' ');
  const others = words.slice(dateLength);
  const timeAt = others.findIndex((w) => TIME_SHAPE.test(w));
  const time = timeAt >= 0 ? others[timeAt] : undefined;
  const customers = splitCustomers(others.filter((_, i) => i !== timeAt).join(' '));
  if (customers.length === 0) return time === undefined && !rest.purpose && !rest.expected ? { kind: 'planShow', when } : usage('plan');
  return {
    kind: 'planAdd',
    when,
    customers,
    ...(time !== undefined ? { time } : {}),
    ...(rest.purpose ? { purpose: rest.purpose } : {}),
    ...(rest.expected ? { expected: rest.expected } : {}),
  };
}

function parsePlan(args: string): Intent {
  const { head, ...fields } = splitFields(args);
  const text = trimEndWhere(head, isTrailingPunctuation).trim();
  const week = WEEK_WORDS.get(text.toLowerCase());
  if (text === '') return { kind: 'planShow' };
  if (week) return { kind: 'planShow', week: true, ...(week === 'next' ? { when: 'next week' } : {}) };
  const words = tokens(text);
  const stops = readPlanStops(words, fields);
  if (stops) return stops;
  // `计划 张三 [明天|本周]` / `plan Zhang [tomorrow|week]`: someone's plan.
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    const tailWeek = WEEK_WORDS.get(tail.toLowerCase());
    const who = words.slice(0, i).join(' ');
    if (tailWeek) return { kind: 'planShow', who, week: true, ...(tailWeek === 'next' ? { when: 'next week' } : {}) };
    if (dateWordsAt(words, i) === words.length - i) return { kind: 'planShow', who, when: tail };
  }
  return { kind: 'planShow', who: text };
}

function parseAssign(args: string): Intent {
  const { head, ...fields } = splitFields(args);
  const words = tokens(trimEndWhere(head, isTrailingPunctuation));
  for (let i = 1; i < words.length; i++) {
    if (dateWordsAt(words, i) === 0) continue;
    const stops = readPlanStops(words.slice(i), fields);
    if (stops?.kind === 'planAdd') return { ...stops, assignee: words.slice(0, i).join(' ') };
  }
  return usage('assign');
}

function parseCancel(args: string): Intent {
  const words = tokens(trimEndWhere(args, isTrailingPunctuation));
  const dateLength = words.length > 1 ? dateWordsAtEnd(words) : 0;
  const customer = trimSeparators(words.slice(0, words.length - dateLength).join(' '));
  if (customer === '') return usage('planCancel');
  return { kind: 'planCancel', customer, ...(dateLength > 0 ? { when: words.slice(-dateLength).join(' ') } : {}) };
}

function parseMove(args: string): Intent {
  const words = tokens(trimEndWhere(args, isTrailingPunctuation));
  const time = words.length > 0 && TIME_SHAPE.test(words.at(-1)!) ? words.pop() : undefined;
  const dateLength = words.length > 1 ? dateWordsAtEnd(words) : 0;
  const customer = trimSeparators(words.slice(0, words.length - dateLength).join(' '));
  if (dateLength === 0 || customer === '') return usage('planMove');
  return { kind: 'planMove', customer, when: words.slice(-dateLength).join(' '), ...(time !== undefined ? { time } : {}) };
}

function parseStartPoint(args: string): Intent {
  if (trimSeparators(args) === '') return { kind: 'planStartPoint' };
  const { rest, coordinates } = splitTrailingCoordinates(args);
  return coordinates && trimSeparators(rest) === '' ? { kind: 'planStartPoint', coordinates } : usage('planStartPoint');
}

/**
 * The plan commands, appended to the parser's command list. A Chinese word glued to what follows
 * (`计划书已发`) is prose, never a plan.
 */
export const PLAN_COMMANDS: readonly CommandEntry[] = [
  { words: ['计划', '外勤计划', 'plan', 'plans'], build: (args, { attached }) => (attached ? undefined : parsePlan(args)) },
  { words: ['安排', 'assign'], build: (args, { attached }) => (attached ? undefined : parseAssign(args)) },
  { words: ['取消计划', 'plan cancel', 'cancel plan'], build: (args) => parseCancel(args) },
  { words: ['改期', 'plan move', 'move plan'], build: (args, { attached }) => (attached ? undefined : parseMove(args)) },
  { words: ['设置出发点', '出发点', 'home', 'plan home'], build: (args) => parseStartPoint(args) },
  {
    words: ['建议计划', '推荐计划', 'plan suggest', 'suggest plan'],
    build: (args) => {
      const when = trimSeparators(trimEndWhere(args, isTrailingPunctuation));
      return when === '' ? { kind: 'planSuggest' } : { kind: 'planSuggest', when };
    },
  },
];
