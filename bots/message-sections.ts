import type { Language } from '../src/conversation/intents/types.ts';

/**
 * Shared by the adapters that render a message's `sections` natively (Slack, DingTalk, WeCom): how a
 * line reads, and the one sentence an adapter adds itself when a platform's size limit leaves lines out.
 */

/** A section line as adapters see it: a list item (without its `•`) or a paragraph line. */
export interface SectionLine {
  text: string;
  bullet: boolean;
}

const bulletMark = /^\s*•\s*/;

export function sectionLine(line: string): SectionLine {
  return bulletMark.test(line) ? { text: line.replace(bulletMark, ''), bullet: true } : { text: line, bullet: false };
}

/**
 * Shown where an adapter had to stop because the platform's limit was reached, in the message's
 * language (whole sentences per language; a message without a language gets a neutral marker).
 */
export function omittedNote(language: Language | undefined, count: number): string {
  if (language === 'zh-CN') return `……另有 ${count} 行超出单条消息的长度限制，未显示。`;
  if (language === 'en-US') return `…and ${count} more ${count === 1 ? 'line' : 'lines'} that did not fit in one message.`;
  return `… (+${count})`;
}
