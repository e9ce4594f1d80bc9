import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../core/shared/db.ts';
import { can } from '../../core/access/permissions.ts';
import { localDayRange } from '../../core/shared/local-day.ts';
import { decodeCursor, finishPage, pageOf, PageQuery } from './pagination.ts';
import { ApiProblem, problemResponses } from './problem.ts';
import { LocalDate, OrgQuery, security, Timestamp } from './schemas.ts';
import { zonedFormatter } from './zoned-time.ts';
import type { ApiApp } from './context.ts';

const Entry = z
  .object({
    id: z.string(),
    at: Timestamp,
    action: z.string().openapi({ example: 'customer.updated' }),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable().openapi({ description: 'The person; null for a token (named in detail.via)' }),
    subjectId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).openapi({ description: 'What changed: `before` / `after` for API writes, `via` for the token' }),
  })
  .openapi('AuditEntry');

const route = createRoute({
  method: 'get',
  path: '/api/v1/audit-log',
  tags: ['Audit log'],
  summary: 'Who changed what, oldest first (admins)',
  security,
  request: {
    query: PageQuery.extend({
      org: OrgQuery.shape.org,
      action: z.string().max(100).optional().openapi({ description: 'Only this action', example: 'customer.updated' }),
      subject: z.string().max(100).optional().openapi({ description: 'Only this subject id' }),
      from: LocalDate.optional(),
      to: LocalDate.optional(),
    }),
  },
  responses: { 200: { description: 'A page of entries', content: { 'application/json': { schema: pageOf(Entry, 'AuditPage') } } }, ...problemResponses(403) },
});

export function registerAuditLog(api: ApiApp, { db }: { db: Db }): void {
  api.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const scope = c.get('scope');
    if (!can(scope.actor, { action: 'viewAuditLog', orgId: scope.org.id })) throw new ApiProblem('forbidden', 'Only admins read the audit log');
    let q = db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.actor_user_id')
      .select(['a.id', 'a.at', 'a.action', 'a.actor_user_id', 'u.display_name', 'a.subject_id', 'a.detail'])
      .where('a.org_id', '=', scope.org.id);
    if (query.action) q = q.where('a.action', '=', query.action);
    if (query.subject) q = q.where('a.subject_id', '=', query.subject);
    if (query.from) q = q.where('a.at', '>=', localDayRange(query.from, scope.org.timeZone).start);
    if (query.to) q = q.where('a.at', '<', localDayRange(query.to, scope.org.timeZone).end);
    // The id is a bigserial: ordering by it alone is the insertion order, and stable.
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      if (!/^\d{1,19}$/.test(cursor.id)) throw new ApiProblem('validation_failed', 'cursor is not one this API issued');
      q = q.where('a.id', '>', cursor.id);
    }
    const rows = await q
      .select((eb) => [eb.cast<string>('a.id', 'text').as('_key'), eb.cast<string>('a.id', 'text').as('_id')])
      .orderBy('a.id')
      .limit(query.limit + 1)
      .execute();
    const page = finishPage(rows, query.limit);
    const time = zonedFormatter(scope.org.timeZone);
    return c.json({
      items: page.rows.map((r) => ({
        id: String(r.id),
        at: time(r.at)!,
        action: r.action,
        actor: r.actor_user_id && r.display_name ? { id: r.actor_user_id, name: r.display_name } : null,
        subjectId: r.subject_id,
        detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>,
      })),
      nextCursor: page.nextCursor,
    }, 200);
  });
}
