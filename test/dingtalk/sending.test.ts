import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { createDingTalkAdapter, type DingTalkAdapter } from '../../bots/dingtalk/index.ts';
import { createLogger } from '../../src/logger.ts';
import { encodeOpenApiMessage } from '../../bots/dingtalk/encode.ts';
import { bigDailyDigest, sampleLeaderboard } from '../support/sample-reports.ts';
import { RateLimitedError, UnrecoverableError } from '../../bots/errors.ts';
import { GROUP_ID, renderedText, sessionReplies, setupDingTalk, signedHeaders, textMessage, type DingTalkSetup, type Person } from './support.ts';

/**
 * How replies and proactive messages leave: session webhook while valid, then the OpenAPI with a
 * cached token; rate limits and quota back off through the outbox. Messages come in through HTTP
 * callback mode here (no socket needed); sending does not depend on the mode.
 */
let s: DingTalkSetup;
/** A new person per test: the adapter's in-memory session webhooks must not carry over between tests. */
let rep: Person;
let people = 0;
const BATCH = '/v1.0/robot/oToMessages/batchSend';
const GROUP_SEND = '/v1.0/robot/groupMessages/send';
const TOKEN = '/v1.0/oauth2/accessToken';
const SESSION = '/robot/sendBySession';
/** A group no test writes in, so it never has a session webhook: sends to it use the OpenAPI. */
const BOARD_GROUP = 'cidBoardOnly==';

beforeAll(async () => {
  s = await setupDingTalk('http');
});
afterAll(async () => s?.close());
beforeEach(async () => {
  await resetDatabase(s.database);
  s.fake.reset();
  s.h.clock.set(testStart);
  rep = { staffId: `rep${++people}`, nick: '王五' };
});

/** Delivers a robot message through the HTTP callback, as DingTalk would (signed). */
async function receive(text: string, options: { group?: boolean; expiresInMs?: number; sessionWebhook?: string } = {}) {
  const message = textMessage(s.fake, rep, text, { now: s.h.clock.now(), ...options });
  if (options.sessionWebhook) message.sessionWebhook = options.sessionWebhook;
  const res = await s.h.app.http.request('/dingtalk/callback', {
    method: 'POST',
    headers: signedHeaders(s.fake.app.clientSecret, s.h.clock.now().getTime()),
    body: JSON.stringify(message),
  });
  expect(res.status).toBe(200);
  return message;
}

const outboxRows = () => s.h.db.selectFrom('outbox').selectAll().orderBy('id').execute();
const param = (call: { body: any }) => JSON.parse(call.body.msgParam);

async function enqueue(targetRefs: string[], text: string) {
  await enqueueMessages(s.h.db, targetRefs.map((targetRef) => ({ orgId: null, targetRef, message: { text } })), s.h.clock.now());
}

