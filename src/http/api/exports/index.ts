import { createRoute, z } from '@hono/zod-openapi';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../../core/shared/db.ts';
import type { ApiActor } from '../../../core/access/api-actor.ts';
import { checkInKeyset } from '../check-ins.ts';
import { toVisit, visitKeyset, visitQuery } from '../visits.ts';
import { reportKeyset, reportQuery, toReport, withCustomer } from '../reports.ts';
import { customerQuery, toCustomer } from '../customers.ts';
import { resolveFilters, type Filters } from '../filters.ts';
import { ApiProblem, problemResponses } from '../problem.ts';
import { FilterQuery, security } from '../schemas.ts';
import { zonedFormatter } from '../zoned-time.ts';
import type { AdminApiDeps, ApiApp } from '../context.ts';
import { columnsFor, datasets, type Cell, type Dataset, type Lang } from './columns.ts';
import { BOM, csvLine } from './csv.ts';
import { ChunkedText } from './chunked-text.ts';
import { walk } from './walk.ts';
import { cursorRows } from './cursor.ts';
import { checkInExportQuery, toCheckInExportItem } from './check-in-rows.ts';
import type { Keyset } from '../pagination.ts';

const files = datasets.flatMap((d) => [`${d}.csv`, `${d}.xlsx`]) as [string, ...string[]];

const route = createRoute({
  method: 'get',
  path: '/api/v1/exports/{file}',
  tags: ['Exports'],
  summary: 'Export check-ins, visits, reports or customers as CSV or Excel',
  description:
    "Streamed, whatever the size. CSV is UTF-8 with a byte order mark (Excel shows Chinese), CRLF lines; times are in the org's zone with the offset; headers in `lang` (default the org's language). Same filters as the lists (`customer` narrows reports to days that visited it; customers take no filters).",
  security,
  request: {
    params: z.object({ file: z.enum(files).openapi({ param: { name: 'file', in: 'path' }, example: 'check-ins.csv' }) }),
    query: FilterQuery.extend({ lang: z.enum(['zh-CN', 'en-US']).optional().openapi({ description: 'Header language' }) }),
  },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problemResponses(404),
  },
});

/** Reads every row of an export's query in keyset order, in batches. */
type ReadRows = <DB, TB extends keyof DB, R>(query: SelectQueryBuilder<DB, TB, R>, keyset: Keyset) => AsyncGenerator<R[]>;

/**
 * Keyset pages (any database, no connection held between pages) or, when the host says the database
 * is a PostgreSQL server, one server-side cursor (see cursor.ts for why it is faster and what it holds).
 */
function rowReader(deps: Pick<AdminApiDeps, 'db' | 'exportPageSize' | 'exportCursor'>): ReadRows {
  if (deps.exportCursor) {
    const fetchSize = deps.exportPageSize ?? 1000;
    return (query, keyset) => cursorRows(deps.db, query.orderBy(sql.ref(keyset.key)).orderBy(sql.ref(keyset.id)), fetchSize);
  }
  const pageSize = deps.exportPageSize ?? 2000;
  return (query, keyset) => walk(query, keyset, pageSize);
}

const customerKeyset: Keyset = { key: 'c.name', keyType: 'text', id: 'c.id', idType: 'uuid' };

/** The dataset's items (as the lists return them), one batch at a time. */
async function* itemPages(read: ReadRows, db: Db, scope: ApiActor, dataset: Dataset, filters: Filters): AsyncGenerator<unknown[]> {
  const time = zonedFormatter(scope.org.timeZone);
  switch (dataset) {
    case 'check-ins':
      for await (const page of read(checkInExportQuery(db, scope, filters), checkInKeyset)) yield page.map((r) => toCheckInExportItem(r, time));
      return;
    case 'visits':
      for await (const page of read(visitQuery(db, scope, filters), visitKeyset)) yield page.map((r) => toVisit(r, time));
      return;
    case 'reports':
      for await (const page of read(withCustomer(reportQuery(db, scope, filters), filters), reportKeyset)) yield page.map((r) => toReport(r, time));
      return;
    case 'customers':
      for await (const page of read(customerQuery(db, scope), customerKeyset)) yield page.map((r) => toCustomer(r, time));
  }
}

/** Each batch of items as rows of cells (Excel). */
async function* cellPages(items: AsyncGenerator<unknown[]>, row: (item: never) => Cell[]): AsyncGenerator<Cell[][]> {
  // Returning this generator mid-loop returns `items` too (for await closes what it iterates).
  for await (const page of items) yield page.map((item) => row(item as never));
}

/**
 * A pull-driven stream: the next batch is read only when the client has taken the previous one, and
 * goes out as 64 KB chunks of bytes encoded record by record (see chunked-text.ts).
 */
function csvStream(headers: string[], items: AsyncGenerator<unknown[]>, csv: (item: never) => string): ReadableStream<Uint8Array> {
  const text = new ChunkedText();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        text.write(BOM + csvLine(headers));
        for (const chunk of text.take(true)) controller.enqueue(chunk);
        return;
      }
      const next = await items.next();
      if (next.done) return controller.close();
      for (const item of next.value) text.write(csv(item as never));
      for (const chunk of text.take(true)) controller.enqueue(chunk);
    },
    async cancel() {
      // Ends the read: the cursor's transaction is rolled back and its connection returned.
      await items.return(undefined);
    },
  });
}

export function registerExports(api: ApiApp, deps: Pick<AdminApiDeps, 'db' | 'clock' | 'xlsxWriter' | 'exportPageSize' | 'exportCursor'>): void {
  const read = rowReader(deps);
  api.openapi(route, async (c) => {
    const { file } = c.req.valid('param');
    const query = c.req.valid('query');
    const scope = c.get('scope');
    const [dataset, format] = file.split('.') as [Dataset, 'csv' | 'xlsx'];
    const filters = await resolveFilters(deps.db, scope, query, { what: 'history', now: deps.clock.now() });
    const lang = query.lang ?? scope.org.language;
    const { headers, row, csv } = columnsFor(dataset, lang);
    const items = itemPages(read, deps.db, scope, dataset, filters);
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    const disposition = `attachment; filename="${dataset}-${stamp}.${format}"`;
    if (format === 'csv') {
      return c.body(csvStream(headers, items, csv), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition, 'cache-control': 'no-store' });
    }
    if (!deps.xlsxWriter) throw new ApiProblem('unavailable', 'Excel exports are not available in this build; use .csv');
    const { xlsxStream } = await deps.xlsxWriter();
    return c.body(xlsxStream(dataset, headers, cellPages(items, row)), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition,
      'cache-control': 'no-store',
    });
  });
}
