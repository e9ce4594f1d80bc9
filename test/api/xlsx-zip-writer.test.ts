import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import ExcelJS from 'exceljs';
import { useHarness } from '../support/test-app.ts';
import { mountAdminApi, type AdminApiDeps } from '../../src/http/api/index.ts';
import { createLogger } from '../../src/logger.ts';
import { xlsxStream } from '../../src/http/api/exports/xlsx-zip-writer.ts';
import { ADMIN_TOKEN, seedOrg } from './support.ts';
import { insertCheckIns } from '../../bench/lib/bulk-check-ins.ts';

const h = useHarness({ ADMIN_TOKEN });

async function readXlsx(bytes: ArrayBuffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The admin API with one .xlsx writer or the other, small export pages so rows cross many page boundaries. */
function apiWith(xlsxWriter: AdminApiDeps['xlsxWriter']) {
  const app = new Hono();
  mountAdminApi(app, { db: h.current.db, clock: h.current.clock, logger: createLogger('silent'), adminToken: ADMIN_TOKEN, exportPageSize: 37, xlsxWriter });
  return async (path: string) => {
    const res = await app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status, path).toBe(200);
    return readXlsx(await res.arrayBuffer());
  };
}

/**
 * The .xlsx writer (fflate, no Node streams; Node and the Worker) against exceljs's own streaming writer: every
 * dataset reads back, with ExcelJS, to the same rows and cells.
 */
describe('the zip-streamed .xlsx writer', () => {
  it('writes workbooks that read back with exactly the rows the exceljs writer gives', async () => {
    const { people, customers } = await seedOrg(h.current);
    const orgId = people['李四']!.org_id;
    await insertCheckIns(h.current.db, { orgId, userIds: [people['王五']!.id], customerIds: [customers['华为']!], count: 120, start: new Date('2026-11-20T01:00:00Z') });
    const node = apiWith(() => import('./exceljs-reference-writer.ts'));
    const edge = apiWith(() => import('../../src/http/api/exports/xlsx-zip-writer.ts'));
    for (const dataset of ['check-ins', 'visits', 'reports', 'customers'] as const) {
      for (const lang of ['zh-CN', 'en-US']) {
        const path = `/api/v1/exports/${dataset}.xlsx?lang=${lang}`;
        const rows = await edge(path);
        if (dataset !== 'reports') expect(rows.length, path).toBeGreaterThan(1);
        expect(rows, path).toEqual(await node(path));
      }
    }
  });

  it('keeps text that XML cannot hold from breaking the file, and puts numbers, booleans and gaps in their columns', async () => {
    async function* pages() {
      yield [['a & <b> "c"', 12.5, true, null, '  spaced  '], ['bell\u0007 gone', -3, false, 'x', '张三']];
    }
    const bytes = await new Response(xlsxStream('sheet', ['名称', 'n', 'ok', 'gap', 'text'], pages())).arrayBuffer();
    expect(await readXlsx(bytes)).toEqual([
      ['名称', 'n', 'ok', 'gap', 'text'],
      ['a & <b> "c"', 12.5, true, undefined, '  spaced  '],
      ['bell gone', -3, false, 'x', '张三'],
    ]);
  });
});
