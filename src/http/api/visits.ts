import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../core/shared/db.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { recordApiAccess } from './access-log.ts';
import { applyFilters, resolveFilters, type Filters } from './filters.ts';
import { decodeCursor, finishPage, keysetPage, pageOf, type Keyset } from './pagination.ts';
import { notFound, problemResponses } from './problem.ts';
import { IdParam, ListQuery, OrgQuery, security, Timestamp } from './schemas.ts';
import { zonedFormatter } from './zoned-time.ts';
import type { ApiApp } from './context.ts';

export const VisitSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    source: z.enum(['check_in', 'note_only']),
    status: z.enum(['verified', 'outside', 'unverified']).nullable().openapi({ description: "The check-in's status; null for a note without a check-in" }),
    startedAt: Timestamp,
    endedAt: Timestamp.nullable(),
    notes: z.string().nullable(),
    nextStep: z.string().nullable(),
    followUpDate: z.string().nullable().openapi({ description: 'Local date' }),
  })
  .openapi('Visit');

export type VisitItem = z.infer<typeof VisitSchema>;

export const visitKeyset: Keyset = { key: 'v.started_at', keyType: 'timestamptz', id: 'v.id', idType: 'uuid' };

export function visitQuery(db: Db, scope: ApiActor, filters: Filters) {
  const q = db
    .selectFrom('visits as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .leftJoin('check_ins as ci', (join) => join.onRef('ci.visit_id', '=', 'v.id').on('ci.kind', '=', 'in'))
    .select([
      'v.id', 'v.user_id', 'u.display_name', 'v.customer_id', 'c.name as customer_name', 'v.source', 'ci.status',
      'v.started_at', 'v.ended_at', 'v.notes', 'v.next_step', 'v.follow_up_date',
    ])
    .where('v.org_id', '=', scope.org.id);
  return applyFilters(db, scope, q, filters, { user: 'v.user_id', customer: 'v.customer_id', time: 'v.started_at' });
}

type Row = Awaited<ReturnType<ReturnType<typeof visitQuery>['execute']>>[number];

export function toVisit(row: Row, time: ReturnType<typeof zonedFormatter>): VisitItem {
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.display_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    source: row.source,
    status: row.status ?? null,
    startedAt: time(row.started_at)!,
    endedAt: time(row.ended_at),
    notes: row.notes,
    nextStep: row.next_step,
    followUpDate: row.follow_up_date,
  };
}

const list = createRoute({
  method: 'get',
  path: '/api/v1/visits',
  tags: ['Visits'],
  summary: 'Visits with notes, next steps and follow-ups, oldest first',
  security,
  request: { query: ListQuery },
  responses: { 200: { description: 'A page of visits', content: { 'application/json': { schema: pageOf(VisitSchema, 'VisitPage') } } }, ...problemResponses(404) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/visits/{id}',
  tags: ['Visits'],
  summary: 'One visit',
  security,
  request: { params: IdParam, query: OrgQuery },
  responses: { 200: { description: 'The visit', content: { 'application/json': { schema: VisitSchema } } }, ...problemResponses(404) },
});

export function registerVisits(api: ApiApp, { db, clock }: { db: Db; clock: Clock }): void {
  api.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = c.get('scope');
    const filters = await resolveFilters(db, scope, query, { what: 'history', now: clock.now() });
    const rows = await keysetPage(visitQuery(db, scope, filters), visitKeyset, decodeCursor(query.cursor), query.limit).execute();
    const page = finishPage(rows, query.limit);
    const time = zonedFormatter(scope.org.timeZone);
    return c.json({ items: page.rows.map((r) => toVisit(r, time)), nextCursor: page.nextCursor }, 200);
  });
  api.openapi(get, async (c) => {
    const scope = c.get('scope');
    const row = await visitQuery(db, scope, {}).where('v.id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw notFound('visit');
    await recordApiAccess(db, scope, { subjectId: row.user_id, what: 'history', now: clock.now() });
    return c.json(toVisit(row, zonedFormatter(scope.org.timeZone)), 200);
  });
}
