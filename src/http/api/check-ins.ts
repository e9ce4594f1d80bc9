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

const list = createRoute({
  method: 'get',
  path: '/api/v1/check-ins',
  tags: ['Check-ins'],
  summary: 'Check-ins and check-outs, oldest first',
  security,
  request: { query: ListQuery },
  responses: { 200: { description: 'A page of check-ins', content: { 'application/json': { schema: pageOf(CheckInSchema, 'CheckInPage') } } }, ...problemResponses(404) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/check-ins/{id}',
  tags: ['Check-ins'],
  summary: 'One check-in',
  security,
  request: { params: IdParam, query: OrgQuery },
  responses: { 200: { description: 'The check-in', content: { 'application/json': { schema: CheckInSchema } } }, ...problemResponses(404) },
});

export function registerCheckIns(api: ApiApp, { db, clock }: { db: Db; clock: Clock }): void {
  api.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = c.get('scope');
    const filters = await resolveFilters(db, scope, query, { what: 'history', now: clock.now() });
    const rows = await keysetPage(checkInQuery(db, scope, filters), checkInKeyset, decodeCursor(query.cursor), query.limit).execute();
    const page = finishPage(rows, query.limit);
    const time = zonedFormatter(scope.org.timeZone);
    return c.json({ items: page.rows.map((r) => toCheckIn(r, time)), nextCursor: page.nextCursor }, 200);
  });
  api.openapi(get, async (c) => {
    const scope = c.get('scope');
    const row = await checkInQuery(db, scope, {}).where('ci.id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw notFound('check-in');
    await recordApiAccess(db, scope, { subjectId: row.user_id, what: 'history', now: clock.now() });
    return c.json(toCheckIn(row, zonedFormatter(scope.org.timeZone)), 200);
  });
}
