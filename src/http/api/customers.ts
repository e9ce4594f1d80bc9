import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Customer, Database } from '../../db/schema.ts';
import type { Db } from '../../core/shared/db.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import { can } from '../../core/access/permissions.ts';
import { loadPerson } from '../../core/access/load-actor.ts';
import { positionColumns } from '../../core/customers/create-customer.ts';
import { findCustomerByExactName, listCustomersForMatching } from '../../core/customers/customer-repository.ts';
import { matchCustomers, searchKeysFor } from '../../core/customers/match-customer-name.ts';
import { auditWrite, changedFields } from './audit.ts';
import { decodeCursor, encodeCursor, finishPage, keysetPage, pageOf, PageQuery, type Keyset } from './pagination.ts';
import { ApiProblem, notFound, problemResponses } from './problem.ts';
import { IdParam, OrgQuery, security, Timestamp } from './schemas.ts';
import { zonedFormatter } from './zoned-time.ts';
import { registerCustomerBulk } from './customers-bulk.ts';
import type { ApiApp } from './context.ts';

const Tier = z.enum(['A', 'B', 'C']);
const Position = z
  .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), system: z.enum(['wgs84', 'gcj02']).default('wgs84') })
  .openapi('Position', { description: 'As given; GCJ-02 (Chinese maps) is converted to WGS-84 for distances' });

export const CustomerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    aliases: z.array(z.string()),
    tier: Tier,
    address: z.string().nullable(),
    lat: z.number().nullable().openapi({ description: 'WGS-84' }),
    lng: z.number().nullable(),
    original: z.object({ lat: z.number(), lng: z.number(), system: z.enum(['wgs84', 'gcj02']) }).nullable(),
    radiusM: z.number().nullable().openapi({ description: "Own check-in radius; null: the org's" }),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    lastVisitAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Customer');

const name = z.string().trim().min(1).max(200);
const CustomerCreate = z
  .object({
    name,
    aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    tier: Tier.optional(),
    address: z.string().max(500).nullable().optional(),
    position: Position.nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
    radiusM: z.number().int().min(10).max(10_000).nullable().optional(),
  })
  .strict()
  .openapi('CustomerCreate');
const CustomerPatch = CustomerCreate.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field')
  .openapi('CustomerPatch');

const customerKeyset: Keyset = { key: 'c.name', keyType: 'text', id: 'c.id', idType: 'uuid' };

export function customerQuery(db: Db, scope: ApiActor) {
  return db
    .selectFrom('customers as c')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .select((eb) => [
      'c.id', 'c.name', 'c.aliases', 'c.tier', 'c.address', 'c.lat', 'c.lng', 'c.original_lat', 'c.original_lng', 'c.original_system', 'c.radius_m',
      'c.owner_id', 'o.display_name as owner_name', 'c.created_at', 'c.updated_at',
      eb.selectFrom('visits as lv').select((x) => x.fn.max('lv.started_at').as('m')).whereRef('lv.customer_id', '=', 'c.id').as('last_visit_at'),
    ])
    .where('c.org_id', '=', scope.org.id);
}

type Row = Awaited<ReturnType<ReturnType<typeof customerQuery>['execute']>>[number];
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function toCustomer(row: Row, time: ReturnType<typeof zonedFormatter>): z.infer<typeof CustomerSchema> {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    tier: row.tier,
    address: row.address,
    lat: num(row.lat),
    lng: num(row.lng),
    original: row.original_lat === null || row.original_lng === null || !row.original_system ? null : { lat: Number(row.original_lat), lng: Number(row.original_lng), system: row.original_system },
    radiusM: num(row.radius_m),
    owner: row.owner_id && row.owner_name ? { id: row.owner_id, name: row.owner_name } : null,
    lastVisitAt: time(row.last_visit_at as Date | null),
    createdAt: time(row.created_at)!,
    updatedAt: time(row.updated_at)!,
  };
}

const list = createRoute({
  method: 'get',
  path: '/api/v1/customers',
  tags: ['Customers'],
  summary: 'Customers by name, or those matching a search',
  description: '`q` matches names and aliases as the chat does: case, width, punctuation, pinyin (`huawei`) and initials (`hw`); best matches first.',
  security,
  request: { query: PageQuery.extend({ org: OrgQuery.shape.org, q: z.string().max(200).optional().openapi({ description: 'Search', example: 'hw' }) }) },
  responses: { 200: { description: 'A page of customers', content: { 'application/json': { schema: pageOf(CustomerSchema, 'CustomerPage') } } }, ...problemResponses(404) },
});

