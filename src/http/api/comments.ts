import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../core/shared/db.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import { DomainError } from '../../core/shared/domain-error.ts';
import { render } from '../../conversation/i18n/catalogue.ts';
import { commentOnReport, type PostedComment } from '../../core/comments/comment-on-report.ts';
import { commentOnVisit } from '../../core/comments/comment-on-visit.ts';
import { maxCommentLength } from '../../core/comments/comment-text.ts';
import { ApiProblem, notFound, problemResponses } from './problem.ts';
import { reportQuery } from './reports.ts';
import { visitQuery } from './visits.ts';
import { IdParam, OrgQuery, security, Timestamp } from './schemas.ts';
import { zonedFormatter } from './zoned-time.ts';
import type { AdminApiDeps, ApiApp } from './context.ts';

const CommentBody = z
  .object({ text: z.string().openapi({ description: `The reply (at most ${maxCommentLength} characters); "👍" or "+1" alone is a like`, example: '好，下周一起去拜访' }) })
  .strict()
  .openapi('CommentInput');

const CommentSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid().openapi({ description: 'Whose report or visit it is (the person told)' }),
    userName: z.string(),
    kind: z.enum(['text', 'like']),
    text: z.string().nullable(),
    createdAt: Timestamp,
    delivered: z.boolean().openapi({ description: 'A chat message to the person was queued; false: they were never reached 1:1 and see it in the console' }),
  })
  .openapi('Comment');

const route = (kind: 'reports' | 'visits') =>
  createRoute({
    method: 'post',
    path: `/api/v1/${kind}/{id}/comments`,
    tags: [kind === 'reports' ? 'Daily reports' : 'Visits'],
    summary: kind === 'reports' ? 'Reply to a daily report (or 👍)' : 'Comment on a visit (or 👍)',
    description:
      "Stored, audited and sent to the person in their chat and language, naming the author. A comment is signed by a person: only a console session (a manager of the person's team or an admin) may post one; a token answers 403.",
    security,
    request: { params: IdParam, query: OrgQuery, body: { required: true, content: { 'application/json': { schema: CommentBody } } } },
    responses: { 201: { description: 'The comment', content: { 'application/json': { schema: CommentSchema } } }, ...problemResponses(403, 404, 422) },
  });

/**
 * `POST /reports/{id}/comments` and `/visits/{id}/comments`: the same use cases as chat and the
 * console. The rep reads "<author> replied…", so the author must be a person: a token (which is
 * nobody in particular) is refused rather than signing as an invented name.
 */
export function registerComments(api: ApiApp, deps: Pick<AdminApiDeps, 'db' | 'clock' | 'onOutboxWritten'>): void {
  const { db, clock } = deps;
  for (const kind of ['reports', 'visits'] as const) {
    api.openapi(route(kind), async (c) => {
      const scope = c.get('scope');
      const id = c.req.valid('param').id;
      const { text } = c.req.valid('json');
      // Out of scope first, exactly like a read: another org's or an unseen team's id is 404.
      if (!(await visible(db, scope, kind, id))) throw notFound(kind === 'reports' ? 'report' : 'visit');
      if (scope.principal.kind !== 'user') {
        throw new ApiProblem('forbidden', 'A comment is signed by a person: post it from a console session. Tokens cannot comment.');
      }
      const userId = scope.principal.userId;
      let posted: PostedComment;
      try {
        posted = await db.transaction().execute(async (trx) => {
          const actor = await trx.selectFrom('users').select(['id', 'org_id', 'role', 'display_name']).where('id', '=', userId).executeTakeFirstOrThrow();
          return kind === 'reports'
            ? commentOnReport({ db: trx, clock }, { actor, reportId: id, text })
            : commentOnVisit({ db: trx, clock }, { actor, visitId: id, text });
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const detail = render('en-US', error.code, error.params as never);
        if (error.code === 'commentNotFound') throw new ApiProblem('not_found', detail);
        if (error.code === 'commentNotAllowed') throw new ApiProblem('forbidden', detail);
        throw new ApiProblem('unprocessable', detail, [{ path: 'text', message: detail }]);
      }
      if (posted.delivered) deps.onOutboxWritten?.();
      return c.json(
        {
          id: posted.id,
          userId: posted.person.id,
          userName: posted.person.name,
          kind: posted.kind,
          text: posted.text,
          createdAt: zonedFormatter(scope.org.timeZone)(posted.createdAt)!,
          delivered: posted.delivered,
        },
        201,
      );
    });
  }
}

async function visible(db: Db, scope: ApiActor, kind: 'reports' | 'visits', id: string): Promise<boolean> {
  const row =
    kind === 'reports'
      ? await reportQuery(db, scope, {}).where('r.id', '=', id).executeTakeFirst()
      : await visitQuery(db, scope, {}).where('v.id', '=', id).executeTakeFirst();
  return row !== undefined;
}