describe('replying', () => {
  it('uses the session webhook while it is valid: no token, no OpenAPI call', async () => {
    const message = await receive('帮助');
    await s.h.app.delivery.drainOnce();
    expect(sessionReplies(s.fake, message.session).join('\n')).toContain('命令（示例）');
    expect(s.fake.callsTo(TOKEN)).toHaveLength(0);
    expect(s.fake.callsTo(BATCH)).toHaveLength(0);
  });

  it('falls back to the OpenAPI once the session webhook expired (1:1 and group)', async () => {
    const direct = await receive('今天');
    const group = await receive('今天', { group: true });
    s.h.clock.advance(91 * 60_000);
    await s.h.app.delivery.drainOnce();

    expect(sessionReplies(s.fake, direct.session)).toEqual([]);
    expect(sessionReplies(s.fake, group.session)).toEqual([]);
    const batch = s.fake.callsTo(BATCH);
    expect(batch.map((c) => c.body.userIds)).toEqual([[rep.staffId], [rep.staffId]]); // welcome, today
    expect(batch[1]!.body).toMatchObject({ robotCode: s.fake.app.robotCode, msgKey: 'sampleText' });
    expect(param(batch[1]!).content).toContain('今天（');
    const [groupSend] = s.fake.callsTo(GROUP_SEND);
    expect(groupSend!.body).toMatchObject({ robotCode: s.fake.app.robotCode, openConversationId: GROUP_ID, msgKey: 'sampleText' });
    expect(param(groupSend!).content).toContain('今天（');
    expect(s.fake.callsTo(TOKEN)).toHaveLength(1);
    expect(batch[0]!.headers['x-acs-dingtalk-access-token']).toBe('token-1');
    expect((await outboxRows()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('sends the location link as a sampleActionCard through the OpenAPI', async () => {
    await receive('新客户 华为 22.54,113.95');
    await receive('签到 华为');
    s.h.clock.advance(2 * 60 * 60_000);
    await s.h.app.delivery.drainOnce();
    const card = s.fake.callsTo(BATCH).find((c) => c.body.msgKey === 'sampleActionCard');
    expect(card).toBeDefined();
    expect(param(card!)).toMatchObject({ singleTitle: '共享位置并签到' });
    expect(param(card!).singleURL).toMatch(/^http:\/\/legwork\.test\/c\//);
    expect(param(card!).title).toContain('华为');
  });

  it('uses the OpenAPI when DingTalk refuses the session webhook, and stops using that webhook', async () => {
    const message = await receive('帮助');
    s.fake.script(SESSION, { body: { errcode: 300001, errmsg: 'session 不存在' } });
    await s.h.app.delivery.drainOnce();
    // The first reply was refused (one attempt on the webhook) and went through the OpenAPI; so did the
    // next one, without trying the webhook again.
    expect(sessionReplies(s.fake, message.session)).toHaveLength(1);
    const batch = s.fake.callsTo(BATCH);
    expect(batch.map((c) => c.body.userIds)).toEqual([[rep.staffId], [rep.staffId]]);
    expect(param(batch[0]!).content).toContain('欢迎使用 Legwork');
    expect(param(batch[1]!).content).toContain('命令（示例）');
  });

  it('never posts to a session webhook outside DingTalk', async () => {
    await receive('帮助', { sessionWebhook: 'http://attacker.example/robot/sendBySession?session=x' });
    await s.h.app.delivery.drainOnce();
    expect(s.fake.callsTo(SESSION)).toHaveLength(0);
    expect(s.fake.callsTo(BATCH)).toHaveLength(2);
  });

  it('marks a message to a user DingTalk does not know as failed', async () => {
    s.fake.invalidUsers.add('left0001');
    await enqueue(['dingtalk:user:left0001'], 'Reminder: daily report');
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 0, failed: 1 });
    expect((await outboxRows())[0]).toMatchObject({ status: 'failed' });
    expect((await outboxRows())[0]!.last_error).toContain('invalidStaffIdList');
  });
});

describe('the access token', () => {
  // Targets without a recent message (so no session webhook): everything goes through the OpenAPI.
  const refs = ['dingtalk:user:a1', 'dingtalk:user:a2', 'dingtalk:user:a3', `dingtalk:group:${BOARD_GROUP}`, 'dingtalk:group:cidOther=='];
  // A day later than the other tests, so no token cached by them is still valid.
  beforeEach(() => s.h.clock.set(new Date(testStart.getTime() + 24 * 60 * 60_000)));

  it('is fetched once for concurrent sends, reused, and refreshed exactly once when it expires', async () => {
    await enqueue(refs, 'first round');
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 5 });
    expect(s.fake.callsTo(TOKEN)).toHaveLength(1);

    s.h.clock.advance(60 * 60_000);
    await enqueue(refs, 'still valid');
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 5 });
    expect(s.fake.callsTo(TOKEN)).toHaveLength(1);

    s.h.clock.advance(61 * 60_000); // 2 h 1 min after issue: expired
    await enqueue(refs, 'after expiry');
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 5 });
    expect(s.fake.callsTo(TOKEN)).toHaveLength(2);
    const tokensOf = (text: string) =>
      [...s.fake.callsTo(BATCH), ...s.fake.callsTo(GROUP_SEND)].filter((c) => param(c).content === text).map((c) => c.headers['x-acs-dingtalk-access-token']);
    const [first] = tokensOf('first round');
    // Identical messages to several people may go out as one batchSend: every call uses the token.
    expect(new Set(tokensOf('still valid'))).toEqual(new Set([first]));
    const [renewed] = tokensOf('after expiry');
    expect(renewed).not.toBe(first);
    expect(new Set(tokensOf('after expiry'))).toEqual(new Set([renewed]));
  });

  it('is refreshed once when DingTalk rejects it, and the sends go through', async () => {
    await enqueue(refs.slice(0, 1), 'warm up');
    await s.h.app.delivery.drainOnce();
    const issued = s.fake.callsTo(TOKEN).length;
    s.fake.revokeTokens();
    await enqueue(refs, 'after revocation');
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 5, retried: 0 });
    expect(s.fake.callsTo(TOKEN)).toHaveLength(issued + 1);
  });
});

