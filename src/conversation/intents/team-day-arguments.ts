/**
 * `团队 …` / `team …` with arguments (issue 13): a person's day (`团队 张三`, `team Zhang Dec 1`),
 * their week (`团队 张三 上周`), or the whole team on another day (`团队 昨天`, `team last week`).
 * Shape only: the person and the date are resolved by the use case. Anything longer than a name and
 * a date (`team lunch was great`) is not this command, so it stays free text.
 */
import { dateWordsAtEnd } from './plan-arguments.ts';
import { isTrailingPunctuation, trimEndWhere } from './command-text.ts';
import type { Intent, TeamWeek } from './types.ts';

const WEEK_WORDS: ReadonlyMap<string, TeamWeek> = new Map([
  ...['本周', '这周', '本星期', '这星期', 'this week', 'week'].map((w) => [w, 'this'] as const),
  ...['上周', '上星期', '上个星期', 'last week', 'past week'].map((w) => [w, 'last'] as const),
]);
/** At most this many words name a person (`Zhang`, `Zhang San`). */
const NAME_WORDS = 2;

export function parseTeamDay(args: string, attached: boolean): Intent | undefined {
  // `团队建设很重要` is a sentence, not a question about someone called 建设很重要.
  if (attached) return undefined;
  const words = trimEndWhere(args, isTrailingPunctuation).split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const lastTwo = words.slice(-2).join(' ').toLowerCase();
  const weekLength = words.length >= 2 && WEEK_WORDS.has(lastTwo) ? 2 : WEEK_WORDS.has(words.at(-1)!.toLowerCase()) ? 1 : 0;
  const week = weekLength > 0 ? WEEK_WORDS.get(words.slice(-weekLength).join(' ').toLowerCase()) : undefined;
  const dateLength = weekLength > 0 ? 0 : dateWordsAtEnd(words);
  const name = words.slice(0, words.length - weekLength - dateLength).join(' ');
  const when = dateLength > 0 ? words.slice(-dateLength).join(' ') : undefined;
  if (name.split(' ').length > NAME_WORDS) return undefined;
  return {
    kind: 'teamDay',
    ...(name !== '' ? { person: name } : {}),
    ...(when !== undefined ? { when } : {}),
    ...(week !== undefined ? { week } : {}),
  };
}
