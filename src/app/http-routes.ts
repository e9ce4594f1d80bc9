import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../core/shared/clock.ts';
import { mountLocationPage } from '../http/location-page/index.ts';
import { mountAdminApi, type AdminApiDeps } from '../http/api/index.ts';
import { mountChartImageRoute } from '../charts/chart-image-route.ts';

export interface HttpRouteDeps {
  config: AppConfig;
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  linkSecret: string;
  /** Wakes delivery after a request queued messages (the Node loop's kick; a flag on Workers). */
  onOutboxWritten: () => void;
  /** The admin API's host-specific helpers (Node reads the docs script from node_modules and has exceljs). */
  apiHost?: Pick<AdminApiDeps, 'docsScript' | 'xlsxWriter' | 'exportCursor'>;
}

/**
 * The request/response routes besides the chat adapters' webhooks, mounted the same way by the Node
 * service (`build-app.ts`) and the Cloudflare Worker (`src/edge/edge-app.ts`). A route added here is
 * served by both; keep node-only imports out (the Worker bundle test in test/edge enforces it).
 */
export function mountHttpRoutes(http: Hono, deps: HttpRouteDeps): void {
  const { config } = deps;
  mountChartImageRoute(http, { db: deps.db, clock: deps.clock, secret: deps.linkSecret });
  mountLocationPage(http, {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    linkSecret: deps.linkSecret,
    onOutboxWritten: deps.onOutboxWritten,
    localChat: config.localChat ? { publicUrl: config.publicUrl, linkTtlMinutes: config.locationLinkTtlMinutes } : undefined,
  });
  mountAdminApi(http, { db: deps.db, clock: deps.clock, logger: deps.logger, adminToken: config.adminToken, onOutboxWritten: deps.onOutboxWritten, ...deps.apiHost });
}
