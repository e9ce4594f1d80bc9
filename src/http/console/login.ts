import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { deleteCookie, setCookie } from 'hono/cookie';
import { catalogueFor } from '../../conversation/i18n/catalogue.ts';
import type { Language } from '../../conversation/intents/types.ts';
import { verifyConsoleLink, type ConsoleLinkPayload } from '../../core/console/console-link.ts';
import { consoleSessionHours, isConsoleLinkSpent, openConsoleSession, revokeConsoleSessions } from '../../core/console/console-sessions.ts';
import { languageFromHeader } from '../location-page/page-text.ts';
import { csrfRefused, csrfValid, requireViewer, sessionCookie, type ConsoleDeps, type ConsoleEnv } from './console-context.ts';
import { messagePage } from './page-shell.ts';

type Checked =
  | { ok: true; payload: ConsoleLinkPayload; name: string; language: Language }
  | { ok: false; status: 400 | 410; title: 'consoleLinkInvalidTitle' | 'consoleLinkExpiredTitle' | 'consoleLinkUsedTitle'; language: Language };

/** A link's state without changing anything: valid, or why not (in its owner's language when known). */
async function checkLink(deps: ConsoleDeps, c: Context, token: string): Promise<Checked> {
  const visitor = languageFromHeader(c.req.header('accept-language'));
  const verified = verifyConsoleLink(deps.linkSecret, token, deps.clock.now());
  if (!verified.ok && verified.problem === 'invalid') return { ok: false, status: 400, title: 'consoleLinkInvalidTitle', language: visitor };
  const payload = verified.payload!;
  const user = await deps.db.selectFrom('users').select(['display_name', 'language']).where('id', '=', payload.u).where('org_id', '=', payload.o).executeTakeFirst();
  if (!user) return { ok: false, status: 410, title: 'consoleLinkInvalidTitle', language: visitor };
  if (!verified.ok) return { ok: false, status: 410, title: 'consoleLinkExpiredTitle', language: user.language };
  if (await isConsoleLinkSpent(deps.db, payload.n)) return { ok: false, status: 410, title: 'consoleLinkUsedTitle', language: user.language };
  return { ok: true, payload, name: user.display_name, language: user.language };
}

function linkProblem(c: Context, problem: Extract<Checked, { ok: false }>): Response | Promise<Response> {
  const t = catalogueFor(problem.language);
  return c.html(messagePage({ language: problem.language, title: t[problem.title](), body: t.consoleGetNewLink() }), problem.status);
}

/**
 * `GET /console/login/:token` shows a button; `POST` spends the link and opens the session. The
 * extra tap is on purpose: chat apps fetch links to draw previews, and a GET that spent the
 * single-use link would leave the person with a dead one.
 */
export function mountLogin(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const secure = deps.publicUrl.startsWith('https:');

  app.get('/login/:token', async (c) => {
    const checked = await checkLink(deps, c, c.req.param('token'));
    if (!checked.ok) return linkProblem(c, checked);
    const t = catalogueFor(checked.language);
    return c.html(
      messagePage({
        language: checked.language,
        title: t.consoleLoginTitle(),
        body: t.consoleLoginBody({ name: checked.name }),
        extra: html`<form method="post"><button type="submit" id="open-console">${t.consoleLoginButton()}</button></form>`,
      }),
    );
  });

  app.post('/login/:token', async (c) => {
    const token = c.req.param('token');
    const checked = await checkLink(deps, c, token);
    if (!checked.ok) return linkProblem(c, checked);
    // Spending the nonce and creating the session commit together: a race of two taps opens one.
    const opened = await deps.db.transaction().execute((trx) => openConsoleSession(trx, { payload: checked.payload, now: deps.clock.now() }));
    if (!opened) return linkProblem(c, { ok: false, status: 410, title: 'consoleLinkUsedTitle', language: checked.language });
    setCookie(c, sessionCookie, opened.token, { httpOnly: true, secure, sameSite: 'Lax', path: '/console', maxAge: consoleSessionHours * 3600 });
    deps.logger.info({ userId: checked.payload.u }, 'console session opened');
    return c.redirect('/console', 303);
  });

  app.post('/logout', requireViewer(deps), async (c) => {
    const viewer = c.get('viewer');
    const form = await c.req.parseBody();
    if (!csrfValid(viewer, form._csrf)) return csrfRefused(c, viewer);
    await revokeConsoleSessions(deps.db, { sessionId: viewer.session.id, now: deps.clock.now() });
    deleteCookie(c, sessionCookie, { path: '/console', secure, httpOnly: true, sameSite: 'Lax' });
    const t = catalogueFor(viewer.language);
    return c.html(messagePage({ language: viewer.language, title: t.consoleLoggedOutTitle(), body: t.consoleGetNewLink() }));
  });
}
