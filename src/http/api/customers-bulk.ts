import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { can } from '../../core/access/permissions.ts';
import { importCustomers } from '../../core/customers/import-customers.ts';
import { auditWrite } from './audit.ts';
import { ApiProblem, problemResponses } from './problem.ts';
import { OrgQuery, security } from './schemas.ts';
import type { ApiApp } from './context.ts';

const BulkRow = z.object({
  name: z.string().min(1).max(200),
  aliases: z.array(z.string().max(200)).max(50).optional(),
  tier: z.enum(['A', 'B', 'C']).optional(),
  address: z.string().max(500).optional(),
  position: z.object({ lat: z.number(), lng: z.number(), system: z.enum(['wgs84', 'gcj02']).default('wgs84') }).optional(),
  owner: z.string().max(200).optional().openapi({ description: "Owner's display name, chat id or user id" }),
});

const BulkBody = z.object({ customers: z.array(BulkRow).min(1).max(5000) }).openapi('CustomerBulkUpsert');

const BulkResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(z.object({ index: z.number().int().openapi({ description: 'Position in `customers`, from 0' }), message: z.string() })),
  })
  .openapi('CustomerBulkResult');

const bulk = createRoute({
  method: 'post',
  path: '/api/v1/customers/bulk',
  tags: ['Customers'],
  summary: 'Create or update customers by name (case-insensitive)',
  description:
    'The same rules as `npm run import:customers`: a name already known updates that customer (only the fields given), a new one is created; a bad row is reported by index and never blocks the others. Admins only.',
  security,
  request: { query: OrgQuery, body: { required: true, content: { 'application/json': { schema: BulkBody } } } },
  responses: { 200: { description: 'What was done', content: { 'application/json': { schema: BulkResult } } }, ...problemResponses(403) },
});

/** Bulk upsert reuses the sheet import (src/core/customers/import-customers.ts), row for row. */
export function registerCustomerBulk(api: ApiApp, { db, clock }: { db: Kysely<Database>; clock: Clock }): void {
  api.openapi(bulk, async (c) => {
    const scope = c.get('scope');
    // Rewriting the org's customer list wholesale is an admin's job, like the CLI import.
    if (!can(scope.actor, { action: 'changeOrgSettings', orgId: scope.org.id })) throw new ApiProblem('forbidden', 'Only admins upsert customers in bulk');
    const { customers } = c.req.valid('json');
    const rows = customers.map((row, index) => ({
      line: index + 2,
      record: {
        name: row.name,
        ...(row.aliases ? { aliases: row.aliases.join(';') } : {}),
        ...(row.tier ? { tier: row.tier } : {}),
        ...(row.address ? { address: row.address } : {}),
        ...(row.position ? { lat: String(row.position.lat), lng: String(row.position.lng), system: row.position.system } : {}),
        ...(row.owner ? { owner: row.owner } : {}),
      },
    }));
    const result = await importCustomers({ db, clock }, { orgId: scope.org.id, rows });
    const summary = { created: result.created, updated: result.updated, unchanged: result.unchanged, errors: result.errors.map((e) => ({ index: e.line - 2, message: e.message })) };
    await auditWrite(db, scope, 'customers.bulk_upserted', scope.org.id, { before: null, after: { rows: customers.length, created: summary.created, updated: summary.updated, failed: summary.errors.length } });
    return c.json(summary, 200);
  });
}
