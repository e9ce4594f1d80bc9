import type { Context, Hono } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { PrometheusMetrics } from './prometheus-metrics.ts';

/**
 * `GET /metrics` in the Prometheus text format. With a token, scrapers must send
 * `Authorization: Bearer <token>` (Prometheus: `authorization: { credentials: … }` in the scrape config).
 */
export function mountMetrics(app: Hono, deps: { metrics: PrometheusMetrics; token?: string }): void {
  const handler = async (c: Context) =>
    c.body(await deps.metrics.render(), 200, { 'content-type': deps.metrics.contentType, 'cache-control': 'no-store' });
  const expected = deps.token ? digest(deps.token) : undefined;
  app.get('/metrics', async (c) => {
    if (expected) {
      const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      // Digests of equal length, compared in constant time: the answer says nothing about the token.
      if (!given || !timingSafeEqual(digest(given), expected)) {
        return c.json({ error: 'metrics need the bearer token (METRICS_TOKEN)' }, 401, { 'www-authenticate': 'Bearer realm="metrics"' });
      }
    }
    return handler(c);
  });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
