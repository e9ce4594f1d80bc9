import { createRoute, type z } from '@hono/zod-openapi';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../core/shared/db.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { AccessWhat } from '../../core/privacy/record-access.ts';
import { recordApiAccess } from './access-log.ts';
import { resolveFilters, type Filters } from './filters.ts';
import { decodeCursor, finishPage, keysetPage, pageOf, type Keyset } from './pagination.ts';
import { notFound, problemResponses } from './problem.ts';
import { IdParam, ListQuery, OrgQuery, security } from './schemas.ts';
import { zonedFormatter } from './zoned-time.ts';
import type { ApiApp } from './context.ts';

/** Instants in the org's zone with its offset, as every record of the API writes them. */
export type ZonedTime = ReturnType<typeof zonedFormatter>;

/**
 * A collection of records about people (check-ins, visits, daily reports, plans) as the admin API
 * serves it: `GET <path>` a keyset page filtered by team, person, customer and dates, oldest first, and
 * `GET <path>/{id}` one record. Both show only what the caller's scope may see, and reading one
 * person's record is written to the access log (issue 16).
 */
export interface RecordCollection<Row extends { user_id: string }, Schema extends z.ZodTypeAny> {
  /** `/api/v1/plans`; one record is at `<path>/{id}`. */
  path: string;
  tag: string;
  schema: Schema;
  /** The OpenAPI name of a page of them (`PlanPage`). */
  pageName: string;
  list: { summary: string; description?: string; response: string };
  one: { summary: string; response: string };
  /** What the problem says when the id names nothing the caller may see (`plan` → "No such plan"). */
  noun: string;
  /** What reading it counts as in the access log, and which filters the person may use. */
  what: AccessWhat;
  /** The records the scope may see, narrowed by the filters (none: all of them). */
  rows: (scope: ApiActor, filters: Filters) => SelectQueryBuilder<Database, any, Row>;
  /** The record's id column in `rows` (`p.id`). */
  idColumn: string;
  keyset: Keyset;
  toItem: (row: Row, time: ZonedTime) => z.infer<Schema>;
}

/** Registers the list and the by-id route of one {@link RecordCollection}. */
export function registerRecordRoutes<Row extends { user_id: string }, Schema extends z.ZodTypeAny>(
  api: ApiApp,
  { db, clock }: { db: Db; clock: Clock },
  collection: RecordCollection<Row, Schema>,
): void {
  const list = createRoute({
    method: 'get',
    path: collection.path,
    tags: [collection.tag],
    summary: collection.list.summary,
    ...(collection.list.description ? { description: collection.list.description } : {}),
    security,
    request: { query: ListQuery },
    responses: { 200: { description: collection.list.response, content: { 'application/json': { schema: pageOf(collection.schema, collection.pageName) } } }, ...problemResponses(404) },
  });
  const get = createRoute({
    method: 'get',
    path: `${collection.path}/{id}`,
    tags: [collection.tag],
    summary: collection.one.summary,
    security,
    request: { params: IdParam, query: OrgQuery },
    responses: { 200: { description: collection.one.response, content: { 'application/json': { schema: collection.schema } } }, ...problemResponses(404) },
  });

  api.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = c.get('scope');
    const filters = await resolveFilters(db, scope, query, { what: collection.what, now: clock.now() });
    const rows = await keysetPage(collection.rows(scope, filters), collection.keyset, decodeCursor(query.cursor), query.limit).execute();
    const page = finishPage(rows, query.limit);
    const time = zonedFormatter(scope.org.timeZone);
    return c.json({ items: page.rows.map((row) => collection.toItem(row, time)), nextCursor: page.nextCursor }, 200);
  });
  api.openapi(get, async (c) => {
    const scope = c.get('scope');
    // kysely cannot narrow a generic row through `where`: the row is still the collection's own.
    const row = (await collection.rows(scope, {}).where(sql.ref(collection.idColumn), '=', c.req.valid('param').id).executeTakeFirst()) as Row | undefined;
    if (!row) throw notFound(collection.noun);
    await recordApiAccess(db, scope, { subjectId: row.user_id, what: collection.what, now: clock.now() });
    return c.json(collection.toItem(row, zonedFormatter(scope.org.timeZone)), 200);
  });
}