describe('rate limits and quota', () => {
  it('retries a session webhook answer 90030 (webhook over limit) through the outbox after the delay', async () => {
    const message = await receive('今天');
    s.fake.script(SESSION, { body: { errcode: 90030, errmsg: 'webhook over limit' } });
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 0, retried: 1 });
    const [waiting] = (await outboxRows()).filter((r) => r.status === 'pending');
    expect(waiting!.last_error).toContain('90030');
    expect(waiting!.available_at.getTime() - s.h.clock.now().getTime()).toBe(10 * 60_000);

    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 0, retried: 0 });
    s.h.clock.advance(10 * 60_000);
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 2 });
    // One refused attempt, then both replies, in order.
    const replies = sessionReplies(s.fake, message.session);
    expect(replies).toHaveLength(3);
    expect(replies[1]).toBe(replies[0]);
    expect(replies[2]).toContain('今天（');
    expect((await outboxRows()).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('waits as long as Retry-After says on HTTP 429 from the OpenAPI', async () => {
    await enqueue([`dingtalk:group:${BOARD_GROUP}`], 'leaderboard');
    s.fake.script(GROUP_SEND, { status: 429, body: { code: 'Throttling', message: 'too many' }, headers: { 'retry-after': '30' } });
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ retried: 1 });
    expect((await outboxRows())[0]!.available_at.getTime() - s.h.clock.now().getTime()).toBe(30_000);
    s.h.clock.advance(30_000);
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 1 });
  });

  it('holds proactive messages while the monthly quota is exhausted and shows it in /readyz', async () => {
    await enqueue([`dingtalk:group:${BOARD_GROUP}`], 'leaderboard');
    s.fake.script(GROUP_SEND, { status: 403, body: { code: 'Forbidden.AccessDenied.ApiCountLimitForOrg', message: '企业调用次数超限' } });
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ retried: 1 });

    const ready = await (await s.h.app.http.request('/readyz')).json();
    expect(ready.checks.dingtalk.detail).toContain('OpenAPI quota exhausted (Forbidden.AccessDenied.ApiCountLimitForOrg)');

    // A second message during the pause waits without calling DingTalk.
    await enqueue(['dingtalk:user:a1'], 'reminder');
    const calls = s.fake.calls.length;
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 0, retried: 1 });
    expect(s.fake.calls.length).toBe(calls);

    s.h.clock.advance(60 * 60_000);
    expect(await s.h.app.delivery.drainOnce()).toMatchObject({ sent: 2 });
    const after = await (await s.h.app.http.request('/readyz')).json();
    expect(after.checks.dingtalk.detail).not.toContain('quota');
  });
});

