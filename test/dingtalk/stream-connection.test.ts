import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { countRows } from '../conversation/helpers.ts';
import { TOPIC_ROBOT } from './fake-dingtalk.ts';
import { sessionReplies, setupDingTalk, textMessage, waitFor, type DingTalkSetup, type Person } from './support.ts';

/**
 * The Stream connection itself: acknowledgements, redelivery, dropped sockets, the gateway's
 * disconnect notice, bad frames and failures, and what /readyz says meanwhile.
 */
let s: DingTalkSetup;
const rep: Person = { staffId: 'rep0815', nick: '王五' };

beforeAll(async () => {
  s = await setupDingTalk('stream');
  await s.adapter.start!();
  await waitFor('the Stream connection', () => s.fake.openSocket);
});
afterAll(async () => s?.close());
beforeEach(async () => {
  await resetDatabase(s.database);
  s.fake.reset();
  s.h.clock.set(testStart);
  await waitFor('an open Stream connection', () => s.fake.openSocket);
});

function push(text: string, options: { msgId?: string } = {}) {
  const message = textMessage(s.fake, rep, text, { now: s.h.clock.now(), ...options });
  return { message, messageId: s.fake.pushRobotMessage(message) };
}

const acked = (messageId: string) => waitFor(`the ack of ${messageId}`, () => s.fake.acksFor(messageId)[0]);

async function readyz() {
  const res = await s.h.app.http.request('/readyz');
  return { status: res.status, body: (await res.json()) as { checks: Record<string, { ok: boolean; detail?: string }> } };
}

describe('acknowledgements', () => {
  it('acks every callback frame once, with the documented success frame', async () => {
    const pushed = ['帮助', '今天', '日报'].map((text) => push(text));
    for (const { messageId } of pushed) await acked(messageId);
    for (const { messageId } of pushed) {
      expect(s.fake.acksFor(messageId)).toEqual([
        { code: 200, headers: { contentType: 'application/json', messageId }, message: 'OK', data: JSON.stringify({ response: null }) },
      ]);
    }
    expect(await countRows(s.h, 'processed_events')).toBe(3);
  });

  it('answers the gateway ping through the SDK', async () => {
    s.fake.pushSystem('ping', { opaque: 'opaque-42' });
    const pong = await waitFor('the ping answer', () => s.fake.frames.find((f) => f.headers?.topic === 'ping'));
    expect(pong).toMatchObject({ code: 200, message: 'OK', data: JSON.stringify({ opaque: 'opaque-42' }) });
  });

  it('handles a redelivered msgId once and replies once', async () => {
    const first = push('今天', { msgId: 'msgRedelivered==' });
    await acked(first.messageId);
    // DingTalk pushes the same message again (a new frame id, the same msgId and session webhook).
    const again = s.fake.pushRobotMessage(first.message);
    const third = s.fake.pushRobotMessage(first.message);
    expect((await acked(again)).code).toBe(200);
    expect((await acked(third)).code).toBe(200);
    await s.h.app.delivery.drainOnce();

    const replies = sessionReplies(s.fake, first.message.session);
    expect(replies).toHaveLength(2); // welcome + today, once
    expect(replies[1]).toContain('今天（');
    expect(await countRows(s.h, 'processed_events')).toBe(1);
    expect(await countRows(s.h, 'outbox')).toBe(2);
  });

  it('acks an unreadable robot message with 400 and stores nothing; a bad frame does not break the connection', async () => {
    s.fake.pushFrame('this is not a frame');
    const messageId = s.fake.pushRobotMessage({ msgtype: 'text', text: { content: '签到 华为' } });
    expect(await acked(messageId)).toMatchObject({ code: 400, headers: { messageId } });
    expect(await countRows(s.h, 'processed_events')).toBe(0);

    const ok = push('帮助');
    expect((await acked(ok.messageId)).code).toBe(200);
  });

  it('retries a message whose handling fails, then acks 500 and records nothing; a later delivery is handled', async () => {
    await sql`alter table processed_events rename to processed_events_away`.execute(s.h.db);
    let restored = false;
    try {
      const failing = push('今天', { msgId: 'msgDuringOutage==' });
      expect(await acked(failing.messageId)).toMatchObject({ code: 500, message: 'internal error', headers: { messageId: failing.messageId } });
      await sql`alter table processed_events_away rename to processed_events`.execute(s.h.db);
      restored = true;
      expect(await countRows(s.h, 'outbox')).toBe(0);
      expect(await countRows(s.h, 'users')).toBe(0);

      const retried = s.fake.pushRobotMessage(failing.message);
      expect((await acked(retried)).code).toBe(200);
      await s.h.app.delivery.drainOnce();
      expect(sessionReplies(s.fake, failing.message.session).at(-1)).toContain('今天（');
    } finally {
      if (!restored) await sql`alter table processed_events_away rename to processed_events`.execute(s.h.db);
    }
  });
});

