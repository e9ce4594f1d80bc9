import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { useHarness } from '../support/test-app.ts';
import { mountAdminApi } from '../../src/http/api/index.ts';
import { createLogger } from '../../src/logger.ts';
import { ADMIN_TOKEN, client, newToken, seedOrg } from './support.ts';
import { insertCheckIns } from '../../bench/lib/bulk-check-ins.ts';

const h = useHarness({ ADMIN_TOKEN });

function readCsv(bytes: Uint8Array): string[][] {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
  return parse(Buffer.from(bytes), { bom: true, relax_column_count: false }) as string[][];
}

async function readXlsx(bytes: ArrayBuffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function count(table: 'check_ins' | 'visits' | 'daily_reports' | 'customers', orgId: string) {
  const row = await h.current.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The API mounted with small export pages, so a few hundred rows cross many page boundaries. */
function smallPages() {
  const app = new Hono();
  mountAdminApi(app, { db: h.current.db, clock: h.current.clock, logger: createLogger('silent'), adminToken: ADMIN_TOKEN, exportPageSize: 37, xlsxWriter: () => import('../../src/http/api/exports/xlsx-zip-writer.ts') });
  return (path: string) => app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
}

describe('exports', () => {
  it('exports every dataset as CSV with a BOM and Chinese headers and cells intact, row counts equal to the database', async () => {
    const { people, customers } = await seedOrg(h.current);
    const orgId = people['李四']!.org_id;
    await h.current.say('王五', '日报 今天拜访了华为，客户对报价有兴趣');
    await insertCheckIns(h.current.db, { orgId, userIds: [people['王五']!.id, people['孙七']!.id], customerIds: [customers['华为']!, customers['腾讯']!], count: 500, start: new Date('2026-11-20T01:00:00Z') });
    const api = smallPages();
    const expected = { 'check-ins': await count('check_ins', orgId), visits: await count('visits', orgId), reports: await count('daily_reports', orgId), customers: await count('customers', orgId) };
    expect(expected['check-ins']).toBe(502);
    for (const [dataset, rows] of Object.entries(expected)) {
      const res = await api(`/api/v1/exports/${dataset}.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${dataset}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      const records = readCsv(new Uint8Array(await res.arrayBuffer()));
      expect(records.length - 1, dataset).toBe(rows);
    }
    const checkIns = readCsv(new Uint8Array(await (await api('/api/v1/exports/check-ins.csv')).arrayBuffer()));
    expect(checkIns[0]!.slice(0, 5)).toEqual(['时间', '类型', '人员', '客户', '状态']);
    expect(checkIns[1]!.slice(0, 5)).toEqual(['2026-11-20T09:01:00+08:00', '签到', '孙七', '腾讯', '已核实']);
    expect(new Set(checkIns.slice(1).map((r) => r[13])).size).toBe(502); // no row twice across pages
    const visits = readCsv(new Uint8Array(await (await api('/api/v1/exports/visits.csv?lang=en-US')).arrayBuffer()));
    expect(visits[0]!.slice(0, 8)).toEqual(['Started', 'Ended', 'Person', 'Customer', 'Source', 'Check-in status', 'Notes', 'Next step']);
    expect(visits[1]!.slice(6, 8)).toEqual(['见了采购经理，谈了报价 #1', '发送报价单']);
    const reports = readCsv(new Uint8Array(await (await api('/api/v1/exports/reports.csv')).arrayBuffer()));
    expect(reports[1]).toEqual(expect.arrayContaining(['王五', '今天拜访了华为，客户对报价有兴趣', '否']));
  });

  it('applies the filters to exports exactly as to the lists', async () => {
    const { people, customers, teams } = await seedOrg(h.current);
    const orgId = people['李四']!.org_id;
    await insertCheckIns(h.current.db, { orgId, userIds: [people['王五']!.id, people['孙七']!.id], customerIds: [customers['华为']!], count: 100, start: new Date('2026-11-20T01:00:00Z') });
    const api = smallPages();
    const east = readCsv(new Uint8Array(await (await api(`/api/v1/exports/check-ins.csv?team=${teams['华东']}`)).arrayBuffer()));
    const eastInDb = await h.current.db.selectFrom('check_ins').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', people['王五']!.id).executeTakeFirstOrThrow();
    expect(east.length - 1).toBe(Number(eastInDb.n));
    expect(new Set(east.slice(1).map((r) => r[2]))).toEqual(new Set(['王五']));
    // 2026-11-20 local: 09:01 to 10:40, all 100; 2026-11-27: the two seeded check-ins.
    const day = readCsv(new Uint8Array(await (await api('/api/v1/exports/check-ins.csv?from=2026-11-20&to=2026-11-20')).arrayBuffer()));
    expect(day.length - 1).toBe(100);
  });

  it('exports Excel workbooks that read back with the same rows', async () => {
    const { people, customers } = await seedOrg(h.current);
    const orgId = people['李四']!.org_id;
    await insertCheckIns(h.current.db, { orgId, userIds: [people['王五']!.id], customerIds: [customers['华为']!], count: 120, start: new Date('2026-11-20T01:00:00Z') });
    const api = smallPages();
    for (const dataset of ['check-ins', 'visits', 'reports', 'customers'] as const) {
      const res = await api(`/api/v1/exports/${dataset}.xlsx?lang=zh-CN`);
      expect(res.status, dataset).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const rows = await readXlsx(await res.arrayBuffer());
      const table = ({ 'check-ins': 'check_ins', visits: 'visits', reports: 'daily_reports', customers: 'customers' } as const)[dataset];
      expect(rows.length - 1, dataset).toBe(await count(table, orgId));
    }
    const rows = await readXlsx(await (await api('/api/v1/exports/visits.xlsx')).arrayBuffer());
    expect(rows[0]!.slice(0, 4)).toEqual(['开始时间', '结束时间', '人员', '客户']);
    expect(rows[1]!.slice(2, 4)).toEqual(['王五', '华为']);
    expect(rows[1]![6]).toBe('见了采购经理，谈了报价 #1');
  });

  it('is served by the app itself with an org token, and refuses without one', async () => {
    await seedOrg(h.current);
    const api = client(h.current, await newToken(h.current, '李四', 'hr'));
    const res = await api('/api/v1/exports/customers.csv?lang=en-US');
    const rows = readCsv(new Uint8Array(await res.arrayBuffer()));
    expect(rows.map((r) => r[0])).toEqual(['Name', '华为', '腾讯']);
    const xlsx = await api('/api/v1/exports/check-ins.xlsx');
    expect((await readXlsx(await xlsx.arrayBuffer())).length).toBe(3);
    expect((await h.current.app.http.request('/api/v1/exports/customers.csv')).status).toBe(401);
  });
});
