import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../../core/shared/db.ts';
import type { ApiActor } from '../../../core/access/api-actor.ts';
import { checkInKeyset, checkInQuery, toCheckIn } from '../check-ins.ts';
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
import { walk } from './walk.ts';

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

/** The dataset's rows as cells, one page at a time. */
async function* cellPages(db: Db, scope: ApiActor, dataset: Dataset, filters: Filters, lang: Lang, pageSize: number): AsyncGenerator<Cell[][]> {
  const time = zonedFormatter(scope.org.timeZone);
  const { row } = columnsFor(dataset, lang);
  const cells = (item: unknown) => row(item as never);
  switch (dataset) {
    case 'check-ins':
      for await (const page of walk(checkInQuery(db, scope, filters), checkInKeyset, pageSize)) yield page.map((r) => cells(toCheckIn(r, time)));
      return;
    case 'visits':
      for await (const page of walk(visitQuery(db, scope, filters), visitKeyset, pageSize)) yield page.map((r) => cells(toVisit(r, time)));
      return;
    case 'reports':
      for await (const page of walk(withCustomer(reportQuery(db, scope, filters), filters), reportKeyset, pageSize)) yield page.map((r) => cells(toReport(r, time)));
      return;
    case 'customers':
      for await (const page of walk(customerQuery(db, scope), { key: 'c.name', keyType: 'text', id: 'c.id', idType: 'uuid' }, pageSize)) {
        yield page.map((r) => cells(toCustomer(r, time)));
      }
  }
}

/** A pull-driven stream: the next page is read only when the client has taken the previous one. */
function csvStream(headers: string[], pages: AsyncGenerator<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(headers)));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      let text = '';
      for (const cells of next.value) text += csvLine(cells);
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

export function registerExports(api: ApiApp, deps: Pick<AdminApiDeps, 'db' | 'clock' | 'xlsxWriter' | 'exportPageSize'>): void {
  const pageSize = deps.exportPageSize ?? 2000;
  api.openapi(route, async (c) => {
    const { file } = c.req.valid('param');
    const query = c.req.valid('query');
    const scope = c.get('scope');
    const [dataset, format] = file.split('.') as [Dataset, 'csv' | 'xlsx'];
    const filters = await resolveFilters(deps.db, scope, query, { what: 'history', now: deps.clock.now() });
    const lang = query.lang ?? scope.org.language;
    const { headers } = columnsFor(dataset, lang);
    const pages = cellPages(deps.db, scope, dataset, filters, lang, pageSize);
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    const disposition = `attachment; filename="${dataset}-${stamp}.${format}"`;
    if (format === 'csv') {
      return c.body(csvStream(headers, pages), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition, 'cache-control': 'no-store' });
    }
    if (!deps.xlsxWriter) throw new ApiProblem('unavailable', 'Excel exports are not available in this build; use .csv');
    const { xlsxStream } = await deps.xlsxWriter();
    return c.body(xlsxStream(dataset, headers, pages), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition,
      'cache-control': 'no-store',
    });
  });
}
