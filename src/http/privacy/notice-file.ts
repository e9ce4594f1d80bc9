import { readFile } from 'node:fs/promises';
import type { Logger } from '../../logger.ts';
import type { Language } from '../../conversation/intents/types.ts';

/**
 * PRIVACY_NOTICE_FILE on Node: the company's own text for `/privacy`, `{lang}` in the path replaced
 * by the page's language (`zh-CN`, `en-US`). Read on every request, so edits show at once; a file
 * that cannot be read leaves the built-in notice alone on the page, with a warning in the log.
 */
export function noticeFromFile(path: string, logger: Logger): (language: Language) => Promise<string | undefined> {
  return async (language) => {
    const file = path.replaceAll('{lang}', language);
    try {
      return (await readFile(file, 'utf8')).trim() || undefined;
    } catch (error) {
      logger.warn({ path: file, err: error }, 'PRIVACY_NOTICE_FILE cannot be read; the privacy page shows the built-in notice only');
      return undefined;
    }
  };
}
