import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { Logger } from '../logger.ts';
import type { DumpDatabase } from '../db/backup/embedded-backup.ts';

/**
 * `POST /admin/backup` (embedded database only): a consistent gzipped tarball of the database while
 * Legwork runs. Bearer ADMIN_TOKEN, or the token in DATA_DIR/legwork.run (what `npm run backup` uses).
 */
export function mountBackupRoute(app: Hono, deps: { dump: DumpDatabase; tokens: () => (string | undefined)[]; logger: Logger }): void {
  app.post('/admin/backup', async (c) => {
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!deps.tokens().some((token) => token !== undefined && same(token, given))) return c.json({ error: 'unauthorized' }, 401);
    const started = performance.now();
    const blob = await deps.dump();
    deps.logger.info({ bytes: blob.size, ms: Math.round(performance.now() - started) }, 'backup taken');
    return new Response(blob, { headers: { 'content-type': 'application/gzip', 'cache-control': 'no-store' } });
  });
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
