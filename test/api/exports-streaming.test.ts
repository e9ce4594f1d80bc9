import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { useHarness } from '../support/test-app.ts';
import { mountAdminApi } from '../../src/http/api/index.ts';
import { createLogger } from '../../src/logger.ts';
import { ADMIN_TOKEN, seedOrg } from './support.ts';
import { insertCheckIns } from '../../bench/lib/bulk-check-ins.ts';

const h = useHarness({ ADMIN_TOKEN });

/** The API as the service mounts it on a PostgreSQL server (cursor) or on PGlite (keyset pages), with small batches. */
function exportsApi(exportCursor: boolean) {
  const app = new Hono();
  mountAdminApi(app, { db: h.current.db, clock: h.current.clock, logger: createLogger('silent'), adminToken: ADMIN_TOKEN, exportPageSize: 37, exportCursor, xlsxWriter: () => import('../../src/http/api/exports/xlsx-zip-writer.ts') });
  return (path: string) => app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
}

async function seed() {
  const { people, customers } = await seedOrg(h.current);
  const orgId = people['李四']!.org_id;
  await insertCheckIns(h.current.db, { orgId, userIds: [people['王五']!.id, people['孙七']!.id], customerIds: [customers['华为']!, customers['腾讯']!], count: 300, start: new Date('2026-11-20T01:00:00Z') });
  await h.current.say('王五', '日报 今天拜访了华为，"报价" =SUM(A1)');
}

/** Reads one chunk past the headers, then hangs up like a browser whose download was cancelled. */
async function hangUpAfterFirstRows(res: Response) {
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  await reader.read();
  await reader.read();
  await reader.cancel();
}

describe('export streaming', () => {
  it('gives the same file, byte for byte, read through a cursor or keyset pages, for every dataset, format filter and language', async () => {
    await seed();
    const cursor = exportsApi(true);
    const pages = exportsApi(false);
    for (const path of ['check-ins.csv', 'check-ins.csv?lang=en-US&from=2026-11-20&to=2026-11-20', 'visits.csv?lang=en-US', 'reports.csv', 'customers.csv?lang=en-US']) {
      const a = new Uint8Array(await (await cursor(`/api/v1/exports/${path}`)).arrayBuffer());
      const b = new Uint8Array(await (await pages(`/api/v1/exports/${path}`)).arrayBuffer());
      expect(a.length, path).toBeGreaterThan(100);
      expect(Buffer.from(a).equals(Buffer.from(b)), path).toBe(true);
    }
    const text = await (await cursor('/api/v1/exports/check-ins.csv')).text();
    expect(text.split('\r\n').length - 2).toBe(302); // header, 302 check-ins, the final CRLF
  });

  it('lets go of the database when the client hangs up mid-download (CSV and Excel, cursor and pages)', async () => {
    await seed();
    for (const exportCursor of [true, false]) {
      const api = exportsApi(exportCursor);
      await hangUpAfterFirstRows(await api('/api/v1/exports/check-ins.csv'));
      await hangUpAfterFirstRows(await api('/api/v1/exports/check-ins.xlsx'));
    }
    // On PGlite (one connection) a cursor left open would make this wait forever; on PostgreSQL
    // every pooled connection must be idle again, none stuck in a transaction.
    const open = await h.current.db.selectFrom('check_ins').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(302);
    const stats = h.current.app.database.poolStats?.();
    if (stats) await expect.poll(() => h.current.app.database.poolStats!().idle).toBe(h.current.app.database.poolStats!().total);
  });
});
