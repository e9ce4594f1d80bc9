import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWeComAdapter, type WeComAdapter } from '../../bots/wecom/index.ts';
import { AuthFailedError, RateLimitedError, UnrecoverableError } from '../../bots/errors.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { FakeQyapi } from './support/fake-qyapi.ts';
import { agentId, secret, vector } from './support/callbacks.ts';
import { encodeAppMessage } from '../../bots/wecom/encode.ts';
import { bigDailyDigest, sampleLeaderboard } from '../support/sample-reports.ts';

const fake = new FakeQyapi({ corpId: vector.corpId, secret });
const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
const logLines: string[] = [];
let adapter: WeComAdapter;
let outboxId = 1;

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  logLines.length = 0;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  // A fresh adapter per test: its token cache, pacing and backoff counters start empty.
  adapter = createWeComAdapter(
    {
      corpId: vector.corpId,
      agentId,
      secret,
      token: vector.token,
      encodingAesKey: vector.encodingAesKey,
      apiUrl: fake.url,
      locationSystem: 'gcj02',
      markdown: true,
    },
    { engine: { handle: async () => ({ duplicate: false, replies: 0 }) }, clock, logger: createLogger('info', sink) },
  );
});

const send = (ref: string, text: string, id = String(outboxId++)) => adapter.send(ref, { text }, { outboxId: id });
const tokenFetches = () => fake.callsTo('/cgi-bin/gettoken').length;
const messageSends = () => fake.callsTo('/cgi-bin/message/send');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('access token', () => {
  it('is fetched once and cached until shortly before it expires', async () => {
    await send('wecom:user:alice', '你好');
    await send('wecom:user:bob', '你好');
    expect(tokenFetches()).toBe(1);
    const [first, second] = messageSends().map((c) => c.query.access_token);
    expect(second).toBe(first);
    expect(messageSends()[0]!.body).toEqual({ touser: 'alice', agentid: Number(agentId), msgtype: 'text', text: { content: '你好' } });
    clock.advance(7200_000 - 4 * 60_000); // inside the 5-minute safety margin
    await send('wecom:user:alice', '再见');
    expect(tokenFetches()).toBe(2);
  });

  it('is refreshed single-flight: concurrent sends share one gettoken', async () => {
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((u) => send(`wecom:user:${u}`, 'hi')));
    expect(tokenFetches()).toBe(1);
    expect(messageSends()).toHaveLength(5);
  });

  it('is refreshed once and the call retried once on 42001 (expired) and 40014 (invalid)', async () => {
    await send('wecom:user:alice', '一');
    fake.expireTokens();
    await send('wecom:user:alice', '二');
    expect(tokenFetches()).toBe(2);
    const [old, expired, fresh] = messageSends().map((c) => c.query.access_token);
    expect(expired).toBe(old); // answered 42001…
    expect(fresh).not.toBe(old); // …so a new token was fetched and the call retried

    fake.script('/cgi-bin/message/send', { errcode: 40014, errmsg: 'invalid access_token' }, { errcode: 40014, errmsg: 'invalid access_token' });
    const error = await rejection(send('wecom:user:alice', '三'));
    expect(String(error)).toContain('40014');
    expect(tokenFetches()).toBe(3); // one refresh, not a loop
  });

  it('maps a wrong secret to AuthFailedError without logging the secret', async () => {
    fake.script('/cgi-bin/gettoken', { errcode: 40001, errmsg: 'invalid credential' });
    expect(await rejection(send('wecom:user:alice', 'x'))).toBeInstanceOf(AuthFailedError);
    expect(logLines.join('')).not.toContain(secret);
    expect((await adapter.health!()).ok).toBe(false);
  });
});

