import type { Hono } from 'hono';
import type { AppConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { systemClock, type Clock } from '../core/shared/clock.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import { connectDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { resolveLinkSecret } from '../core/location-links/link-secret.ts';
import { parseDataKey, replaceRotatedKeyFile, resolveDataKey } from '../core/secrets/data-key.ts';
import { holdsSealedSecrets, verifyDataKey } from '../core/secrets/secret-store.ts';
import { createConversationEngine, type ConversationEngine } from '../conversation/engine.ts';
import { createPlatformAdapters } from './platform-adapters.ts';
import { createDeliveryLoop, type DeliveryLoop } from '../../jobs/deliver/delivery-loop.ts';
import { createScheduler, type Scheduler } from '../../jobs/scheduler.ts';
import { createHttpApp } from '../http/app.ts';
import { mountHttpRoutes } from './http-routes.ts';
import { readEchartsScript } from '../http/console/echarts-file.ts';
import { noticeFromText } from '../http/privacy/notice-text.ts';
import { noticeFromFile } from '../http/privacy/notice-file.ts';
import { mountBackupRoute } from '../http/backup-route.ts';
import { mountBackupUnavailable } from '../http/backup-unavailable.ts';
import { newBackupToken } from '../db/backup/run-file.ts';
import { createPrometheusMetrics, type PrometheusMetrics } from '../observability/prometheus-metrics.ts';
import { instrumentEngine } from '../observability/instrument-engine.ts';
import { mountMetrics } from '../observability/metrics-route.ts';
import { readDocsScript } from '../http/api/docs-script.ts';
import { maxTextLength } from './limits.ts';
import { createChartImages } from '../charts/chart-store.ts';

export { maxTextLength } from './limits.ts';

export interface Legwork {
  config: AppConfig;
  /** The key that seals credentials stored in the database (DATA_ENCRYPTION_KEY or DATA_DIR/encryption.key). */
  dataKey: Buffer;
  /** Authorises `POST /admin/backup` for `npm run backup` on this machine (embedded database only). */
  backupToken: string;
  database: DatabaseHandle;
  engine: ConversationEngine;
  delivery: DeliveryLoop;
  http: Hono;
  adapters: ChatAdapter[];
  /** Reminders, leaderboards and digests (BullMQ with REDIS_URL, else in-process). */
  scheduler: Scheduler;
  /** The logger every part was given (tests watch it for the lines operators rely on). */
  logger: Logger;
  /** This instance's Prometheus registry, served at `GET /metrics`. */
  metrics: PrometheusMetrics;
  /** Starts the background parts (delivery loop, scheduler, platform connections). */
  start(): Promise<void>;
  /** `npm run worker`: only the scheduler's workers and the delivery loop (no platform connections). */
  startWorker(): Promise<void>;
  /** Stops background parts and closes the database (unless it was handed in); safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Wires the whole service from config: database (migrated), engine, adapters, delivery loop and the
 * HTTP app. `main.ts` serves it; tests use the same function with a manual clock.
 */
export async function buildApp(
  config: AppConfig,
  options: { logger: Logger; clock: Clock; database?: DatabaseHandle },
): Promise<Legwork> {
  const { logger, clock } = options;
  const database = options.database ?? (await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.databasePreparedStatements }));
  await migrateToLatest(database.db);
  // A wrong key stops the start here, with a message saying so (never a silent failure later).
  // A key file is generated only for a database without sealed secrets (never in place of a missing one).
  const mayGenerate = !(await holdsSealedSecrets(database.db));
  const { key: dataKey, source: keySource } = await resolveDataKey({ configured: config.dataEncryptionKey, dataDir: config.dataDir, mayGenerate });
  const previousKey = config.dataEncryptionKeyPrevious ? parseDataKey(config.dataEncryptionKeyPrevious, 'DATA_ENCRYPTION_KEY_PREVIOUS') : undefined;
  const keyState = await verifyDataKey(database.db, dataKey, { source: keySource, previousKey });
  if (keyState === 'rotated') {
    // The generated key file held the previous key: it now holds the new one, so the next start
    // needs neither variable (README, "Secrets at rest").
    const replaced = previousKey && config.dataEncryptionKey ? await replaceRotatedKeyFile(config.dataDir, previousKey, dataKey) : false;
    logger.warn({ keySource, keyFileReplaced: replaced }, 'stored secrets re-sealed with the new data key; remove DATA_ENCRYPTION_KEY_PREVIOUS');
  }
  const linkSecret = await resolveLinkSecret(database.db, dataKey, config.locationLinkSecret);

  const metrics = createPrometheusMetrics({ db: database.db, clock, logger, poolStats: database.poolStats });
  const adapterMap = new Map<string, ChatAdapter>();
  const delivery = createDeliveryLoop({ db: database.db, clock, logger, adapters: adapterMap, metrics: metrics.recorder });
  const scheduler = createScheduler({
    db: database.db,
    clock,
    logger,
    redisUrl: config.redisUrl,
    embeddedDatabase: database.kind === 'pglite',
    locationRetentionDays: config.locationRetentionDays,
    ...(database.dumpDataDir ? { embeddedBackup: { dump: database.dumpDataDir, dataDir: config.dataDir, keep: config.backupKeep } } : {}),
    metrics: metrics.recorder,
    links: { publicUrl: config.publicUrl, linkSecret, linkTtlMinutes: config.locationLinkTtlMinutes },
  });
  // The minute passes fire on real time; under a manual clock (tests) they would run at arbitrary
  // frozen times, so there the passes run only when a test calls `scheduler.runDueNow()`.
  const schedules = clock === systemClock;
  const engine = instrumentEngine(createConversationEngine({
    db: database.db,
    clock,
    logger,
    defaults: config.defaults,
    settings: { publicUrl: config.publicUrl, linkSecret, linkTtlMinutes: config.locationLinkTtlMinutes, maxTextLength, locationRetentionDays: config.locationRetentionDays },
    onOutboxWritten: () => delivery.kick(),
  }), metrics.recorder);

  // Charts (issue 18) are signed with the link secret: one secret per deployment, already shared by every process.
  const charts = createChartImages({ db: database.db, clock, secret: linkSecret, publicUrl: config.publicUrl });
  const adapters = await createPlatformAdapters(config, { engine, clock, logger, publicUrl: config.publicUrl, db: database.db, charts });
  for (const adapter of adapters) adapterMap.set(adapter.platform, adapter);

  const http = createHttpApp({ db: database.db, logger, adapters, readinessChecks: { queue: () => scheduler.health() } });
  mountMetrics(http, { metrics, token: config.metricsToken });
  mountHttpRoutes(http, {
    config,
    db: database.db,
    clock,
    logger,
    linkSecret,
    onOutboxWritten: () => delivery.kick(),
    // What Node reads from node_modules and the disk; the Worker has the same files bundled.
    host: {
      docsScript: readDocsScript,
      // The same streamed zip writer as the Worker's: memory stays at about a page of rows (exceljs's
      // streaming writer grew ~140 MB over 100,000 rows).
      xlsxWriter: () => import('../http/api/exports/xlsx-zip-writer.ts'),
      // Exports read through a server-side cursor on a PostgreSQL server (not on PGlite's one connection).
      exportCursor: database.kind === 'postgres',
      echartsScript: readEchartsScript,
      privacyNotice: config.privacyNoticeFile ? noticeFromFile(config.privacyNoticeFile, logger) : config.privacyNoticeText ? noticeFromText(config.privacyNoticeText) : undefined,
    },
  });
  // The token `npm run backup` finds in DATA_DIR/legwork.run (written by main.ts once listening).
  const backupToken = newBackupToken();
  if (database.dumpDataDir) mountBackupRoute(http, { dump: database.dumpDataDir, tokens: () => [config.adminToken, backupToken], logger });
  else mountBackupUnavailable(http, 'The database is PostgreSQL (DATABASE_URL): back it up with pg_dump, and keep DATA_ENCRYPTION_KEY with it (see the README).');
  let stopped = false;
  return {
    config,
    dataKey,
    backupToken,
    database,
    engine,
    delivery,
    http,
    adapters,
    scheduler,
    logger,
    metrics,
    async start() {
      for (const adapter of adapters) await adapter.start?.();
      delivery.start();
      delivery.kick();
      await scheduler.start({ schedules });
    },
    async startWorker() {
      delivery.start();
      delivery.kick();
      await scheduler.start({ schedules });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      await delivery.stop();
      for (const adapter of adapters) await adapter.stop?.();
      if (!options.database) await database.close();
    },
  };
}
