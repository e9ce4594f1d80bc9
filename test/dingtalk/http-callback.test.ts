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

  it('reads rich text and voice recognition as text; answers a picture, a file and a video with what Legwork understands', async () => {
    const session = 'rich';
    const base = { sessionWebhook: s.fake.sessionUrl(session), sessionWebhookExpiredTime: now() + 60 * 60_000 };
    let seen = 0;
    const sent = async (message: Record<string, unknown>) => {
      expect((await post({ ...message, ...base }, signedHeaders(secret(), now()))).status).toBe(200);
      await s.h.app.delivery.drainOnce();
      const replies = sessionReplies(s.fake, session);
      return replies.slice(seen, (seen = replies.length));
    };
    // Rich text "日报 今天拜访了华为\n明天去小米" with a picture between: the words count, the picture is not kept.
    const rich = await sent(fixtures.richText);
    expect(rich.join('\n')).toContain('日报已提交');
    expect(rich.at(-1)).toBe('提示：附件本身不会保存，我只读取消息里的文字。');
    expect((await sent(fixtures.audio)).join('\n')).toContain('今天（'); // voice "今天"
    for (const fixture of [fixtures.picture, fixtures.file, fixtures.video]) {
      const replies = await sent(fixture);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain('暂时还看不懂图片、文件、语音、视频和链接。');
      expect(replies[0]).toContain('签到时请发送位置');
      expect(replies[0]).not.toContain('空消息');
    }
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