describe('fan-out with sendToUsers', () => {
  const ids = Array.from({ length: 45 }, (_, i) => `staff${String(i).padStart(3, '0')}`);
  const adapter = () => s.adapter as DingTalkAdapter;

  it('splits 45 recipients into batches of 20, 20 and 5', async () => {
    s.fake.invalidUsers.add('staff007');
    const result = await adapter().sendToUsers(ids, { text: '本周排行榜', title: '排行榜' });
    const calls = s.fake.callsTo(BATCH);
    expect(calls.map((c) => c.body.userIds.length)).toEqual([20, 20, 5]);
    expect(calls.flatMap((c) => c.body.userIds)).toEqual(ids);
    expect(calls[0]!.body.msgKey).toBe('sampleMarkdown');
    expect(param(calls[0]!)).toEqual({ title: '排行榜', text: '#### 排行榜  \n本周排行榜' });
    expect(result.sent).toHaveLength(44);
    expect(result.invalid).toEqual(['staff007']);
    expect(result.pending).toEqual([]);
  });

  it('takes identical scheduled messages from the outbox as one fan-out: 45 people in 3 calls', async () => {
    s.fake.invalidUsers.add('staff007');
    const refs = ids.map((id) => `dingtalk:user:${id}`);
    const outcome = await adapter().sendBatch!(refs, { text: '请在 20:00 前提交日报', title: '日报提醒' }, { outboxIds: refs.map((_, i) => String(i + 1)) });
    expect(s.fake.callsTo(BATCH).map((c) => c.body.userIds.length)).toEqual([20, 20, 5]);
    expect(outcome.failures.map((f) => f.targetRef)).toEqual(['dingtalk:user:staff007']);
    expect(outcome.failures[0]!.error).toBeInstanceOf(UnrecoverableError);
  });

  it('returns the batches it could not send after a rate limit, untried', async () => {
    s.fake.script(BATCH, { status: 200, body: { processQueryKey: 'k1', invalidStaffIdList: [], flowControlledStaffIdList: [] } });
    s.fake.script(BATCH, { status: 403, body: { code: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi', message: 'qps' } });
    const result = await adapter().sendToUsers(ids, { text: 'digest' });
    expect(s.fake.callsTo(BATCH)).toHaveLength(2);
    expect(result.sent).toEqual(ids.slice(0, 20));
    expect(result.pending.map((p) => p.userIds)).toEqual([ids.slice(20, 40), ids.slice(40)]);
    for (const p of result.pending) expect(p.error).toBeInstanceOf(RateLimitedError);
  });
});

describe('digests and leaderboards', () => {
  it('sends identical digests as one sampleMarkdown batchSend and a leaderboard to the group as sampleMarkdown', async () => {
    const digest = bigDailyDigest(20, 'zh-CN'); // 40 reps: more than one msgParam holds
    const board = sampleLeaderboard('zh-CN');
    await enqueueMessages(
      s.h.db,
      [
        ...['mgr1', 'mgr2'].map((id) => ({ orgId: null, targetRef: `dingtalk:user:${id}`, message: digest, dedupeKey: `digest:daily:${id}:2026-10-30` })),
        { orgId: null, targetRef: `dingtalk:group:${BOARD_GROUP}`, message: board, dedupeKey: 'leaderboard:week:east:2026-10-26' },
      ],
      s.h.clock.now(),
    );
    await s.h.app.delivery.drainOnce();

    // The fan-out groups the two digests (stored as JSON and read back) into one call, encoded once.
    const [batch, ...more] = s.fake.callsTo(BATCH);
    expect(more).toEqual([]);
    expect(batch!.body).toMatchObject({ userIds: ['mgr1', 'mgr2'], msgKey: 'sampleMarkdown' });
    expect(batch!.body.msgParam).toBe(encodeOpenApiMessage(digest).msgParam);
    expect(Buffer.byteLength(batch!.body.msgParam)).toBeLessThan(15_000);
    const { title, text } = param(batch!);
    expect(title).toBe('每日简报（2026-10-30）');
    expect(text.split('\n').slice(0, 5)).toEqual([
      '### 每日简报（2026-10-30）',
      '',
      '#### East：20 人，拜访 60 次（有效 40，范围外 20）；日报已交 6、迟交 7、未交 7',
      '销售1号：拜访 3 次（有效 2，范围外 1），客户：Huawei、ZTE、Alibaba；日报未交',
      '',
    ]);
    expect(text).toContain('\n- 14:00 在ZTE签到，尚未签退\n');
    expect(text).toMatch(/\n\n……另有 \d+ 行超出单条消息的长度限制，未显示。$/);

    const [group] = s.fake.callsTo(GROUP_SEND);
    expect(group!.body).toMatchObject({ openConversationId: BOARD_GROUP, msgKey: 'sampleMarkdown' });
    expect(param(group!).title).toBe('East 周排行榜（2026-10-26 至 2026-11-01）');
    expect(param(group!).text.split('  \n')[0]).toBe('### East 周排行榜（2026-10-26 至 2026-11-01）\n（截至 2026-10-30）');
    expect((await outboxRows()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });
});

describe('message shapes', () => {
  it('renders a session webhook reply as plain text and mentions nobody 1:1', async () => {
    const message = await receive('今天');
    await s.h.app.delivery.drainOnce();
    const bodies = s.fake.callsTo(SESSION).filter((c) => c.query.session === message.session).map((c) => c.body);
    expect(bodies.map((b) => b.msgtype)).toEqual(['text', 'text']);
    expect(renderedText(bodies[1])).toContain('今天（');
  });
});

describe('quota exhaustion in the logs', () => {
  it('logs one error naming the code when the quota runs out, and never a token or secret', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const adapter = await createDingTalkAdapter(s.h.app.config.dingtalk!, { engine: s.h.app.engine, clock: s.h.clock, logger });
    s.fake.script(GROUP_SEND, { status: 403, body: { code: 'Forbidden.AccessDenied.ApiCountLimitForOrg', message: '企业调用次数超限' } });

    const send = () => adapter.send(`dingtalk:group:${BOARD_GROUP}`, { text: 'leaderboard' }, { outboxId: '1' });
    await expect(send()).rejects.toMatchObject({ name: 'QuotaExhaustedError', retryAfterMs: 60 * 60_000 });
    await expect(send()).rejects.toMatchObject({ name: 'QuotaExhaustedError' });
    expect(s.fake.callsTo(GROUP_SEND)).toHaveLength(1);

    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ platform: 'dingtalk', code: 'Forbidden.AccessDenied.ApiCountLimitForOrg' });
    expect(errors[0].msg).toContain('quota exhausted');
    expect((await adapter.health!()).detail).toContain('proactive messages held until 2026-11-27T03:00:00.000Z');
    const all = lines.join('\n');
    expect(all).not.toContain(s.fake.app.clientSecret);
    expect(all).not.toMatch(/token-\d/);
  });
});