const get = createRoute({
  method: 'get', path: '/api/v1/customers/{id}', tags: ['Customers'], summary: 'One customer', security,
  request: { params: IdParam, query: OrgQuery },
  responses: { 200: { description: 'The customer', content: { 'application/json': { schema: CustomerSchema } } }, ...problemResponses(404) },
});

const create = createRoute({
  method: 'post', path: '/api/v1/customers', tags: ['Customers'], summary: 'Create a customer', security,
  request: { query: OrgQuery, body: { required: true, content: { 'application/json': { schema: CustomerCreate } } } },
  responses: { 201: { description: 'Created', content: { 'application/json': { schema: CustomerSchema } } }, ...problemResponses(403, 409, 422) },
});

const update = createRoute({
  method: 'patch', path: '/api/v1/customers/{id}', tags: ['Customers'], summary: 'Change a customer', security,
  request: { params: IdParam, query: OrgQuery, body: { required: true, content: { 'application/json': { schema: CustomerPatch } } } },
  responses: { 200: { description: 'The customer after the change', content: { 'application/json': { schema: CustomerSchema } } }, ...problemResponses(403, 404, 409, 422) },
});

const remove = createRoute({
  method: 'delete', path: '/api/v1/customers/{id}', tags: ['Customers'], summary: 'Delete a customer nobody has visited',
  description: 'A customer with visits or check-ins is kept (409 `customer_visited`): its history belongs to the reps. Its plans go with it.',
  security,
  request: { params: IdParam, query: OrgQuery },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(403, 404, 409) },
});

/** May `scope` change a customer owned by `ownerId` (null: nobody)? The one `changeCustomer` rule. */
async function mayChange(db: Db, scope: ApiActor, ownerId: string | null): Promise<boolean> {
  const owner = ownerId ? await db.selectFrom('users').select(['id', 'org_id']).where('id', '=', ownerId).executeTakeFirst() : undefined;
  return can(scope.actor, { action: 'changeCustomer', orgId: scope.org.id, owner: owner ? await loadPerson(db, owner) : null });
}

async function checkOwner(db: Db, scope: ApiActor, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const owner = await db.selectFrom('users').select('id').where('id', '=', ownerId).where('org_id', '=', scope.org.id).executeTakeFirst();
  if (!owner) throw new ApiProblem('unprocessable', 'No user with this id', [{ path: 'ownerId', message: 'unknown user' }]);
  if (!(await mayChange(db, scope, ownerId))) throw new ApiProblem('forbidden', 'This owner is outside the teams you manage');
}

const snapshot = (c: Customer) => ({
  name: c.name, aliases: c.aliases, tier: c.tier, address: c.address, ownerId: c.owner_id, radiusM: c.radius_m,
  position: c.original_lat === null ? null : { lat: c.original_lat, lng: c.original_lng, system: c.original_system },
});

