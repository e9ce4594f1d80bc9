import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { catalogueFor } from '../../conversation/i18n/catalogue.ts';
import { languageFromHeader } from '../location-page/page-text.ts';
import { failureStatus } from '../failure-status.ts';
import { messagePage } from './page-shell.ts';
import { limitBody } from '../body-limit.ts';
import { consoleHeaders, requireViewer, type ConsoleDeps, type ConsoleEnv } from './console-context.ts';
import { mountAssets } from './assets.ts';
import { mountLogin } from './login.ts';
import { mountToday } from './today-page.ts';
import { mountWeek } from './week-page.ts';
import { mountReports } from './reports-page.ts';
import { mountFeedbackForms } from './feedback-forms.ts';
import { mountCustomers } from './customers-page.ts';
import { mountLeaderboard } from './leaderboard-page.ts';
import { mountCharts } from './charts-page.ts';

export type { ConsoleDeps } from './console-context.ts';

/** Console forms carry a reply or a customer: a few kilobytes (the CSV upload sets its own cap). */
const maxFormBytes = 64 * 1024;

/**
 * The web console under `/console` (issue 15): opened by a one-time link from chat (`后台` /
 * `console`), a server-side session in an HttpOnly cookie, pages in the person's language scoped by
 * the one permission check (src/core/access): a manager sees the teams they manage, an admin the
 * org, a rep their own week and reports. Every POST passes an Origin check (hono/csrf) and carries
 * the session's CSRF token; every page gets a CSP that runs only Legwork's own scripts and styles.
 */
export function mountConsole(app: Hono, deps: ConsoleDeps): void {
  const console = new Hono<ConsoleEnv>();
  console.use('*', consoleHeaders);
  // Another site's page cannot post into the console: the Origin must be Legwork's own.
  console.use('*', csrf({ origin: new URL(deps.publicUrl).origin }));
  console.use('*', async (c, next) => (c.req.path.endsWith('/customers/import') ? next() : limitBody(maxFormBytes)(c, next)));
  mountAssets(console, deps.echartsScript);
  mountLogin(console, deps);
  console.use('*', requireViewer(deps));
  mountToday(console, deps);
  mountWeek(console, deps);
  mountReports(console, deps);
  mountFeedbackForms(console, deps);
  mountCustomers(console, deps);
  mountLeaderboard(console, deps);
  mountCharts(console, deps);
  console.onError((error, c) => {
    const language = languageFromHeader(c.req.header('accept-language'));
    const t = catalogueFor(language);
    // hono/csrf refuses a cross-origin form with a 403 HTTPException: the same page as a bad token.
    if (error instanceof HTTPException && error.status === 403) {
      return c.html(messagePage({ language, title: t.consoleCsrfTitle(), body: t.consoleCsrfBody() }), 403);
    }
    if (error instanceof HTTPException) return error.getResponse();
    if (failureStatus(error) === 503) return c.html(messagePage({ language, title: t.internalError(), body: '' }), 503, { 'retry-after': '2' });
    deps.logger.error({ err: error, route: `${c.req.method} ${c.req.routePath}` }, 'console request failed');
    return c.html(messagePage({ language, title: t.internalError(), body: '' }), 500);
  });
  app.route('/console', console);
}
