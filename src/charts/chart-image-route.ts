import type { Hono } from 'hono';
import type { Db } from '../core/shared/db.ts';
import type { Clock } from '../core/shared/clock.ts';
import { verifyChartToken } from './chart-store.ts';

/**
 * `GET /i/<token>.png`: a stored chart for platforms and the local chat that take a picture by URL.
 * The token is signed and expires with the chart (7 days); anything else is a 404 that says nothing
 * about which part was wrong.
 */
export function mountChartImageRoute(app: Hono, deps: { db: Db; clock: Clock; secret: string }): void {
  app.get('/i/:file', async (c) => {
    const file = c.req.param('file');
    const chartId = file.endsWith('.png') ? verifyChartToken(deps.secret, file.slice(0, -4), deps.clock.now()) : null;
    const row = chartId ? await deps.db.selectFrom('chart_images').select('png').where('id', '=', chartId).executeTakeFirst() : undefined;
    if (!row) return c.json({ error: 'not found' }, 404);
    return c.body(new Uint8Array(row.png), 200, {
      'content-type': 'image/png',
      // The bytes behind a token never change; the token expires on its own.
      'cache-control': 'private, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
    });
  });
}
