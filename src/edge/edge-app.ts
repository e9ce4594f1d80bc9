import type { Hono } from 'hono';
import { loadConfig, type AppConfig } from '../config.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { Logger } from '../logger.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import { openPostgres } from '../db/postgres-pool.ts';
import { resolveLinkSecret } from '../core/location-links/link-secret.ts';
import { parseDataKey } from '../core/secrets/data-key.ts';
import { createConversationEngine } from '../conversation/engine.ts';
import { createDeliveryLoop, type DrainResult } from '../../jobs/deliver/delivery-loop.ts';
import { createHttpApp } from '../http/app.ts';
import { mountHttpRoutes } from '../app/http-routes.ts';
import { maxTextLength } from '../app/limits.ts';
import { createEdgeAdapters } from './edge-adapters.ts';
import { mountBackupUnavailable } from '../http/backup-unavailable.ts';
import { edgeBackupDetail, edgeHttpHost } from './edge-host.ts';

/** The Worker's bindings: Hyperdrive plus the plain variables and secrets (same names as the Node service). */
export interface WorkerEnv {
  HYPERDRIVE: { connectionString: string };
  [name: string]: unknown;
}

/**
 * The configuration from the Worker's variables and secrets, through the same zod schema as the Node
 * service. DATABASE_URL is Hyperdrive's connection string; nothing else is special.
 */
export function configFromEnv(env: WorkerEnv): AppConfig {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value;
  return loadConfig({ ...vars, DATABASE_URL: env.HYPERDRIVE.connectionString });
}

/**
 * An outbox row claimed by one invocation stays reserved this long. The Worker has no lease
 * heartbeat (nothing runs between invocations), so the lease must outlast the slowest send (the API
 * clients time out after 10 s); a row whose invocation died is free again after it.
 */
const edgeLeaseMs = 60_000;

export interface EdgeLegwork {
  config: AppConfig;
  /** The location links' signing secret (plan reminders carry check-in links). */
  linkSecret: string;
  http: Hono;
  adapters: ChatAdapter[];
  /** The work after the answer: what adapters continue, then delivering what was queued, then closing the pool. */
  settle(options?: { drain?: boolean }): Promise<DrainResult | undefined>;
  /** Everything due in the outbox now (the cron's drain). */
  drain(): Promise<DrainResult>;
  db: ReturnType<typeof openPostgres>['db'];
  close(): Promise<void>;
}

/**
 * The service as one Worker invocation sees it: the same engine, adapters, routes and delivery code
 * as `buildApp`, on a pg pool through Hyperdrive. Built per invocation: workerd ties sockets to the
 * request that opened them, so nothing that holds a connection may outlive it (Hyperdrive pools
 * the connections to PostgreSQL itself). The Worker never migrates: `npm run migrate` does.
 */
export async function createEdgeLegwork(env: WorkerEnv, options: { clock: Clock; logger: Logger }): Promise<EdgeLegwork> {
  const { clock, logger } = options;
  const config = configFromEnv(env);
  const { db } = openPostgres(config.databaseUrl!, { max: 5 });
  let outboxWritten = false;
  const deferred = new Set<Promise<unknown>>();
  const defer = (work: Promise<unknown>) => {
    const settled = work.catch((error: unknown) => logger.error({ err: error }, 'work after the answer failed'));
    deferred.add(settled);
    void settled.finally(() => deferred.delete(settled));
  };
  try {
    const linkSecret = await edgeLinkSecret(db, config);
    const adapterMap = new Map<string, ChatAdapter>();
    const delivery = createDeliveryLoop({ db, clock, logger, adapters: adapterMap, leaseMs: edgeLeaseMs });
    const onOutboxWritten = () => {
      outboxWritten = true;
    };
    const engine = createConversationEngine({
      db,
      clock,
      logger,
      defaults: config.defaults,
      settings: { publicUrl: config.publicUrl, linkSecret, linkTtlMinutes: config.locationLinkTtlMinutes, maxTextLength, locationRetentionDays: config.locationRetentionDays },
      onOutboxWritten,
    });
    const { adapters, settled } = createEdgeAdapters(config, { engine, clock, logger, publicUrl: config.publicUrl, db, defer });
    for (const adapter of adapters) adapterMap.set(adapter.platform, adapter);
    const http = createHttpApp({ db, logger, adapters });
    mountHttpRoutes(http, { config, db, clock, logger, linkSecret, onOutboxWritten, host: edgeHttpHost(config) });
    mountBackupUnavailable(http, edgeBackupDetail);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    };
    return {
      config,
      linkSecret,
      http,
      adapters,
      db,
      drain: () => delivery.drainOnce(),
      close,
      async settle({ drain } = {}) {
        try {
          while (deferred.size > 0) await Promise.all([...deferred]);
          await settled();
          // Only what this invocation queued is worth the wait here; the cron picks up anything left.
          return outboxWritten || drain ? await delivery.drainOnce() : undefined;
        } finally {
          await close();
        }
      },
    };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

/**
 * The link-signing secret on the Worker: `LOCATION_LINK_SECRET` as given, else the one the Node
 * service generated and sealed in the database, opened with `DATA_ENCRYPTION_KEY` (a Worker has no
 * DATA_DIR to keep a generated key in, so the key must be a secret: `wrangler secret put`).
 */
async function edgeLinkSecret(db: Parameters<typeof resolveLinkSecret>[0], config: AppConfig): Promise<string> {
  if (config.locationLinkSecret) return config.locationLinkSecret;
  if (!config.dataEncryptionKey) {
    throw new Error('Set LOCATION_LINK_SECRET or DATA_ENCRYPTION_KEY as Worker secrets (wrangler secret put): the Worker has no DATA_DIR for a generated key.');
  }
  // No verifyDataKey here: it would cost every request its queries, and a wrong key already fails
  // loudly when the sealed secret does not open (AES-GCM). The Node service verifies at start.
  return resolveLinkSecret(db, parseDataKey(config.dataEncryptionKey, 'DATA_ENCRYPTION_KEY'));
}
