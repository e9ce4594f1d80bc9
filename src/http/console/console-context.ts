import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { Logger } from '../../logger.ts';
import type { Language } from '../../conversation/intents/types.ts';
import { catalogueFor, type Catalogue } from '../../conversation/i18n/catalogue.ts';
import { findConsoleSession, type ConsoleSession } from '../../core/console/console-sessions.ts';
import { loadActor } from '../../core/access/load-actor.ts';
import { can, type Actor } from '../../core/access/permissions.ts';
import { languageFromHeader } from '../location-page/page-text.ts';
import { html } from 'hono/html';
import { messagePage, type Html } from './page-shell.ts';

export interface ConsoleDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  linkSecret: string;
  publicUrl: string;
  /** Wakes the delivery loop after a reply to a rep was queued. */
  onOutboxWritten?: () => void;
  /** Apache ECharts' browser script (echarts.min.js), supplied by the host (Node: node_modules; Worker: bundled). */
  echartsScript: () => Promise<string>;
}

/** Who is looking, resolved once per request from the session cookie. */
export interface Viewer {
  session: ConsoleSession;
  user: User;
  actor: Actor;
  language: Language;
  t: Catalogue;
  /** May open the manager pages (a team's manager, an admin). */
  manager: boolean;
}

export type ConsoleEnv = { Variables: { viewer: Viewer } };

export const sessionCookie = 'legwork_console';

/**
 * Pages only Legwork's own files may script or style; forms post only to Legwork; no framing and
 * no referrer (a login link carries its token in the path).
 */
export const consoleCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Every console response: its own CSP (the app-wide one forbids forms), never cached. */
export const consoleHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('content-security-policy', consoleCsp);
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  c.res.headers.set('referrer-policy', 'no-referrer');
  c.res.headers.set('x-content-type-options', 'nosniff');
  c.res.headers.set('x-frame-options', 'DENY');
};

/** Loads the session named by the cookie; without one, a page that says how to sign in (401). */
export function requireViewer(deps: ConsoleDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie);
    const session = token ? await findConsoleSession(deps.db, token, deps.clock.now()) : undefined;
    if (!session) {
      const language = languageFromHeader(c.req.header('accept-language'));
      const t = catalogueFor(language);
      return c.html(messagePage({ language, title: t.consoleSessionEndedTitle(), body: t.consoleGetNewLink() }), 401);
    }
    const actor = await loadActor(deps.db, session.user);
    const language = session.user.language;
    c.set('viewer', {
      session,
      user: session.user,
      actor,
      language,
      t: catalogueFor(language),
      manager: can(actor, { action: 'openManagerConsole', orgId: session.user.org_id }),
    });
    await next();
  };
}

/**
 * Every form's POST must carry the session's token in `_csrf` (on top of the Origin check that
 * hono/csrf does for the whole console): a page of another site cannot read it, so cannot forge it.
 */
export function csrfValid(viewer: Viewer, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(viewer.session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function csrfRefused(c: Context, viewer: { language: Language; t: Catalogue }): Response | Promise<Response> {
  return c.html(messagePage({ language: viewer.language, title: viewer.t.consoleCsrfTitle(), body: viewer.t.consoleCsrfBody() }), 403);
}

/** The manager pages refuse a rep with a page that says what their console has (403). */
export function forbidden(c: Context<ConsoleEnv>): Response | Promise<Response> {
  const { t, language } = c.get('viewer');
  return c.html(messagePage({ language, title: t.consoleForbiddenTitle(), body: t.consoleForbiddenBody(), extra: backLink(t) }), 403);
}

/** Someone else's id, another org's, or nothing: the same answer, so nothing leaks about existence. */
export function notFound(c: Context<ConsoleEnv>): Response | Promise<Response> {
  const { t, language } = c.get('viewer');
  return c.html(messagePage({ language, title: t.consoleNotFoundTitle(), body: t.consoleNotFoundBody(), extra: backLink(t) }), 404);
}

function backLink(t: Catalogue): Html {
  return html`<p><a class="button secondary" href="/console">${t.consoleTitle()}</a></p>`;
}
