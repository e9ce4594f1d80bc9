import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { Language } from '../conversation/intents/types.ts';
import { mountLocationPage } from '../http/location-page/index.ts';
import { mountAdminApi, type AdminApiDeps } from '../http/api/index.ts';
import { mountChartImageRoute } from '../charts/chart-image-route.ts';
import { mountConsole } from '../http/console/index.ts';
import { mountPrivacyPages } from '../http/privacy/index.ts';

/**
 * What differs between the Node service and the Worker behind the shared routes: files Node reads
 * from node_modules or the disk, which the Worker has bundled (src/edge/bundled-scripts.ts).
 */
export interface HttpHost extends Pick<AdminApiDeps, 'docsScript' | 'xlsxWriter' | 'exportCursor'> {
  /** Apache ECharts' browser script for the console's charts (echarts/dist/echarts.min.js). */
  echartsScript: () => Promise<string>;
  /** The company's own privacy text in a language (Node: PRIVACY_NOTICE_FILE); absent: the built-in notice alone. */
  privacyNotice?: (language: Language) => Promise<string | undefined>;
}

export interface HttpRouteDeps {
  config: AppConfig;
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  linkSecret: string;
  /** Wakes delivery after a request queued messages (the Node loop's kick; a flag on Workers). */
  onOutboxWritten: () => void;
  host: HttpHost;
}

/**
 * The request/response routes besides the chat adapters' webhooks, mounted the same way by the Node
 * service (`build-app.ts`) and the Cloudflare Worker (`src/edge/edge-app.ts`): charts, the location
 * page, the admin API and its docs, the console and the privacy pages. A route added here is served
 * by both; keep node-only imports out (the Worker bundle test in test/integration enforces it).
 */
export function mountHttpRoutes(http: Hono, deps: HttpRouteDeps): void {
  const { config, host } = deps;
  mountChartImageRoute(http, { db: deps.db, clock: deps.clock, secret: deps.linkSecret });
  mountLocationPage(http, {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    linkSecret: deps.linkSecret,
    onOutboxWritten: deps.onOutboxWritten,
    localChat: config.localChat ? { publicUrl: config.publicUrl, linkTtlMinutes: config.locationLinkTtlMinutes } : undefined,
  });
  mountAdminApi(http, {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    adminToken: config.adminToken,
    onOutboxWritten: deps.onOutboxWritten,
    docsScript: host.docsScript,
    xlsxWriter: host.xlsxWriter,
    exportCursor: host.exportCursor,
  });
  mountConsole(http, {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    linkSecret: deps.linkSecret,
    publicUrl: config.publicUrl,
    onOutboxWritten: deps.onOutboxWritten,
    echartsScript: host.echartsScript,
  });
  mountPrivacyPages(http, {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    linkSecret: deps.linkSecret,
    locationRetentionDays: config.locationRetentionDays,
    companyNotice: host.privacyNotice,
  });
}
