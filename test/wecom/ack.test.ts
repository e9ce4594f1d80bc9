import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createWeComAdapter } from '../../bots/wecom/index.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { createLogger } from '../../src/logger.ts';
import type { InboundEvent } from '../../src/conversation/types.ts';
import type { HandleResult } from '../../src/conversation/engine.ts';
import { agentId, secret, signedCallback, textXml, vector } from './support/callbacks.ts';

/**
 * When WeCom gets its answer, relative to the engine's work: these use a stand-in engine whose
 * `handle` the test settles by hand (the real engine is covered in callback.test.ts).
 */
function setup(handle: (event: InboundEvent) => Promise<HandleResult>) {
  const adapter = createWeComAdapter(
    { corpId: vector.corpId, agentId, secret, token: vector.token, encodingAesKey: vector.encodingAesKey, apiUrl: 'http://127.0.0.1:9', locationSystem: 'gcj02', markdown: true },
    { engine: { handle }, clock: new ManualClock(new Date('2026-11-27T02:00:00Z')), logger: createLogger('silent') },
    { ackBudgetMs: 100 },
  );
  const app = new Hono();
  adapter.routes!(app);
  const callback = signedCallback(textXml({ from: 'alice', content: '今天', msgId: '42', createTime: 1_795_744_800 }));
  const post = () => app.request(callback.path, { method: 'POST', body: callback.body });
  return { adapter, post };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('answering WeCom within its 5 seconds', () => {
  it('answers 200 with an empty body once the message is handled, with the decoded event', async () => {
    const seen: InboundEvent[] = [];
    const { post } = setup(async (event) => {
      seen.push(event);
      return { duplicate: false, replies: 1 };
    });
    const res = await post();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(seen).toEqual([
      expect.objectContaining({
        platform: 'wecom',
        eventId: '42',
        tenantId: vector.corpId,
        text: '今天',
        sender: { externalId: 'alice', displayName: 'alice', directRef: 'wecom:user:alice' },
        conversation: { ref: 'wecom:user:alice', kind: 'direct' },
      }),
    ]);
  });

  it('answers 500 when handling fails, so that WeCom delivers the message again', async () => {
    const { post } = setup(async () => {
      throw new Error('database unavailable');
    });
    expect((await post()).status).toBe(500);
  });

  it('answers 200 after the budget while slow handling carries on, and settled() waits for it', async () => {
    const work = deferred<HandleResult>();
    const { adapter, post } = setup(() => work.promise);
    const res = await post();
    expect(res.status).toBe(200);
    let done = false;
    const settled = adapter.settled().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    work.resolve({ duplicate: false, replies: 1 });
    await settled;
    expect(done).toBe(true);
  });
});
