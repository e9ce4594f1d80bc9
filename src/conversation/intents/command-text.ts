/**
 * The shape of command text, shared by the intent parser and its argument readers: what separates a
 * command word from its argument, what may trail a command, and trimming by character class.
 *
 * NFKC already folds the full-width forms (，：；？！　) to ASCII, but not the ideographic full stop
 * and enumeration comma (。、), so those are listed explicitly.
 */
import type { CommandName, Intent } from './types.ts';

/**
 * Between a command word and its argument (`签到：华为`, `customer, Acme`, `日报\n...`), and around a
 * name or a visit-note section (`签到 华为。`, `demo went well; next: ...`).
 */
export const isSeparator = (char: string) => /[\s:;,。、]/u.test(char);
/** What a command without arguments may still end with: `today?`, `帮助。`, `help!`. */
export const isTrailingPunctuation = (char: string) => /[\s:;,.!?。、~]/u.test(char);
/**
 * English command words must end at a word boundary (`checkinx`, `reporter` are free text).
 * Hyphens and apostrophes are deliberately not boundaries: `today's`, `help-desk` are sentences.
 */
export const ENGLISH_WORD_END = String.raw`(?=$|[\s:;,.!?。、])`;

/** "This command, but not like that": the reply shows the command's example. */
export const usage = (command: CommandName): Intent => ({ kind: 'usage', command });

// Trimming is done with loops, not `[...]+$` regexes: those are quadratic on long runs of spaces
// that do not reach the end (`签到 1,1` + 10k × `。 ` + `x` took ~2 s).

export function trimSeparators(text: string): string {
  return trimEndWhere(trimStartWhere(text, isSeparator), isSeparator);
}

export function trimStartWhere(text: string, trimmed: (char: string) => boolean): string {
  let start = 0;
  while (start < text.length && trimmed(text.charAt(start))) start++;
  return text.slice(start);
}

export function trimEndWhere(text: string, trimmed: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && trimmed(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