describe('message/send answers', () => {
  it('treats invaliduser as unrecoverable for that member even with errcode 0', async () => {
    fake.script('/cgi-bin/message/send', { errcode: 0, errmsg: 'ok', invaliduser: 'Ghost' });
    const error = await rejection(send('wecom:user:ghost', '你好'));
    expect(error).toBeInstanceOf(UnrecoverableError);
  });

  it('backs off on 45009 and -1 with growing delays, reset by a success', async () => {
    fake.script('/cgi-bin/message/send', { errcode: 45009, errmsg: 'api freq out of limit' }, { errcode: 45009, errmsg: 'api freq out of limit' });
    const first = await rejection(send('wecom:user:alice', 'x'));
    const second = await rejection(send('wecom:user:alice', 'x'));
    expect(first).toBeInstanceOf(RateLimitedError);
    expect((first as RateLimitedError).retryAfterMs).toBe(60_000);
    expect((second as RateLimitedError).retryAfterMs).toBe(120_000);
    await send('wecom:user:alice', 'x');
    fake.script('/cgi-bin/message/send', { errcode: -1, errmsg: 'system busy' });
    expect(((await rejection(send('wecom:user:alice', 'x'))) as RateLimitedError).retryAfterMs).toBe(2_000);
  });

  it('says clearly what to do about 60020 (server IP not trusted)', async () => {
    fake.script('/cgi-bin/message/send', { errcode: 60020, errmsg: 'not allow to access from your ip, from ip: 203.0.113.9' });
    expect(await rejection(send('wecom:user:alice', 'x'))).toBeInstanceOf(AuthFailedError);
    const log = logLines.join('');
    expect(log).toContain('企业可信IP');
    expect(log).not.toMatch(/fake-token-\d/);
  });

  it('resumes a split message after the parts already sent', async () => {
    const text = `${'第一段\n'.repeat(300)}${'第二段\n'.repeat(300)}`; // 6,000 bytes: three text messages
    fake.script('/cgi-bin/message/send', { errcode: 0, errmsg: 'ok' }, { errcode: 45009, errmsg: 'api freq out of limit' });
    expect(await rejection(send('wecom:user:alice', text, 'split-1'))).toBeInstanceOf(RateLimitedError);
    const before = messageSends().length;
    await send('wecom:user:alice', text, 'split-1');
    const contents = messageSends().map((c) => (c.body!.text as { content: string }).content);
    const parts = messageSends().length - before;
    // Sent: part 1 (ok), part 2 (refused), then parts 2.. on the retry; part 1 was not repeated.
    expect(contents.slice(before)[0]).toBe(contents[1]);
    expect([contents[0], ...contents.slice(before)].join('')).toBe(text);
    expect(parts).toBe(contents.length - 2);
  });

  it('fans one reminder out to 2,500 members in 3 calls of at most 1,000', async () => {
    const refs = Array.from({ length: 2500 }, (_, i) => `wecom:user:rep${i}`);
    fake.script('/cgi-bin/message/send', { errcode: 0, errmsg: 'ok', invaliduser: 'rep7|rep2499' });
    const result = await adapter.sendToMany(refs, { text: '请在 20:00 前提交日报' }, { batchId: 'reminder-2026-11-27' });
    expect(result.calls).toBe(3);
    expect(result.refused).toEqual(['wecom:user:rep7', 'wecom:user:rep2499']);
    const sizes = messageSends().map((c) => String(c.body!.touser).split('|').length);
    expect(sizes).toEqual([1000, 1000, 500]);
  });
});

describe('fan-out from the outbox', () => {
  it('sends identical scheduled messages to 2,500 members in 3 calls and reports the refused ones', async () => {
    const refs = Array.from({ length: 2500 }, (_, i) => `wecom:user:rep${i}`);
    fake.script('/cgi-bin/message/send', { errcode: 0, errmsg: 'ok', invaliduser: 'rep7' });
    const outcome = await adapter.sendBatch!(refs, { text: '请在 20:00 前提交日报' }, { outboxIds: refs.map((_, i) => String(i + 1)) });
    expect(messageSends().map((c) => String(c.body!.touser).split('|').length)).toEqual([1000, 1000, 500]);
    expect(outcome.failures.map((f) => f.targetRef)).toEqual(['wecom:user:rep7']);
  });
});

