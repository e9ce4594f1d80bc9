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

export const CheckInSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['in', 'out']),
    at: Timestamp,
    userId: z.uuid(),
    userName: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    visitId: z.uuid(),
    status: z.enum(['verified', 'outside', 'unverified']),
    distanceM: z.number().nullable().openapi({ description: 'Metres from the customer; null without a position' }),
    radiusM: z.number(),
    accuracyM: z.number().nullable(),
    accuracyFlagged: z.boolean().openapi({ description: 'The reported accuracy was too coarse to trust' }),
    mocked: z.boolean().openapi({ description: 'The device reported a simulated location' }),
    lat: z.number().nullable().openapi({ description: 'WGS-84' }),
    lng: z.number().nullable(),
    originalSystem: z.enum(['wgs84', 'gcj02']).nullable(),
    platform: z.string(),
  })
  .openapi('CheckIn');

export type CheckInItem = z.infer<typeof CheckInSchema>;

export const checkInKeyset: Keyset = { key: 'ci.at', keyType: 'timestamptz', id: 'ci.id', idType: 'uuid' };

/** The caller's check-ins with the filters applied, unordered (pages and exports add the keyset). */
export function checkInQuery(db: Db, scope: ApiActor, filters: Filters) {
  const q = db
    .selectFrom('check_ins as ci')
    .innerJoin('users as u', 'u.id', 'ci.user_id')
    .innerJoin('customers as c', 'c.id', 'ci.customer_id')
    .select([
      'ci.id', 'ci.kind', 'ci.at', 'ci.user_id', 'u.display_name', 'ci.customer_id', 'c.name as customer_name', 'ci.visit_id', 'ci.status',
      'ci.distance_m', 'ci.radius_m', 'ci.accuracy_m', 'ci.accuracy_flagged', 'ci.mocked', 'ci.lat', 'ci.lng', 'ci.original_system', 'ci.source_platform',
    ])
    .where('ci.org_id', '=', scope.org.id);
  return applyFilters(db, scope, q, filters, { user: 'ci.user_id', customer: 'ci.customer_id', time: 'ci.at' });
}

type Row = Awaited<ReturnType<ReturnType<typeof checkInQuery>['execute']>>[number];

export function toCheckIn(row: Row, time: ReturnType<typeof zonedFormatter>): CheckInItem {
  return {
    id: row.id,
    kind: row.kind,
    at: time(row.at)!,
    userId: row.user_id,
    userName: row.display_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    visitId: row.visit_id,
    status: row.status,
    distanceM: row.distance_m === null ? null : Number(row.distance_m),
    radiusM: Number(row.radius_m),
    accuracyM: row.accuracy_m === null ? null : Number(row.accuracy_m),
    accuracyFlagged: row.accuracy_flagged,
    mocked: row.mocked,
    lat: row.lat === null ? null : Number(row.lat),
    lng: row.lng === null ? null : Number(row.lng),
    originalSystem: row.original_system,
    platform: row.source_platform,
  };
}

export function registerCheckIns(api: ApiApp, deps: { db: Db; clock: Clock }): void {
  registerRecordRoutes(api, deps, {
    path: '/api/v1/check-ins',
    tag: 'Check-ins',
    schema: CheckInSchema,
    pageName: 'CheckInPage',
    list: { summary: 'Check-ins and check-outs, oldest first', response: 'A page of check-ins' },
    one: { summary: 'One check-in', response: 'The check-in' },
    noun: 'check-in',
    what: 'history',
    rows: (scope, filters) => checkInQuery(deps.db, scope, filters),
    idColumn: 'ci.id',
    keyset: checkInKeyset,
    toItem: toCheckIn,
  });
}
