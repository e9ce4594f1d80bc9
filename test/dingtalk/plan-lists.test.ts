import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { sessionReplies, setupDingTalk, signedHeaders, textMessage, type DingTalkSetup, type Person } from './support.ts';

/**
 * A day's plan on DingTalk (issue 14): an action card with one button per open stop, each opening
 * the location page for that customer; the same through the OpenAPI (at most five buttons there)
 * and in the reminder before a stop. The harness starts Friday 2026-11-27 10:00 in Shanghai.
 */
let s: DingTalkSetup;
let rep: Person;
let people = 0;
const BATCH = '/v1.0/robot/oToMessages/batchSend';
const param = (call: { body: any }) => JSON.parse(call.body.msgParam);

beforeAll(async () => {
  s = await setupDingTalk('http');
});
afterAll(async () => s?.close());
beforeEach(async () => {
  await resetDatabase(s.database);
  s.fake.reset();
  s.h.clock.set(testStart);
  rep = { staffId: `planner${++people}`, nick: '王五' };
});

async function receive(text: string, options: { drain?: boolean } = {}) {
  const message = textMessage(s.fake, rep, text, { now: s.h.clock.now() });
  const res = await s.h.app.http.request('/dingtalk/callback', {
    method: 'POST',
    headers: signedHeaders(s.fake.app.clientSecret, s.h.clock.now().getTime()),
    body: JSON.stringify(message),
  });
  expect(res.status).toBe(200);
  if (options.drain !== false) await s.h.app.delivery.drainOnce();
  return message;
}

async function opensPageFor(url: string, customer: string): Promise<void> {
  expect(url).toMatch(/^http:\/\/legwork\.test\/c\/[\w-]+\.[\w-]+$/);
  const page = await s.h.app.http.request(new URL(url).pathname);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(customer);
}

async function customers(): Promise<void> {
  await receive('新客户 华为 22.54,113.95');
  await receive('新客户 腾讯 22.54,113.93');
  await receive('新客户 中兴 22.54,113.94');
}

describe('a plan on DingTalk', () => {
  it('replies with an action card: the stops in route order and a check-in button per open stop', async () => {
    await customers();
    await receive('计划 今天 华为 腾讯 中兴');
    const asked = await receive('计划');
    const [card] = s.fake.callsTo('/robot/sendBySession').filter((c) => c.query.session === asked.session).map((c) => c.body);
    expect(card.msgtype).toBe('actionCard');
    expect(card.actionCard.title).toBe('今天（11月27日 周五）的计划（按路线顺序）：');
    expect(card.actionCard.text).toMatch(/1\.\s腾讯 — 待拜访/);
    expect(card.actionCard.btns.map((b: any) => b.title)).toEqual(['签到：腾讯', '签到：中兴', '签到：华为']);
    for (const b of card.actionCard.btns) await opensPageFor(b.actionURL, b.title.replace('签到：', ''));
    // The card's text names no URL: the buttons carry them.
    expect(card.actionCard.text).not.toContain('/c/');
  });

  it('through the OpenAPI: at most five buttons, the other stops linked under their lines', async () => {
    const names = ['华为', '腾讯', '中兴', '阿里', '百度', '京东', '美团'];
    for (const [i, name] of names.entries()) await receive(`新客户 ${name} 22.54,${(113.9 + i / 100).toFixed(2)}`);
    await receive(`计划 今天 ${names.join(' ')}`);
    // The session webhook expires (about 90 minutes): the plan goes out through the OpenAPI.
    const asked = await receive('计划', { drain: false });
    s.h.clock.advance(2 * 60 * 60_000);
    await s.h.app.delivery.drainOnce();
    expect(sessionReplies(s.fake, asked.session)).toEqual([]);
    const sent = s.fake.callsTo(BATCH).at(-1)!;
    expect(sent.body.msgKey).toBe('sampleActionCard5');
    const p = param(sent);
    const titles = [1, 2, 3, 4, 5].map((i) => p[`actionTitle${i}`]);
    expect(titles.every((t: string) => t.startsWith('签到：'))).toBe(true);
    const inline = [...String(p.text).matchAll(/\[(签到：[^\]]+)\]\((http[^)]+)\)/g)];
    expect(inline).toHaveLength(2);
    expect(new Set([...titles, ...inline.map((m) => m[1])]).size).toBe(7);
    await opensPageFor(inline[0]![2]!, inline[0]![1]!.replace('签到：', ''));
  });

  it('reminds of a stop 30 minutes before with its check-in button', async () => {
    await customers();
    await receive('计划 今天 华为 10:20 目的 演示新品');
    s.fake.reset();
    await s.h.app.scheduler.runDueNow();
    await s.h.app.delivery.drainOnce();
    // The person wrote within the last 90 minutes: the reminders use the session webhook.
    const cards = s.fake.callsTo('/robot/sendBySession').map((c) => c.body).filter((b) => b.msgtype === 'actionCard').map((b) => b.actionCard);
    const reminder = cards.find((card) => String(card.text).startsWith('20 分钟后拜访：华为 10:20（目的：演示新品）。'));
    expect(reminder).toBeDefined();
    expect(reminder.singleTitle).toBe('签到：华为');
    // The morning plan of the day went out in the same pass, with the stop's button too.
    const morning = cards.find((card) => String(card.title).startsWith('早上好！'));
    expect(morning.singleTitle).toBe('签到：华为');
    await opensPageFor(reminder.singleURL, '华为');
  });
});
