import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { commentOnReport, type PostedComment } from '../../core/comments/comment-on-report.ts';
import { commentOnVisit } from '../../core/comments/comment-on-visit.ts';
import { DomainError } from '../../core/shared/domain-error.ts';
import { render } from '../../conversation/i18n/catalogue.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import type { CommentView } from '../../core/comments/comment-repository.ts';
import { csrfRefused, csrfValid, type ConsoleDeps, type ConsoleEnv, type Viewer } from './console-context.ts';
import { csrfField, messagePage, type Html } from './page-shell.ts';

/** Where a reply form sends the manager back to: console pages only, never another site. */
function safeBack(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/console(?:[/?#]|$)/.test(value) && !value.startsWith('//') ? value : fallback;
}

/**
 * `POST /console/reports/:id/comments` and `/console/visits/:id/comments`: the reply box and the 👍
 * button. Both call the same use cases as chat and the API; the rep is told through the outbox.
 */
export function mountFeedbackForms(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const post = (kind: 'report' | 'visit') => async (c: Context<ConsoleEnv>) => {
    const viewer = c.get('viewer');
    const form = await c.req.parseBody();
    if (!csrfValid(viewer, form._csrf)) return csrfRefused(c, viewer);
    const text = form.like === '1' ? '👍' : typeof form.text === 'string' ? form.text : '';
    const id = c.req.param('id') ?? '';
    if (!/^[0-9a-f-]{36}$/i.test(id)) return problem(c, viewer, 404, viewer.t.commentNotFound());
    let posted: PostedComment;
    try {
      posted = await deps.db.transaction().execute((trx) =>
        kind === 'report'
          ? commentOnReport({ db: trx, clock: deps.clock }, { actor: viewer.user, reportId: id, text })
          : commentOnVisit({ db: trx, clock: deps.clock }, { actor: viewer.user, visitId: id, text }),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = error.code === 'commentNotFound' ? 404 : error.code === 'commentNotAllowed' ? 403 : 400;
      return problem(c, viewer, status, render(viewer.language, error.code, error.params as never));
    }
    if (posted.delivered) deps.onOutboxWritten?.();
    const back = new URL(safeBack(form.back, '/console/reports'), 'http://console.invalid');
    back.searchParams.set('sent', posted.delivered ? 'delivered' : 'saved');
    back.searchParams.set('to', posted.person.name);
    back.hash = `${kind}-${id}`;
    return c.redirect(`${back.pathname}${back.search}${back.hash}`, 303);
  };
  app.post('/reports/:id/comments', post('report'));
  app.post('/visits/:id/comments', post('visit'));
}

function problem(c: Context, viewer: Viewer, status: 400 | 403 | 404, body: string) {
  return c.html(messagePage({ language: viewer.language, title: viewer.t.consoleCsrfTitle(), body, extra: html`<p><a class="button secondary" href="/console">${viewer.t.consoleTitle()}</a></p>` }), status);
}

/** The flash after a reply (`?sent=delivered&to=王五`). */
export function replyFlash(viewer: Viewer, query: { sent?: string; to?: string }): Html | '' {
  if (!query.to || (query.sent !== 'delivered' && query.sent !== 'saved')) return '';
  const text = query.sent === 'delivered' ? viewer.t.consoleReplySent({ person: query.to }) : viewer.t.consoleReplySaved({ person: query.to });
  return html`<p class="flash" role="status" id="flash">${text}</p>`;
}

/** The replies on one report or visit, oldest first, times on the viewer's clock. */
export function repliesList(viewer: Viewer, comments: CommentView[]): Html | '' {
  if (comments.length === 0) return '';
  return html`<ul class="replies" aria-label="${viewer.t.consoleReplies()}">${comments.map(
    (c) => html`<li>${viewer.t.consoleReplyLine({ author: c.author, text: c.text, time: formatLocalTime(c.createdAt, viewer.user.time_zone) })}</li>`,
  )}</ul>`;
}

/** The reply box and 👍 for a report or a visit; `back` is the page to return to. */
export function replyForm(viewer: Viewer, input: { kind: 'report' | 'visit'; id: string; person: string; back: string }): Html {
  const action = `/console/${input.kind === 'report' ? 'reports' : 'visits'}/${input.id}/comments`;
  const field = `reply-${input.kind}-${input.id}`;
  return html`<form method="post" action="${action}" class="reply-form">
${csrfField(viewer.session.csrfToken)}<input type="hidden" name="back" value="${input.back}">
<label for="${field}">${viewer.t.consoleReplyLabel({ person: input.person })}</label>
<textarea id="${field}" name="text" maxlength="2000" rows="2"></textarea>
<div class="actions"><button type="submit">${viewer.t.consoleReplySend()}</button>
<button type="submit" name="like" value="1" class="secondary">${viewer.t.consoleLike()}</button></div>
</form>`;
}
