import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { countRows, expectNumberAnswersNewestList } from '../conversation/helpers.ts';
import { fixtures, sessionReplies, setupDingTalk, signedHeaders, textMessage, type DingTalkSetup, type Person } from './support.ts';

/** HTTP callback mode: `POST /dingtalk/callback` with DingTalk's `timestamp` + `sign` headers. */
let s: DingTalkSetup;
const rep: Person = { staffId: 'rep0815', nick: '王五' };

beforeAll(async () => {
  s = await setupDingTalk('http');
});
afterAll(async () => s?.close());
beforeEach(async () => {
  await resetDatabase(s.database);
  s.fake.reset();
  s.h.clock.set(testStart);
});

function post(body: unknown, headers: Record<string, string>) {
  return s.h.app.http.request('/dingtalk/callback', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function nothingStored() {
  for (const table of ['processed_events', 'users', 'identities', 'outbox'] as const) expect(await countRows(s.h, table), table).toBe(0);
}

const now = () => s.h.clock.now().getTime();
const secret = () => s.fake.app.clientSecret;

describe('signature', () => {
  it('accepts a correctly signed callback, answers "no reply" and replies through the outbox', async () => {
    const message = textMessage(s.fake, rep, '帮助', { now: s.h.clock.now() });
    const res = await post(message, signedHeaders(secret(), now()));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ msgtype: 'empty' });
    await s.h.app.delivery.drainOnce();
    expect(sessionReplies(s.fake, message.session).join('\n')).toContain('命令（示例）');
  });

  it('accepts a timestamp up to an hour off', async () => {
    const message = textMessage(s.fake, rep, '今天', { now: s.h.clock.now() });
    expect((await post(message, signedHeaders(secret(), now() - 59 * 60_000))).status).toBe(200);
  });

  it.each([
    ['more than an hour old', () => signedHeaders(secret(), now() - 60 * 60_000 - 1_000)],
    ['more than an hour ahead', () => signedHeaders(secret(), now() + 60 * 60_000 + 1_000)],
    ['signed with another secret', () => signedHeaders('not-the-app-secret', now())],
    ['with a sign for another timestamp', () => ({ ...signedHeaders(secret(), now() - 1000), timestamp: String(now()) })],
    ['without headers', () => ({ 'content-type': 'application/json' })],
    ['with a timestamp that is not a number', () => ({ ...signedHeaders(secret(), now()), timestamp: 'yesterday' })],
  ])('rejects a callback %s with 401 and stores nothing', async (_name, headers) => {
    const message = textMessage(s.fake, rep, '签到 华为 22.54,113.95', { now: s.h.clock.now() });
    const res = await post(message, headers());
    expect(res.status).toBe(401);
    await nothingStored();
    await s.h.app.delivery.drainOnce();
    expect(s.fake.calls).toHaveLength(0);
  });
});

describe('payload', () => {
  it('rejects a signed but malformed body with 400 and stores nothing', async () => {
    expect((await post('{"msgtype":', signedHeaders(secret(), now()))).status).toBe(400);
    expect((await post({ msgtype: 'text', text: { content: '帮助' } }, signedHeaders(secret(), now()))).status).toBe(400);
    expect((await post({ ...fixtures.direct, conversationType: 3 }, signedHeaders(secret(), now()))).status).toBe(400);
    await nothingStored();
  });

  it('handles a redelivered msgId once', async () => {
    const message = textMessage(s.fake, rep, '今天', { now: s.h.clock.now() });
    for (let i = 0; i < 3; i++) expect((await post(message, signedHeaders(secret(), now()))).status).toBe(200);
    await s.h.app.delivery.drainOnce();
    expect(sessionReplies(s.fake, message.session)).toHaveLength(2); // welcome + today
    expect(await countRows(s.h, 'processed_events')).toBe(1);
  });

  it('reads rich text and voice recognition as text, and answers a picture with a hint', async () => {
    const session = 'rich';
    const base = { sessionWebhook: s.fake.sessionUrl(session), sessionWebhookExpiredTime: now() + 60 * 60_000 };
    expect((await post({ ...fixtures.richText, ...base }, signedHeaders(secret(), now()))).status).toBe(200);
    expect((await post({ ...fixtures.audio, ...base }, signedHeaders(secret(), now()))).status).toBe(200);
    expect((await post({ ...fixtures.picture, ...base }, signedHeaders(secret(), now()))).status).toBe(200);
    await s.h.app.delivery.drainOnce();
    const replies = sessionReplies(s.fake, session);
    expect(replies.join('\n')).toContain('日报已提交'); // rich text "日报 今天拜访了华为\n明天去小米"
    expect(replies.join('\n')).toContain('今天（'); // voice "今天"
    expect(replies.at(-1)).toContain('收到一条空消息'); // a picture has no text
    const report = await s.h.db.selectFrom('daily_reports').select('body').executeTakeFirstOrThrow();
    expect(report.body).toContain('明天去小米');
  });
});

/**
 * DingTalk shows the bot's lists as numbered text (robots get no choice buttons and no locations), so
 * the only answer is a typed number: it answers the newest list, never an older one (issue #11 item 1).
 */
describe('a typed number after a newer list', () => {
  it('answers the newer list', async () => {
    const say = async (text: string) => {
      const message = textMessage(s.fake, rep, text, { now: s.h.clock.now() });
      expect((await post(message, signedHeaders(secret(), now()))).status).toBe(200);
      await s.h.app.delivery.drainOnce();
      return sessionReplies(s.fake, message.session).join('\n');
    };
    await expectNumberAnswersNewestList(s.h, say);
  });
});
