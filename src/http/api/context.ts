import type { Kysely } from 'kysely';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { Logger } from '../../logger.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';

/** What the admin API needs; nothing node-only, so a Workers build can mount it too. */
export interface AdminApiDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** `ADMIN_TOKEN`: server-wide access; unset disables it (per-org tokens still work). */
  adminToken?: string;
  /**
   * The API reference's browser bundle (@scalar/api-reference's standalone.js), read by the host:
   * node reads it from node_modules, a Worker would bundle it as an asset. Undefined when missing.
   */
  docsScript?: () => Promise<string | undefined>;
  /**
   * Writes an .xlsx export (the streamed zip writer, on Node and the Worker), loaded only when asked
   * for. Absent: xlsx exports answer 503.
   */
  xlsxWriter?: () => Promise<typeof import('./exports/xlsx-zip-writer.ts')>;
  /**
   * A caller without a bearer token may still have a scope: the console's session cookie resolves to
   * the person's {@link ApiActor} (a manager: the teams they manage). Absent: bearer tokens only.
   */
  sessionActor?: (c: Context) => Promise<ApiActor | undefined>;
  /**
   * More routes on the same API (auth, problems, audit and OpenAPI document included), registered
   * before the document is built.
   */
  extraRoutes?: ReadonlyArray<(api: ApiApp, deps: AdminApiDeps) => void>;
  /** Wakes the delivery loop after a write queued a chat message (a comment to the rep). */
  onOutboxWritten?: () => void;
  /** Rows per batch when an export reads a table (default 2,000 per keyset page, 1,000 per cursor fetch). */
  exportPageSize?: number;
  /**
   * Exports read through one server-side cursor (a pooled connection held for the download) instead
   * of keyset pages. Only for a PostgreSQL server: on PGlite's single connection every other request
   * would wait for the download. Default off.
   */
  exportCursor?: boolean;
}

export type ApiEnv = { Variables: { scope: ApiActor } };
export type ApiApp = OpenAPIHono<ApiEnv>;
