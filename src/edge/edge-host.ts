import type { AppConfig } from '../config.ts';
import type { HttpHost } from '../app/http-routes.ts';
import { bundledScripts } from './bundled-scripts.ts';
import { noticeFromText } from '../http/privacy/notice-text.ts';

/** What `POST /admin/backup` answers on the Worker (501): there is no embedded database to copy. */
export const edgeBackupDetail =
  'Legwork on Cloudflare Workers keeps its data in your PostgreSQL (through Hyperdrive), not in an embedded database: back that database up with pg_dump or your provider\'s backups, and keep DATA_ENCRYPTION_KEY with it.';

/**
 * The Worker's side of the shared routes (src/app/http-routes.ts): ECharts and Scalar bundled as
 * text, .xlsx written by the fflate writer (exceljs's streaming writer is not in the browser build a
 * Worker bundles; the two read back the same: test/api/xlsx-zip-writer.test.ts). The company's
 * privacy text comes from PRIVACY_NOTICE_TEXT; PRIVACY_NOTICE_FILE names a file on disk, which a
 * Worker does not have: it stops the Worker with a message saying so rather than serving a privacy
 * notice without the company's part.
 */
export function edgeHttpHost(config: AppConfig): HttpHost {
  if (config.privacyNoticeFile) {
    throw new Error('PRIVACY_NOTICE_FILE is set: the Worker has no files to read it from. Put the company text in PRIVACY_NOTICE_TEXT instead (wrangler.toml [vars] or `wrangler secret put`), or leave /privacy to the built-in notice.');
  }
  return {
    ...bundledScripts,
    ...(config.privacyNoticeText ? { privacyNotice: noticeFromText(config.privacyNoticeText) } : {}),
    xlsxWriter: () => import('../http/api/exports/xlsx-zip-writer.ts'),
  };
}
