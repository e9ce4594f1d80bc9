import { createHmac } from 'node:crypto';
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { inject } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { openPostgres } from '../../src/db/postgres-pool.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { createConsoleLogger } from '../../src/edge/console-logger.ts';
import type { createWorker } from '../../src/edge/worker.ts';
import type { WorkerEnv } from '../../src/edge/edge-app.ts';
import { dingtalkApp, ids, wecomApp } from './platform-ids.ts';

/** True when global-setup.ts made a database (DATABASE_URL was set); the tests skip otherwise. */
export const onPostgres = Boolean(inject('workerDatabaseUrl'));
export const skipReason = 'Workers tests need DATABASE_URL (PostgreSQL, reached through the Hyperdrive binding)';

/** The Worker's variables and secrets, as `wrangler.toml` [vars] and `wrangler secret put` would give them. */
export function workerEnv(extra: Record<string, string> = {}): WorkerEnv {
  return {
    HYPERDRIVE: (env as unknown as WorkerEnv).HYPERDRIVE,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://legwork.test',
    LOCAL_CHAT: 'on',
    LOCATION_LINK_SECRET: 'workers-test-location-link-secret',
    SLACK_BOT_TOKEN: ids.botToken,
    SLACK_SIGNING_SECRET: ids.signingSecret,
    SLACK_API_URL: inject('slackApiUrl'),
    SLACK_BOT_ID: ids.botId,
    SLACK_BOT_USER_ID: ids.botUser,
    WECOM_CORP_ID: wecomApp.corpId,
    WECOM_AGENT_ID: wecomApp.agentId,
    WECOM_SECRET: wecomApp.secret,
    WECOM_TOKEN: wecomApp.token,
    WECOM_ENCODING_AES_KEY: wecomApp.encodingAesKey,
    WECOM_API_URL: inject('qyapiUrl'),
    DINGTALK_CLIENT_ID: dingtalkApp.clientId,
    DINGTALK_CLIENT_SECRET: dingtalkApp.clientSecret,
    DINGTALK_ROBOT_CODE: dingtalkApp.robotCode,
    DINGTALK_MODE: 'http',
    DINGTALK_API_URL: inject('dingtalkUrl'),
    ...extra,
  };
}

/**
 * The Worker under test, on a manual clock, and a way to call it as workerd would. Made by
 * `createWorkerHarness`, which loads the Worker's code only when the tests run (not when they skip).
 */
export class WorkerHarness {
  readonly clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
  readonly worker: ReturnType<typeof createWorker>;
  readonly env = workerEnv();

  constructor(create: typeof createWorker) {
    this.worker = create({ clock: this.clock, logger: () => createConsoleLogger('silent') });
  }

  /** One request; resolves once the answer is there (`answeredMs`) and the work after it (waitUntil) is done. */
  async request(path: string, init: RequestInit = {}): Promise<{ response: Response; answeredMs: number }> {
    const ctx = createExecutionContext();
    const started = Date.now();
    const response = await this.worker.fetch(new Request(`http://legwork.test${path}`, init), this.env, ctx);
    const answeredMs = Date.now() - started;
    // As workerd does: the body goes out to the client, then the work after the answer finishes (the
    // Worker keeps its database pool open until a streamed body, such as an export, has been read).
    const body = response.body ? await response.arrayBuffer() : null;
    await waitOnExecutionContext(ctx);
    return { response: new Response(body, response), answeredMs };
  }

  /**
   * One request, with its answer and the work after it (waitUntil) apart: `finished()` waits for the
   * latter, so a test can look at what was true when the platform got its answer.
   */
  async start(path: string, init: RequestInit = {}): Promise<{ response: Response; answeredMs: number; finished(): Promise<void> }> {
    const ctx = createExecutionContext();
    const started = Date.now();
    const response = await this.worker.fetch(new Request(`http://legwork.test${path}`, init), this.env, ctx);
    return { response, answeredMs: Date.now() - started, finished: () => waitOnExecutionContext(ctx) };
  }

  /** One Cron Trigger run at the clock's current minute. */
  async cron(): Promise<void> {
    const controller = createScheduledController({ scheduledTime: this.clock.now(), cron: '* * * * *' });
    const ctx = createExecutionContext();
    await this.worker.scheduled(controller, this.env, ctx);
    await waitOnExecutionContext(ctx);
  }

  /** A Slack request signed with the app's signing secret at the clock's time (or forged with another secret). */
  slack(body: string, contentType = 'application/json', secret: string = ids.signingSecret) {
    return this.request('/slack/events', this.slackInit(body, contentType, secret));
  }

  /** The request Slack would make: `body` signed at the clock's time. */
  slackInit(body: string, contentType = 'application/json', secret: string = ids.signingSecret): RequestInit {
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
      body,
    };
  }
}

export async function createWorkerHarness(): Promise<WorkerHarness> {
  const { createWorker } = await import('../../src/edge/worker.ts');
  return new WorkerHarness(createWorker);
}

/** A connection of the test's own to the Worker's database (opened and closed per test: workerd ties sockets to a request). */
export async function withDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const { db } = openPostgres((env as unknown as WorkerEnv).HYPERDRIVE.connectionString, { max: 1 });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Empties every table but the migration bookkeeping and settings (as test/support/test-database.ts), and the fakes' records. */
export async function resetAll(): Promise<void> {
  await withDb(async (db) => {
    const tables = await sql<{ tablename: string }>`
      select tablename from pg_tables
      where schemaname = 'public' and tablename not like 'kysely_%' and tablename <> 'settings'`.execute(db);
    const list = tables.rows.map((r) => `"${r.tablename}"`).join(', ');
    if (list) await sql.raw(`truncate ${list} restart identity cascade`).execute(db);
  });
  await fetch(`${inject('probeUrl')}/reset`, { method: 'POST' });
}

export async function countRows(table: keyof Database & string): Promise<number> {
  return withDb(async (db) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n));
}

/** What a fake received: Slack Web API calls, WeCom (qyapi) calls or DingTalk calls. */
export async function fakeCalls(which: 'slack' | 'wecom' | 'dingtalk'): Promise<any[]> {
  return (await fetch(`${inject('probeUrl')}/calls/${which}`)).json();
}

/** DingTalk and WeCom refuse every access token they issued so far (as when they rotate them). */
export async function revokePlatformTokens(): Promise<void> {
  await fetch(`${inject('probeUrl')}/revoke-tokens`, { method: 'POST' });
}

/** The fake Slack answers calls to `method` only after `releaseSlack(method)` (a slow Web API). */
export async function holdSlack(method: string): Promise<void> {
  await fetch(`${inject('probeUrl')}/hold/slack/${method}`, { method: 'POST' });
}

export async function releaseSlack(method: string): Promise<void> {
  await fetch(`${inject('probeUrl')}/release/slack/${method}`, { method: 'POST' });
}

/** The fake DingTalk answers the next calls to `path` with `answers` ({ status, body }), in order. */
export async function scriptDingTalk(path: string, ...answers: { status?: number; body: unknown }[]): Promise<void> {
  await fetch(`${inject('probeUrl')}/script/dingtalk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, answers }) });
}

/** The fake WeCom answers the next calls to `path` with `answers` (WeCom's `{ errcode, errmsg }`), in order. */
export async function scriptWeCom(path: string, ...answers: Record<string, unknown>[]): Promise<void> {
  await fetch(`${inject('probeUrl')}/script/wecom`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, answers }) });
}
