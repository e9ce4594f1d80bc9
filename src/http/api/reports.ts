import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db } from '../../core/shared/db.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { applyFilters, type Filters } from './filters.ts';
import type { Keyset } from './pagination.ts';
import { Timestamp } from './schemas.ts';
import { zonedFormatter } from './zoned-time.ts';
import type { ApiApp } from './context.ts';
import { registerRecordRoutes } from './record-routes.ts';

export const ReportSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    reportDate: z.string().openapi({ description: "The rep's local date the report is for" }),
    body: z.string().openapi({ description: "The rep's own words" }),
    summary: z
      .object({ visits: z.number(), customers: z.array(z.string()), verified: z.number(), outside: z.number(), unverified: z.number(), noteOnly: z.number(), followUps: z.number() })
      .passthrough()
      .openapi({ description: "The day's visits, summarised when the report was filed" }),
    submittedAt: Timestamp,
    late: z.boolean().openapi({ description: 'Filed after the deadline' }),
    revision: z.number().int(),
  })
  .openapi('DailyReport');

export type ReportItem = z.infer<typeof ReportSchema>;

export const reportKeyset: Keyset = { key: 'r.report_date', keyType: 'date', id: 'r.id', idType: 'uuid' };

export function reportQuery(db: Db, scope: ApiActor, filters: Filters) {
  const q = db
    .selectFrom('daily_reports as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'u.display_name', 'r.report_date', 'r.body', 'r.summary', 'r.submitted_at', 'r.late', 'r.revision'])
    .where('r.org_id', '=', scope.org.id);
  return applyFilters(db, scope, q, filters, { user: 'r.user_id', date: 'r.report_date' });
}

type Row = Awaited<ReturnType<ReturnType<typeof reportQuery>['execute']>>[number];

export function toReport(row: Row, time: ReturnType<typeof zonedFormatter>): ReportItem {
  const summary = (typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary) as ReportItem['summary'];
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.display_name,
    reportDate: String(row.report_date),
    body: row.body,
    summary,
    submittedAt: time(row.submitted_at)!,
    late: row.late,
    revision: row.revision,
  };
}

/** Reports whose day had a visit to the customer (a report names its customers in its summary). */
export function withCustomer<Q extends ReturnType<typeof reportQuery>>(query: Q, filters: Filters): Q {
  if (!filters.customerId) return query;
  return query.where(sql<boolean>`(r.summary -> 'customers') @> jsonb_build_array((select name from customers where id = ${filters.customerId}))`) as Q;
}

export function registerReports(api: ApiApp, deps: { db: Db; clock: Clock }): void {
  registerRecordRoutes(api, deps, {
    path: '/api/v1/reports',
    tag: 'Daily reports',
    schema: ReportSchema,
    pageName: 'DailyReportPage',
    list: { summary: 'Daily reports with the late flag, by date', description: 'With `customer`, only reports whose day included a visit to that customer.', response: 'A page of reports' },
    one: { summary: 'One daily report', response: 'The report' },
    noun: 'report',
    what: 'report',
    rows: (scope, filters) => withCustomer(reportQuery(deps.db, scope, filters), filters),
    idColumn: 'r.id',
    keyset: reportKeyset,
    toItem: toReport,
  });
}
