import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { databaseSessionWebhooks } from '../../src/db/dingtalk-session-webhooks.ts';
import { SessionWebhooks, trustedWebhookHosts } from '../../bots/dingtalk/session-webhooks.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';

/** Session webhooks kept in the database outlive the adapter (a restart on Node, an invocation on the Worker). */
describe('DingTalk session webhooks in the database', () => {
  let database: DatabaseHandle;
  const start = new Date('2026-11-27T02:00:00Z');
  const clock = new ManualClock(start);
  const trusted = trustedWebhookHosts('https://api.dingtalk.com');
  const session = (id: string, minutes: number, conversationRef = 'dingtalk:user:$:LWCP_v1:$outsider') => ({
    url: `https://oapi.dingtalk.com/robot/sendBySession?session=${id}`,
    expiresAt: new Date(clock.now().getTime() + minutes * 60_000),
    conversationRef,
    senderUserId: '$:LWCP_v1:$outsider',
    group: false,
  });
  const fresh = () => new SessionWebhooks(clock, trusted, databaseSessionWebhooks(database.db, clock));

  beforeAll(async () => {
    database = await createTestDatabase();
  }, 180_000);
  beforeEach(async () => {
    await resetDatabase(database);
    clock.set(start);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('another adapter finds the replied-to webhook, else the latest, until a minute before expiry', async () => {
    expect(await fresh().keep('m1', session('a', 90))).toBe(true);
    expect(await fresh().keep('m2', session('b', 95))).toBe(true);
    const later = fresh();
    expect(await later.lookup('dingtalk:user:$:LWCP_v1:$outsider', 'm1')).toMatchObject({ isReply: true, session: { url: expect.stringContaining('session=a'), group: false } });
    expect(await later.lookup('dingtalk:user:$:LWCP_v1:$outsider')).toMatchObject({ isReply: false, session: { url: expect.stringContaining('session=b') } });
    expect(await later.lookup('dingtalk:group:other', 'm1')).toBeUndefined();
    clock.advance(89 * 60_000 + 1);
    expect(await fresh().lookup('dingtalk:user:$:LWCP_v1:$outsider', 'm1')).toMatchObject({ isReply: false });
    clock.advance(5 * 60_000);
    expect(await fresh().lookup('dingtalk:user:$:LWCP_v1:$outsider', 'm1')).toBeUndefined();
  });

  it('stores nothing untrusted or expired, drops a refused webhook everywhere, prunes expired rows', async () => {
    expect(await fresh().keep('m1', { ...session('x', 90), url: 'http://evil.example/robot' })).toBe(false);
    expect(await fresh().keep('m2', session('y', 0))).toBe(false);
    expect(await database.db.selectFrom('dingtalk_session_webhooks').selectAll().execute()).toEqual([]);

    const refused = session('z', 90);
    await fresh().keep('m3', refused);
    await fresh().drop(refused);
    expect(await fresh().lookup(refused.conversationRef)).toBeUndefined();

    await fresh().keep('m4', session('old', 10));
    clock.advance(11 * 60_000);
    await fresh().keep('m5', session('new', 90));
    expect((await database.db.selectFrom('dingtalk_session_webhooks').select('event_id').execute()).map((r) => r.event_id)).toEqual(['m5']);
  });
});
