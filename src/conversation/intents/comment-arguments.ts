/**
 * Feedback and the console from chat (issue 15): `点评 张三 <内容>` / `comment Zhang <text>` and
 * `后台` / `console`. Shape only: the person is looked up and the permission checked by the use case.
 */
import { isSeparator, isTrailingPunctuation, trimEndWhere, trimStartWhere, usage } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { Intent } from './types.ts';

/** The first word names the person (`@` allowed); everything after it is the reply, as typed. */
function parseComment(args: string, { attached }: { attached: boolean }): Intent | undefined {
  // `点评很到位` glued to the word is a sentence, not a command.
  if (attached) return undefined;
  // The name ends at a space or a separator (`点评：王五，周五前发出`).
  const match = /^([^\s:;,。、]+)(?:[\s:;,。、]+([\s\S]*))?$/u.exec(args);
  const person = match ? match[1]!.replace(/^@/, '') : '';
  const text = trimStartWhere(match?.[2] ?? '', isSeparator).trim();
  if (person === '' || text === '') return usage('comment');
  return { kind: 'comment', person, text };
}

const LOGOUT_WORDS = new Set(['退出', '登出', '退出登录', 'logout', 'log out', 'sign out']);

export const COMMENT_COMMANDS: readonly CommandEntry[] = [
  { words: ['点评', '回复日报', 'comment'], build: parseComment },
  {
    words: ['后台', '管理后台', '控制台', 'console'],
    build: (args) => {
      const rest = trimEndWhere(args, isTrailingPunctuation).toLowerCase();
      if (rest === '') return { kind: 'console' };
      return LOGOUT_WORDS.has(rest) ? { kind: 'console', logout: true } : undefined;
    },
  },
];
