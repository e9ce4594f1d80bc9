import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createHarness, testStart, type TestHarness } from '../../support/test-app.ts';
import { createTestDatabase, resetDatabase } from '../../support/test-database.ts';
import type { DatabaseHandle } from '../../../src/db/connect.ts';
import type { WeComAdapter } from '../../../bots/wecom/index.ts';
import { FakeQyapi } from './fake-qyapi.ts';
import { agentId, secret, signedCallback, vector, wecomEnv, type SignedCallback } from './callbacks.ts';

export interface WeComTestContext {
  h: TestHarness;
  fake: FakeQyapi;
  adapter: WeComAdapter;
  /** POSTs a callback to /wecom/callback and waits until the adapter has handled it. */
  post(callback: SignedCallback | string): Promise<Response>;
  /** Drains the outbox and returns the app messages sent since the last call, oldest first. */
  delivered(): Promise<{ touser: string; msgtype: string; body: Record<string, unknown> }[]>;
  /** Seconds since the epoch on the test clock, for CreateTime. */
  createTime(): number;
}

/**
 * The whole service configured for WeCom with the public test vector, its API pointed at a fake
 * qyapi server (started first, so its port can go into the config), clean tables per test.
 */
/** A fresh PGlite database plus migrations can take long on a loaded 2-core machine. */
const bootTimeoutMs = 180_000;

export function useWeComHarness(): { readonly current: WeComTestContext } {
  const holder = {} as { current: WeComTestContext };
  let database: DatabaseHandle;
  let seen = 0;
  beforeAll(async () => {
    const fake = new FakeQyapi({ corpId: vector.corpId, secret, agentId });
    await fake.start();
    database = await createTestDatabase();
    const h = await createHarness({ ...wecomEnv(fake.url), LOCAL_CHAT: 'off' }, database);
    const adapter = h.app.adapters.find((a) => a.platform === 'wecom') as WeComAdapter;
    holder.current = {
      h,
      fake,
      adapter,
      async post(callback) {
        const cb = typeof callback === 'string' ? signedCallback(callback) : callback;
        const res = await h.app.http.request(cb.path, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: cb.body });
        await adapter.settled();
        return res;
      },
      async delivered() {
        await h.app.delivery.drainOnce();
        const sends = fake.callsTo('/cgi-bin/message/send').slice(seen);
        seen += sends.length;
        return sends.map((c) => ({ touser: String(c.body?.touser), msgtype: String(c.body?.msgtype), body: c.body ?? {} }));
      },
      createTime: () => Math.floor(h.clock.now().getTime() / 1000),
    };
  }, bootTimeoutMs);
  beforeEach(async () => {
    await resetDatabase(database);
    holder.current.h.clock.set(testStart);
    holder.current.fake.reset();
    seen = 0;
  });
  afterAll(async () => {
    await holder.current?.h.app.stop();
    await holder.current?.fake.stop();
    await database?.close();
  });
  return holder;
}

/** The text a delivered app message shows (text content, textcard description, card titles). */
export function shownText(message: { msgtype: string; body: Record<string, unknown> }): string {
  const body = message.body as Record<string, Record<string, unknown>>;
  if (message.msgtype === 'text') return String(body.text?.content);
  if (message.msgtype === 'textcard') return String(body.textcard?.description);
  if (message.msgtype === 'template_card') return JSON.stringify(body.template_card);
  return JSON.stringify(body);
}
