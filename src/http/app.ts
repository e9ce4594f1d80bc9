import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import { legworkSecureHeaders } from './secure-headers.ts';
import { failureStatus } from './failure-status.ts';
import { defaultMaxBodyBytes, limitBody } from './body-limit.ts';

export interface HttpAppDeps {
  db: Kysely<Database>;
  logger: Logger;
  adapters: readonly ChatAdapter[];
  /** Extra readiness checks (queue, platform connections), each named in the /readyz answer. */
  readinessChecks?: Record<string, () => Promise<{ ok: boolean; detail?: string }>>;
  /** How long one /readyz check may take before it counts as down (default 1 s). */
  readinessTimeoutMs?: number;
}

type CheckResult = { ok: boolean; detail?: string };

/** The check's answer, or "down" when it throws or does not answer within `ms`. */
async function settleCheck(check: () => Promise<CheckResult>, ms: number): Promise<CheckResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([
      check().catch((error: unknown) => ({ ok: false, detail: error instanceof Error ? error.message : String(error) })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The HTTP app: health endpoints plus every adapter's routes. Kept free of node-only imports so the
 * same app can be bundled for the edge.
 */
export function createHttpApp(deps: HttpAppDeps): Hono {
  const app = new Hono();
  app.use('*', legworkSecureHeaders());
  // Every route has a body cap; routes that expect less set a smaller one of their own.
  app.use('*', limitBody(defaultMaxBodyBytes));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  // Every check runs at once and each answers within the timeout: a dependency that hangs (Redis
  // down, a black-holed database) makes /readyz say so, it never makes /readyz hang.
  app.get('/readyz', async (c) => {
    const timeoutMs = deps.readinessTimeoutMs ?? 1000;
    const named: [string, () => Promise<CheckResult>][] = [
      ['database', async () => (await sql`select 1`.execute(deps.db), { ok: true })],
      ...Object.entries(deps.readinessChecks ?? {}),
      ...deps.adapters.flatMap((adapter): [string, () => Promise<CheckResult>][] =>
        adapter.health ? [[adapter.platform, () => adapter.health!()]] : [],
      ),
    ];
    const results = await Promise.all(named.map(([, check]) => settleCheck(check, timeoutMs)));
    const checks = Object.fromEntries(named.map(([name], i) => [name, results[i]!]));
    const down = named.filter((_, i) => !results[i]!.ok).map(([name]) => name);
    const ok = down.length === 0;
    return c.json({ status: ok ? 'ready' : 'unavailable', down, checks }, ok ? 200 : 503);
  });

  for (const adapter of deps.adapters) adapter.routes?.(app);

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    if (failureStatus(error) === 400) return c.json({ error: 'invalid input', detail: (error as Error).message }, 400);
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