export function registerCustomers(api: ApiApp, { db, clock }: { db: Kysely<Database>; clock: Clock }): void {
  api.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = c.get('scope');
    const time = zonedFormatter(scope.org.timeZone);
    if (query.q !== undefined && query.q.trim() !== '') {
      // Search results come ranked, not by name: the cursor is the offset into the ranking.
      const matches = matchCustomers(query.q, await listCustomersForMatching(db, scope.org.id));
      const cursor = decodeCursor(query.cursor);
      const offset = cursor ? Number(cursor.id) || 0 : 0;
      const ids = matches.slice(offset, offset + query.limit).map((m) => m.id);
      const rows = ids.length ? await customerQuery(db, scope).where('c.id', 'in', ids).execute() : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const items = ids.flatMap((id) => (byId.has(id) ? [toCustomer(byId.get(id)!, time)] : []));
      const next = offset + query.limit < matches.length ? encodeCursor({ key: 'search', id: String(offset + query.limit) }) : null;
      return c.json({ items, nextCursor: next }, 200);
    }
    const page = finishPage(await keysetPage(customerQuery(db, scope), customerKeyset, decodeCursor(query.cursor), query.limit).execute(), query.limit);
    return c.json({ items: page.rows.map((r) => toCustomer(r, time)), nextCursor: page.nextCursor }, 200);
  });

  api.openapi(get, async (c) => {
    const scope = c.get('scope');
    const row = await customerQuery(db, scope).where('c.id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw notFound('customer');
    return c.json(toCustomer(row, zonedFormatter(scope.org.timeZone)), 200);
  });

  api.openapi(create, async (c) => {
    const scope = c.get('scope');
    const body = c.req.valid('json');
    const id = await db.transaction().execute(async (tx) => {
      if (!(await mayChange(tx, scope, null))) throw new ApiProblem('forbidden', 'Only admins and managers create customers here');
      await checkOwner(tx, scope, body.ownerId);
      const taken = await findCustomerByExactName(tx, scope.org.id, body.name);
      if (taken) throw new ApiProblem('name_taken', `A customer called "${taken.name}" exists (id ${taken.id})`);
      const now = clock.now();
      const created = await tx
        .insertInto('customers')
        .values({
          org_id: scope.org.id, name: body.name, aliases: body.aliases ?? [], search_keys: searchKeysFor(body.name, body.aliases ?? []),
          tier: body.tier ?? 'C', address: body.address ?? null, owner_id: body.ownerId ?? null, radius_m: body.radiusM ?? null,
          ...positionColumns(body.position ?? undefined), created_at: now, updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await auditWrite(tx, scope, 'customer.created', created.id, { before: null, after: snapshot(created) });
      return created.id;
    });
    const row = await customerQuery(db, scope).where('c.id', '=', id).executeTakeFirstOrThrow();
    return c.json(toCustomer(row, zonedFormatter(scope.org.timeZone)), 201);
  });

  api.openapi(update, async (c) => {
    const scope = c.get('scope');
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    await db.transaction().execute(async (tx) => {
      const customer = await tx.selectFrom('customers').selectAll().where('id', '=', id).where('org_id', '=', scope.org.id).forUpdate().executeTakeFirst();
      if (!customer) throw notFound('customer');
      if (!(await mayChange(tx, scope, customer.owner_id))) throw new ApiProblem('forbidden', "Only admins and the owner's manager change this customer");
      if (body.ownerId !== undefined && body.ownerId !== customer.owner_id) await checkOwner(tx, scope, body.ownerId);
      if (body.name !== undefined && body.name.toLowerCase() !== customer.name.toLowerCase()) {
        const taken = await findCustomerByExactName(tx, scope.org.id, body.name);
        if (taken) throw new ApiProblem('name_taken', `A customer called "${taken.name}" exists (id ${taken.id})`);
      }
      const newName = body.name ?? customer.name;
      const newAliases = body.aliases ?? customer.aliases;
      const set = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.aliases !== undefined ? { aliases: body.aliases } : {}),
        ...(body.name !== undefined || body.aliases !== undefined ? { search_keys: searchKeysFor(newName, newAliases) } : {}),
        ...(body.tier !== undefined ? { tier: body.tier } : {}),
        ...(body.address !== undefined ? { address: body.address } : {}),
        ...(body.ownerId !== undefined ? { owner_id: body.ownerId } : {}),
        ...(body.radiusM !== undefined ? { radius_m: body.radiusM } : {}),
        ...(body.position !== undefined ? positionColumns(body.position ?? undefined) : {}),
      };
      const updated = await tx.updateTable('customers').set({ ...set, updated_at: clock.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      const change = changedFields(snapshot(customer), snapshot(updated));
      if (Object.keys(change.after).length > 0) await auditWrite(tx, scope, 'customer.updated', id, change);
    });
    const row = await customerQuery(db, scope).where('c.id', '=', id).executeTakeFirstOrThrow();
    return c.json(toCustomer(row, zonedFormatter(scope.org.timeZone)), 200);
  });

  api.openapi(remove, async (c) => {
    const scope = c.get('scope');
    const id = c.req.valid('param').id;
    await db.transaction().execute(async (tx) => {
      const customer = await tx.selectFrom('customers').selectAll().where('id', '=', id).where('org_id', '=', scope.org.id).forUpdate().executeTakeFirst();
      if (!customer) throw notFound('customer');
      if (!(await mayChange(tx, scope, customer.owner_id))) throw new ApiProblem('forbidden', "Only admins and the owner's manager delete this customer");
      const visited = await tx.selectFrom('visits').select('id').where('customer_id', '=', id).limit(1).executeTakeFirst();
      const checkedIn = await tx.selectFrom('check_ins').select('id').where('customer_id', '=', id).limit(1).executeTakeFirst();
      if (visited || checkedIn) throw new ApiProblem('customer_visited', `${customer.name} has visits; its history is kept`);
      await tx.deleteFrom('customers').where('id', '=', id).execute();
      await auditWrite(tx, scope, 'customer.deleted', id, { before: snapshot(customer), after: null });
    });
    return c.body(null, 204);
  });

  registerCustomerBulk(api, { db, clock });
}
