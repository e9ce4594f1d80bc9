import type { AppConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ConversationEngine } from '../conversation/engine.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import { createLocalAdapter } from '../../bots/local/index.ts';
import { createDingTalkAdapter } from '../../bots/dingtalk/index.ts';
import { createDatabaseMailbox } from '../db/local-mailbox.ts';
import { createSlackAdapter } from '../../bots/slack/index.ts';
import { createPersonQueries } from '../conversation/ports/person-queries.ts';
import type { ChartImages } from '../charts/chart-store.ts';
import { weComSendRecords } from '../db/send-records.ts';
import { databaseSessionWebhooks } from '../db/dingtalk-session-webhooks.ts';

/** What every adapter factory may use. Adapters reach the database only through the engine's ports. */
export interface AdapterDeps {
  engine: ConversationEngine;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  /** Stored charts (issue 18): adapters upload them or link to them; absent in tests that need none. */
  charts?: ChartImages;
}

/**
 * The adapters this deployment runs, one line per platform: a platform is on when its configuration
 * is present (see `src/config.ts`). Heavy SDKs are imported lazily inside their factories.
 */
export async function createPlatformAdapters(
  config: AppConfig,
  deps: AdapterDeps & { db: Kysely<Database> },
): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  const { db, ...adapterDeps } = deps;
  if (config.localChat) adapters.push(createLocalAdapter({ ...adapterDeps, mailbox: createDatabaseMailbox(db) }));
  if (config.wecom) adapters.push((await import('../../bots/wecom/index.ts')).createWeComAdapter(config.wecom, { ...adapterDeps, ...weComSendRecords(db, adapterDeps.clock) }));
  if (config.wechaty) adapters.push(await (await import('../../bots/wechaty/index.ts')).createWechatyAdapter(config.wechaty, adapterDeps));
  if (config.dingtalk) adapters.push(await createDingTalkAdapter(config.dingtalk, { ...adapterDeps, sessionStore: databaseSessionWebhooks(db, adapterDeps.clock) }));
  if (config.slack) adapters.push(await createSlackAdapter(config.slack, { ...adapterDeps, people: createPersonQueries({ db, clock: adapterDeps.clock }) }));
  return adapters;
}

