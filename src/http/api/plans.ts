import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../core/shared/db.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { recordApiAccess } from './access-log.ts';
import { applyFilters, resolveFilters, type Filters } from './filters.ts';
import { decodeCursor, finishPage, keysetPage, pageOf, type Keyset } from './pagination.ts';
import { notFound, problemResponses } from './problem.ts';
import { IdParam, ListQuery, OrgQuery, security } from './schemas.ts';
import type { ApiApp } from './context.ts';

export const PlanSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    localDate: z.string(),
    plannedTime: z.string().nullable().openapi({ description: 'Local HH:MM, when one was given', example: '10:00' }),
    purpose: z.string().nullable(),
    expectedResult: z.string().nullable(),
    state: z.enum(['planned', 'done', 'missed', 'cancelled']),
    plannedBy: z.uuid().nullable().openapi({ description: 'Who planned it (a manager assigning work), or null' }),
    visitId: z.uuid().nullable(),
  })
  .openapi('Plan');

const planKeyset: Keyset = { key: 'p.local_date', keyType: 'date', id: 'p.id', idType: 'uuid' };

function planQuery(db: Db, scope: ApiActor, filters: Filters) {
  const q = db
    .selectFrom('visit_plans as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select(['p.id', 'p.user_id', 'u.display_name', 'p.customer_id', 'c.name as customer_name', 'p.local_date', 'p.planned_minute', 'p.purpose', 'p.expected_result', 'p.state', 'p.planned_by', 'p.visit_id'])
    .where('p.org_id', '=', scope.org.id);
  return applyFilters(db, scope, q, filters, { user: 'p.user_id', customer: 'p.customer_id', date: 'p.local_date' });
}

type Row = Awaited<ReturnType<ReturnType<typeof planQuery>['execute']>>[number];

function toPlan(row: Row): z.infer<typeof PlanSchema> {
  const m = row.planned_minute;
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.display_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    localDate: String(row.local_date),
    plannedTime: m === null ? null : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
    purpose: row.purpose,
    expectedResult: row.expected_result,
    state: row.state,
    plannedBy: row.planned_by,
    visitId: row.visit_id,
  };
}

const list = createRoute({
  method: 'get',
  path: '/api/v1/plans',
  tags: ['Plans'],
  summary: 'Planned visits, by local date',
  security,
  request: { query: ListQuery },
  responses: { 200: { description: 'A page of plans', content: { 'application/json': { schema: pageOf(PlanSchema, 'PlanPage') } } }, ...problemResponses(404) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/plans/{id}',
  tags: ['Plans'],
  summary: 'One planned visit',
  security,
  request: { params: IdParam, query: OrgQuery },
  responses: { 200: { description: 'The plan', content: { 'application/json': { schema: PlanSchema } } }, ...problemResponses(404) },
});

export function registerPlans(api: ApiApp, { db, clock }: { db: Db; clock: Clock }): void {
  api.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = c.get('scope');
    const filters = await resolveFilters(db, scope, query, { what: 'plan', now: clock.now() });
    const rows = await keysetPage(planQuery(db, scope, filters), planKeyset, decodeCursor(query.cursor), query.limit).execute();
    const page = finishPage(rows, query.limit);
    return c.json({ items: page.rows.map(toPlan), nextCursor: page.nextCursor }, 200);
  });
  api.openapi(get, async (c) => {
    const scope = c.get('scope');
    const row = await planQuery(db, scope, {}).where('p.id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw notFound('plan');
    await recordApiAccess(db, scope, { subjectId: row.user_id, what: 'plan', now: clock.now() });
    return c.json(toPlan(row), 200);
  });
}
