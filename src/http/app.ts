import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import { failureStatus } from './failure-status.ts';

export interface HttpAppDeps {
  db: Kysely<Database>;
  logger: Logger;
  adapters: readonly ChatAdapter[];
  /** Extra readiness checks (queue, platform connections), each named in the /readyz answer. */
  readinessChecks?: Record<string, () => Promise<{ ok: boolean; detail?: string }>>;
}

/**
 * The HTTP app: health endpoints plus every adapter's routes. Kept free of node-only imports so the
 * same app can be bundled for the edge.
 */
export function createHttpApp(deps: HttpAppDeps): Hono {
  const app = new Hono();

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/readyz', async (c) => {
    const checks: Record<string, { ok: boolean; detail?: string }> = {};
    try {
      await sql`select 1`.execute(deps.db);
      checks.database = { ok: true };
    } catch (error) {
      checks.database = { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
    for (const [name, check] of Object.entries(deps.readinessChecks ?? {})) {
      checks[name] = await check().catch((error: unknown) => ({ ok: false, detail: String(error) }));
    }
    for (const adapter of deps.adapters) {
      if (adapter.health) checks[adapter.platform] = await adapter.health();
    }
    const ok = Object.values(checks).every((check) => check.ok);
    return c.json({ status: ok ? 'ready' : 'unavailable', checks }, ok ? 200 : 503);
  });

  for (const adapter of deps.adapters) adapter.routes?.(app);

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    if (failureStatus(error) === 503) {
      // Expected during a database restart: the client retries; /readyz says what is down.
      deps.logger.warn({ err: error, path: c.req.path }, 'request refused: database unavailable');
      return c.json({ error: 'database unavailable, retry later' }, 503, { 'retry-after': '2' });
    }
    deps.logger.error({ err: error, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
