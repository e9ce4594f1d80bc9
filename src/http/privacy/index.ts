import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { Logger } from '../../logger.ts';
import type { Language } from '../../conversation/intents/types.ts';
import { exportTokenSpent, spendExportToken, verifyExportToken } from '../../core/privacy/export-link.ts';
import { exportPersonData } from '../../core/privacy/export-person-data.ts';
import { languageFromHeader } from '../location-page/page-text.ts';
import { pageHead } from '../location-page/page-head.ts';
import { privacyPageText } from './privacy-page-text.ts';

export interface PrivacyPagesDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  linkSecret: string;
  /** LOCATION_RETENTION_DAYS, shown on the notice. */
  locationRetentionDays: number;
  /**
   * The company's own text in the page's language, shown under the built-in notice (Node reads
   * PRIVACY_NOTICE_FILE: ./notice-file.ts). Absent or undefined: the built-in notice alone.
   */
  companyNotice?: (language: Language) => Promise<string | undefined>;
}

/**
 * `GET /privacy`: the notice in the visitor's language (`?lang=` or Accept-Language), extended with
 * the company's text. `GET /privacy/export/:token` shows a download button and `POST` spends the
 * one-time link and returns the zip: a GET never spends it, so a chat app previewing the link cannot
 * use it up.
 */
export function mountPrivacyPages(app: Hono, deps: PrivacyPagesDeps): void {
  app.get('/privacy', async (c) => {
    const language = languageOf(c);
    const t = privacyPageText[language];
    const company = await deps.companyNotice?.(language);
    const nonce = crypto.randomUUID().replace(/-/g, '');
    const rows = t.rows(deps.locationRetentionDays).map((r) => `<tr>${r.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
    const body = `<main>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro)}</p>
<h2>${escapeHtml(t.storedHeading)}</h2>
<table><thead><tr>${t.columns.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
<p>${escapeHtml(t.notStored)}</p>
<h2>${escapeHtml(t.rightsHeading)}</h2>
<ul>${t.rights.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>
${company ? `<h2>${escapeHtml(t.companyHeading)}</h2>\n${company.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n')}` : ''}
</main>`;
    return page(c, language, t.title, nonce, body);
  });

  app.get('/privacy/export/:token', async (c) => {
    const check = verifyExportToken(deps.linkSecret, c.req.param('token'), deps.clock.now());
    const language = check.ok ? await personLanguageOf(c, check) : languageOf(c);
    const t = privacyPageText[language];
    const nonce = crypto.randomUUID().replace(/-/g, '');
    if (!check.ok) return page(c, language, t.exportTitle, nonce, `<main><p>${escapeHtml(check.problem === 'expired' ? t.exportExpired : t.exportInvalid)}</p></main>`, check.problem === 'expired' ? 410 : 404);
    // A used link says so at once rather than offering a button that can only fail.
    if (await exportTokenSpent(deps.db, check)) return page(c, language, t.exportTitle, nonce, `<main><p>${escapeHtml(t.exportUsed)}</p></main>`, 410);
    return page(c, language, t.exportTitle, nonce, `<main><h1>${escapeHtml(t.exportTitle)}</h1><p>${escapeHtml(t.exportIntro)}</p>
<form method="post"><button type="submit">${escapeHtml(t.exportButton)}</button></form></main>`);
  });

  app.post('/privacy/export/:token', async (c) => {
    const now = deps.clock.now();
    const check = verifyExportToken(deps.linkSecret, c.req.param('token'), now);
    const language = check.ok ? await personLanguageOf(c, check) : languageOf(c);
    const t = privacyPageText[language];
    const nonce = crypto.randomUUID().replace(/-/g, '');
    if (!check.ok) return page(c, language, t.exportTitle, nonce, `<main><p>${escapeHtml(check.problem === 'expired' ? t.exportExpired : t.exportInvalid)}</p></main>`, check.problem === 'expired' ? 410 : 404);
    const result = await deps.db.transaction().execute(async (trx) => {
      if (!(await spendExportToken(trx, check, now))) return undefined;
      const person = await trx.selectFrom('users').select(['id', 'erased_at']).where('id', '=', check.userId).where('org_id', '=', check.orgId).executeTakeFirst();
      if (!person || person.erased_at) return null;
      return exportPersonData({ db: trx, now }, { userId: person.id });
    });
    if (result === undefined) return page(c, language, t.exportTitle, nonce, `<main><p>${escapeHtml(t.exportUsed)}</p></main>`, 410);
    if (result === null) return page(c, language, t.exportTitle, nonce, `<main><p>${escapeHtml(t.exportInvalid)}</p></main>`, 404);
    deps.logger.info({ userId: check.userId, counts: result.counts }, 'personal data exported');
    return new Response(Buffer.from(result.zip), {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="legwork-data-${now.toISOString().slice(0, 10)}.zip"`,
        'cache-control': 'no-store',
      },
    });
  });

  /** A link's page speaks its person's language (`?lang=` still wins); the browser's for anyone unknown. */
  async function personLanguageOf(c: Context, check: { orgId: string; userId: string }): Promise<Language> {
    if (c.req.query('lang')) return languageOf(c);
    const person = await deps.db.selectFrom('users').select('language').where('id', '=', check.userId).where('org_id', '=', check.orgId).executeTakeFirst();
    return person?.language === 'zh-CN' || person?.language === 'en-US' ? person.language : languageOf(c);
  }
}

function languageOf(c: Context): Language {
  const asked = c.req.query('lang')?.toLowerCase();
  if (asked?.startsWith('zh')) return 'zh-CN';
  if (asked?.startsWith('en')) return 'en-US';
  return languageFromHeader(c.req.header('accept-language'));
}

function page(c: Context, language: Language, title: string, nonce: string, body: string, status: 200 | 404 | 410 = 200): Response {
  c.header('content-security-policy', `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`);
  c.header('cache-control', 'no-store');
  return c.html(`${pageHead({ language, title: escapeHtml(title), nonce })}\n<body>${body}</body></html>`, status);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