describe('group robot webhook', () => {
  it('paces 20 messages a minute per robot and says when the next slot frees up', async () => {
    for (let i = 0; i < 20; i++) await send('wecom:webhook:robot-key-1', `第 ${i + 1} 条`);
    const over = await rejection(send('wecom:webhook:robot-key-1', '第 21 条'));
    expect(over).toBeInstanceOf(RateLimitedError);
    expect((over as RateLimitedError).retryAfterMs).toBe(60_000);
    await send('wecom:webhook:robot-key-2', '另一个群不受影响');
    clock.advance(60_000);
    await send('wecom:webhook:robot-key-1', '第 21 条');
    const calls = fake.callsTo('/cgi-bin/webhook/send');
    expect(calls).toHaveLength(22);
    expect(calls[0]).toMatchObject({ query: { key: 'robot-key-1' }, body: { msgtype: 'markdown', markdown: { content: '第 1 条' } } });
    expect(tokenFetches()).toBe(0); // robots need no access token
  });

  it('splits a long leaderboard into markdown messages of at most 4,096 bytes', async () => {
    const board = Array.from({ length: 200 }, (_, i) => `${i + 1}. 销售代表${i}：拜访 ${i % 9} 次，积分 ${i * 2}`).join('\n');
    await adapter.send('wecom:webhook:robot-key-3', { title: '本周排行榜', text: board }, { outboxId: 'board-1' });
    const contents = fake.callsTo('/cgi-bin/webhook/send').map((c) => (c.body!.markdown as { content: string }).content);
    expect(contents.length).toBeGreaterThan(1);
    for (const content of contents) expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(4096);
    expect(contents.join('')).toBe(`**本周排行榜**\n${board}`);
  });

  it('treats a removed robot (93000) as unrecoverable', async () => {
    fake.script('/cgi-bin/webhook/send', { errcode: 93000, errmsg: 'invalid webhook url' });
    expect(await rejection(send('wecom:webhook:gone', 'x'))).toBeInstanceOf(UnrecoverableError);
  });
});

describe('digests and leaderboards', () => {
  const markdownOf = (call: { body: Record<string, unknown> | undefined }) => {
    expect(call.body!.msgtype).toBe('markdown');
    return (call.body!.markdown as { content: string }).content;
  };

  it('fans a 40-rep digest out as the same markdown messages to every manager, each within 2,048 bytes', async () => {
    const digest = bigDailyDigest(20, 'zh-CN');
    const refs = ['wecom:user:mgr1', 'wecom:user:mgr2', 'wecom:user:mgr3'];
    const outcome = await adapter.sendBatch!(refs, digest, { outboxIds: ['d1', 'd2', 'd3'] });
    expect(outcome.failures).toEqual([]);
    const batch = messageSends();
    expect(batch.length).toBeGreaterThan(3);
    expect(batch.every((c) => c.body!.touser === 'mgr1|mgr2|mgr3')).toBe(true);
    const parts = batch.map(markdownOf);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(2048);
    expect(parts[0]!.split('\n').slice(0, 3)).toEqual(['### 每日简报（2026-10-30）', '', '**East：20 人，拜访 60 次（有效 40，范围外 20）；日报已交 6、迟交 7、未交 7**']);
    // A single manager gets exactly the same messages.
    fake.reset();
    await adapter.send('wecom:user:mgr4', digest, { outboxId: 'd4' });
    expect(messageSends().map(markdownOf)).toEqual(parts);
    expect(parts).toEqual(encodeAppMessage(digest, 'any').map((b) => (b.markdown as { content: string }).content));
  });

  it('posts a leaderboard to a group robot as markdown', async () => {
    await adapter.send('wecom:webhook:robot-key-9', sampleLeaderboard(), { outboxId: 'board-9' });
    const [call, ...rest] = fake.callsTo('/cgi-bin/webhook/send');
    expect(rest).toEqual([]);
    expect(call!.query.key).toBe('robot-key-9');
    expect(markdownOf(call!).split('\n')).toEqual([
      '### East leaderboard, week of 2026-10-26 to 2026-11-01',
      '',
      '(so far, as of 2026-10-30)',
      '1. Ann — 30 pts (4 verified visits, 1 with a next step, 4 reports on time) ↑1',
      '=2. Ben — 29 pts (3 verified visits, 1 with a next step, 4 reports on time) ↓1',
      '=2. Cat — 28 pts (2 verified visits, 1 with a next step, 4 reports on time) →',
      '4. (a rep who opted out) — 27 pts (1 verified visit, 1 with a next step, 4 reports on time) →',
      '',
      'Team total: 114 pts from 10 verified visits (14 check-in visits, 4 reps).',
    ]);
  });
});

describe('app group chats', () => {
  it('sends to appchat/send with the chat id', async () => {
    await send('wecom:appchat:wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA', '今日排行');
    expect(fake.callsTo('/cgi-bin/appchat/send')[0]!.body).toEqual({ chatid: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA', msgtype: 'text', text: { content: '今日排行' } });
  });
});
