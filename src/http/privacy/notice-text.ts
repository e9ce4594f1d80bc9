import type { Language } from '../../conversation/intents/types.ts';

/**
 * PRIVACY_NOTICE_TEXT: the company's own text for `/privacy` given in the configuration itself (the
 * Cloudflare Worker has no files for PRIVACY_NOTICE_FILE). One text for every language: a company
 * whose people read both writes both in it.
 */
export function noticeFromText(text: string): (language: Language) => Promise<string | undefined> {
  return async () => text;
}
