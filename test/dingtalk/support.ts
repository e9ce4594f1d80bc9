import { afterAll, beforeAll, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHmac, randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import { createHarness, testStart, type TestHarness } from '../support/test-app.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import { FakeDingTalk } from './fake-dingtalk.ts';

export const app = { clientId: 'dingkzxdapefq1ac6gk', clientSecret: 'test-client-secret-0123456789', robotCode: 'dingkzxdapefq1ac6gk' };

/**
 * Robot message payloads, from the documented samples (developerpedia "接收的消息类型" and the Stream
 * protocol's group example, whose garbled `isInAtList`/`createAt` keys are repaired).
 */
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
export const fixtures = {
  direct: fixture('text-1to1'),
  group: fixture('text-group'),
  richText: fixture('rich-text'),
  audio: fixture('audio'),
  picture: fixture('picture'),
  file: fixture('file'),
  video: fixture('video'),
};

export interface Person {
  staffId: string;
  nick: string;
}

export const GROUP_ID = 'cidAsXSBLnA2Sx9rGZqN8Jeg==';

/**
 * A text message from `person`, 1:1 or in the test group, with its own msgId and session webhook
 * (on the fake) valid for 90 minutes from `now`.
 */
export function textMessage(
  fake: FakeDingTalk,
  person: Person,
  text: string,
  options: { group?: boolean; now: Date; msgId?: string; session?: string; expiresInMs?: number },
): Record<string, unknown> & { msgId: string; session: string } {
  const session = options.session ?? randomUUID();
  const base = options.group ? fixtures.group : fixtures.direct;
  return {
    ...base,
    msgId: options.msgId ?? `msg${randomUUID()}`,
    senderStaffId: person.staffId,
    senderNick: person.nick,
    senderId: `$:LWCP_v1:$${person.staffId}==`,
    ...(options.group ? { conversationId: GROUP_ID } : { conversationId: `cid-${person.staffId}` }),
    createAt: options.now.getTime(),
    sessionWebhook: fake.sessionUrl(session),
    sessionWebhookExpiredTime: options.now.getTime() + (options.expiresInMs ?? 90 * 60_000),
    // In groups DingTalk removes the robot's @-mention and leaves the leading space.
    text: { content: options.group ? ` ${text}` : text },
    session,
  };
}

/** The texts the bot posted through one session webhook, oldest first. */
export function sessionReplies(fake: FakeDingTalk, session: string): string[] {
  return fake
    .callsTo('/robot/sendBySession')
    .filter((c) => c.body && c.query.session === session)
    .map((c) => renderedText(c.body));
}

/** The visible text of a session webhook body (text, markdown or ActionCard). */
export function renderedText(body: any): string {
  if (body.msgtype === 'text') return body.text.content;
  if (body.msgtype === 'markdown') return body.markdown.text;
  if (body.msgtype === 'actionCard') return body.actionCard.text;
  return JSON.stringify(body);
}

/** `timestamp` and `sign` headers of an HTTP-mode callback, signed as DingTalk signs them. */
export function signedHeaders(secret: string, timestampMs: number): Record<string, string> {
  const timestamp = String(timestampMs);
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return { 'content-type': 'application/json', timestamp, sign };
}

/** Polls a condition (real sockets are involved) for up to `timeoutMs`; fails naming what it waited for. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface DingTalkSetup {
  fake: FakeDingTalk;
  h: TestHarness;
  database: DatabaseHandle;
  adapter: ChatAdapter;
  close(): Promise<void>;
}

/** The fake DingTalk plus the whole service configured against it (delivery driven by hand). */
export async function setupDingTalk(mode: 'stream' | 'http', extraEnv: Record<string, string> = {}): Promise<DingTalkSetup> {
  const fake = await new FakeDingTalk(app).start();
  const database = await createTestDatabase();
  const h = await createHarness(
    {
      DINGTALK_CLIENT_ID: app.clientId,
      DINGTALK_CLIENT_SECRET: app.clientSecret,
      DINGTALK_ROBOT_CODE: app.robotCode,
      DINGTALK_MODE: mode,
      DINGTALK_API_URL: fake.url,
      DINGTALK_GATEWAY_URL: `${fake.url}/v1.0/gateway/connections/open`,
      LOCAL_CHAT: 'off',
      ...extraEnv,
    },
    database,
  );
  const adapter = h.app.adapters.find((a) => a.platform === 'dingtalk');
  if (!adapter) throw new Error('DingTalk adapter not configured');
  return {
    fake,
    h,
    database,
    adapter,
    async close() {
      await h.app.stop();
      await database.close();
      await fake.close();
    },
  };
}

/** One DingTalk setup per test file, clean tables, calls and clock before every test. */
export function useDingTalk(mode: 'stream' | 'http'): { readonly current: DingTalkSetup } {
  const holder = {} as { current: DingTalkSetup };
  beforeAll(async () => {
    holder.current = await setupDingTalk(mode);
  });
  afterAll(async () => holder.current?.close());
  beforeEach(async () => {
    await resetDatabase(holder.current.database);
    holder.current.fake.reset();
    holder.current.h.clock.set(testStart);
  });
  return holder;
}
