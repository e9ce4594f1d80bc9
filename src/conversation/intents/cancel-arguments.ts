/**
 * `取消` / `cancel`, `算了` / `never mind` on their own: end the question Legwork is waiting on
 * (a report's text, check-out notes, a numbered list), changing nothing else. Only the word alone
 * (and trailing punctuation) counts: `取消计划 华为` is its own command, and while a report's text
 * is awaited `取消了拜访` is that text.
 */
import { isTrailingPunctuation, trimEndWhere } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { Intent } from './types.ts';

const WORDS = ['取消', '算了', '不用了', '退出', 'cancel', 'never mind', 'nevermind', 'forget it'];

function parseCancel(args: string): Intent | undefined {
  return trimEndWhere(args, isTrailingPunctuation) === '' ? { kind: 'cancel' } : undefined;
}

export const CANCEL_COMMANDS: readonly CommandEntry[] = [{ words: WORDS, build: parseCancel }];
