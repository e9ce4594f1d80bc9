import { readFileSync } from 'node:fs';
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import type { SlackAdapter } from '../../bots/slack/index.ts';
import { createHarness, testStart, type TestHarness } from '../support/test-app.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import { FakeSlack, type FakeUser } from './fake-slack.ts';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const ids = {
  team: 'T0LEGWORK',
  app: 'A0LEGWORK',
  botId: 'B0LEGBOT1',
  botUser: 'U0LEGBOT1',
  botToken: 'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy',
  appToken: 'xapp-1-A0LEGWORK-2025-7f1c9d8e6b5a4f3e2d1c0b9a8f7e6d5c',
  channel: 'C0SALES01',
} as const;

/** A rep in Shenzhen with a Chinese Slack, and one in California with an English one. */
export const zhang: FakeUser = { id: 'U0ZHANG01', name: 'zhangwei', realName: '张伟', displayName: '张伟', tz: 'Asia/Shanghai', tzOffset: 28800, locale: 'zh-CN' };
export const bob: FakeUser = { id: 'U0BOB0001', name: 'bob', realName: 'Bob Miller', displayName: 'Bob', tz: 'America/Los_Angeles', tzOffset: -28800, locale: 'en-US' };

/** The payloads of test/slack/fixtures, in the shapes Slack documents; tests copy and adjust them. */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

export interface SlackTestContext {
  fake: FakeSlack;
  h: TestHarness;
  slack: SlackAdapter;
}

/**
 * One fake Slack and one service per test file (the fake's port must be known before the service's
 * config is built, so this replaces useHarness); clean tables, calls and clock before every test.
 */
export function useSlack(env: Record<string, string> = {}): SlackTestContext {
  const ctx = {} as SlackTestContext;
  let database: DatabaseHandle;
  beforeAll(async () => {
    ctx.fake = await FakeSlack.start({ teamId: ids.team, botToken: ids.botToken, appToken: ids.appToken, botId: ids.botId, botUserId: ids.botUser, appId: ids.app });
    database = await createTestDatabase();
    ctx.h = await createHarness(
      {
        SLACK_BOT_TOKEN: ids.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: ctx.fake.apiUrl,
        SLACK_BOT_ID: ids.botId,
        SLACK_BOT_USER_ID: ids.botUser,
        ...env,
      },
      database,
    );
    const adapter = ctx.h.app.adapters.find((a) => a.platform === 'slack');
    if (!adapter) throw new Error('slack adapter not configured');
    ctx.slack = adapter as SlackAdapter;
  });
  beforeEach(async () => {
    await resetDatabase(database);
    ctx.fake.reset();
    ctx.fake.users.clear();
    ctx.fake.users.set(zhang.id, zhang);
    ctx.fake.users.set(bob.id, bob);
    ctx.h.reset();
    ctx.h.clock.set(testStart);
  });
  afterAll(async () => {
    await ctx.h?.app.stop();
    await database?.close();
    await ctx.fake?.close();
  });
  return ctx;
}

export interface SignOptions {
  /** Seconds since the epoch; defaults to the harness clock. */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** Slack's request signature headers (https://docs.slack.dev/authentication/verifying-requests-from-slack). */
export function signatureHeaders(body: string, timestamp: number, secret = SIGNING_SECRET): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** POSTs a raw body to /slack/events, signed, and waits for the work Slack does not wait for. */
export async function postSigned(ctx: SlackTestContext, body: string, contentType: string, options: SignOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(ctx.h.clock.now().getTime() / 1000);
  const res = await ctx.h.app.http.request('/slack/events', {
    method: 'POST',
    headers: { 'content-type': contentType, ...signatureHeaders(body, timestamp, options.secret), ...options.headers },
    body,
  });
  await ctx.slack.idle();
  return res;
}

/** An Events API delivery (JSON). */
export function postEvent(ctx: SlackTestContext, payload: unknown, options?: SignOptions): Promise<Response> {
  return postSigned(ctx, JSON.stringify(payload), 'application/json', options);
}

/** A slash command (form fields). */
export function postCommand(ctx: SlackTestContext, fields: Record<string, string>, options?: SignOptions): Promise<Response> {
  return postSigned(ctx, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

/** An interactivity payload (`payload=<json>`, form-encoded). */
export function postInteraction(ctx: SlackTestContext, payload: unknown, options?: SignOptions): Promise<Response> {
  return postSigned(ctx, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
}

/** message.im from `user` in their DM with the app, with a fresh event id unless given. */
export function directMessage(user: FakeUser, text: string, eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`): any {
  const payload = fixture('event-message-im');
  payload.event_id = eventId;
  payload.event.user = user.id;
  payload.event.channel = `D${user.id.slice(1)}`;
  payload.event.text = text;
  payload.event.blocks[0].elements[0].elements[0].text = text;
  return payload;
}

/** A slash command's fields with a fresh trigger id. */
export function slashCommand(user: FakeUser, command: string, text: string, channel: string = ids.channel): Record<string, string> {
  return {
    ...fixture('slash-command'),
    command,
    text,
    user_id: user.id,
    user_name: user.name,
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'sales',
    trigger_id: `${Date.now()}.738474920.${randomUUID().replace(/-/g, '')}`,
  };
}

/** The visible text of a recorded chat.postMessage / chat.postEphemeral call (the fallback text). */
export const textOf = (call: { args: Record<string, any> }) => String(call.args.text ?? '');

/** Delivers what is due and returns the calls made for it. */
export async function deliver(ctx: SlackTestContext): Promise<{ posted: any[]; ephemeral: any[] }> {
  const before = ctx.fake.calls.length;
  await ctx.h.app.delivery.drainOnce();
  const made = ctx.fake.calls.slice(before);
  return { posted: made.filter((c) => c.method === 'chat.postMessage'), ephemeral: made.filter((c) => c.method === 'chat.postEphemeral') };
}
