import { z } from '@hono/zod-openapi';
import type { Db } from '../../core/shared/db.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { applyFilters, type Filters } from './filters.ts';
import type { Keyset } from './pagination.ts';
import { Timestamp } from './schemas.ts';
import { zonedFormatter } from './zoned-time.ts';
import type { ApiApp } from './context.ts';
import { registerRecordRoutes } from './record-routes.ts';

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

export function registerVisits(api: ApiApp, deps: { db: Db; clock: Clock }): void {
  registerRecordRoutes(api, deps, {
    path: '/api/v1/visits',
    tag: 'Visits',
    schema: VisitSchema,
    pageName: 'VisitPage',
    list: { summary: 'Visits with notes, next steps and follow-ups, oldest first', response: 'A page of visits' },
    one: { summary: 'One visit', response: 'The visit' },
    noun: 'visit',
    what: 'history',
    rows: (scope, filters) => visitQuery(deps.db, scope, filters),
    idColumn: 'v.id',
    keyset: visitKeyset,
    toItem: toVisit,
  });
}