describe('a dropped connection', () => {
  it('reconnects with a new ticket, reports the outage in /readyz, and loses no message', async () => {
    const before = push('帮助');
    await acked(before.messageId);
    expect((await readyz()).body.checks.dingtalk).toMatchObject({ ok: true });

    // The next connections/open fails once, so the client stays away for one backoff step.
    s.fake.gatewayFailures = 1;
    const opens = s.fake.gatewayOpens;
    s.fake.dropConnections();
    const ready = await waitFor('the failed reconnection in /readyz', async () => {
      const answer = await readyz();
      return answer.body.checks.dingtalk?.detail?.includes('gateway answered HTTP 503') && answer;
    });
    expect(ready.status).toBe(503);
    expect(ready.body.checks.dingtalk!.ok).toBe(false);
    expect(ready.body.checks.dingtalk!.detail).toContain('stream disconnected');
    expect(ready.body.checks.dingtalk!.detail).toContain('gateway answered HTTP 503');

    // Pushed while the client is away: this fake gateway holds it until a client connects (DingTalk
    // does not document what it does then; what matters here is that the reconnected client handles it).
    const during = push('今天');
    await waitFor('the new connection', () => s.fake.gatewayOpens >= opens + 2 && s.fake.openSocket);
    await acked(during.messageId);
    const after = push('日报');
    await acked(after.messageId);
    expect((await readyz()).body.checks.dingtalk).toMatchObject({ ok: true });

    await s.h.app.delivery.drainOnce();
    expect(sessionReplies(s.fake, before.message.session).join('\n')).toContain('命令（示例）');
    expect(sessionReplies(s.fake, during.message.session).join('\n')).toContain('今天（');
    expect(sessionReplies(s.fake, after.message.session).join('\n')).toContain('拜访：0 次');
    expect(await countRows(s.h, 'processed_events')).toBe(3);
  });

  it('still replies to a message whose connection dropped before the ack', async () => {
    const opens = s.fake.gatewayOpens;
    const inFlight = push('今天');
    s.fake.dropConnections();
    await waitFor('the reconnection', () => s.fake.gatewayOpens > opens && s.fake.openSocket);
    await waitFor('the message to be handled', async () => (await countRows(s.h, 'processed_events')) === 1);
    await s.h.app.delivery.drainOnce();
    expect(sessionReplies(s.fake, inFlight.message.session).join('\n')).toContain('今天（');
  });

  it('leaves and reconnects when the gateway announces a disconnect, subscribing to robot messages only', async () => {
    const opens = s.fake.callsTo('/v1.0/gateway/connections/open').length;
    const old = s.fake.openSocket!;
    s.fake.pushSystem('disconnect', { reason: 'connection is expired' });
    await waitFor('a new connection', () => s.fake.openSocket && s.fake.openSocket !== old);
    const call = s.fake.callsTo('/v1.0/gateway/connections/open')[opens]!;
    expect(call.body).toMatchObject({
      clientId: s.fake.app.clientId,
      clientSecret: s.fake.app.clientSecret,
      subscriptions: [{ type: 'CALLBACK', topic: TOPIC_ROBOT }],
    });
    const { message, messageId } = push('帮助');
    expect((await acked(messageId)).code).toBe(200);
    await s.h.app.delivery.drainOnce();
    expect(sessionReplies(s.fake, message.session).join('\n')).toContain('命令（示例）');
  });
});
