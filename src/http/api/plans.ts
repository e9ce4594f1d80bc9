import { z } from '@hono/zod-openapi';
import type { Db } from '../../core/shared/db.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { applyFilters, type Filters } from './filters.ts';
import type { Keyset } from './pagination.ts';
import type { ApiApp } from './context.ts';
import { registerRecordRoutes } from './record-routes.ts';

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

export function registerPlans(api: ApiApp, deps: { db: Db; clock: Clock }): void {
  registerRecordRoutes(api, deps, {
    path: '/api/v1/plans',
    tag: 'Plans',
    schema: PlanSchema,
    pageName: 'PlanPage',
    list: { summary: 'Planned visits, by local date', response: 'A page of plans' },
    one: { summary: 'One planned visit', response: 'The plan' },
    noun: 'plan',
    what: 'plan',
    rows: (scope, filters) => planQuery(deps.db, scope, filters),
    idColumn: 'p.id',
    keyset: planKeyset,
    toItem: toPlan,
  });
}
