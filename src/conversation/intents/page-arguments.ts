/**
 * `下一页` / `next page`, `更多` / `more` on their own: the next page of a long answer Legwork split
 * into pages (a manager's `团队 上周` for a large team). Only the word alone (and trailing
 * punctuation) counts, so `更多客户` or `next week` stay what they were.
 */
import { isTrailingPunctuation, trimEndWhere } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { Intent } from './types.ts';

const WORDS = ['下一页', '下页', '更多', '继续', 'next page', 'next', 'more'];

function parseNextPage(args: string): Intent | undefined {
  return trimEndWhere(args, isTrailingPunctuation) === '' ? { kind: 'nextPage' } : undefined;
}

export const NEXT_PAGE_COMMANDS: readonly CommandEntry[] = [{ words: WORDS, build: parseNextPage }];
