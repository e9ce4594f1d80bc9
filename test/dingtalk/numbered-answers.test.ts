import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { checkedInCustomers } from '../conversation/helpers.ts';
import { sessionReplies, setupDingTalk, signedHeaders, textMessage, type DingTalkSetup, type Person } from './support.ts';

/**
 * DingTalk shows the bot's lists as numbered text (robots get no choice buttons and no locations), so
 * the only answer is a typed number: it answers the newest list, never an older one (issue #11 item 1).
 */
let s: DingTalkSetup;
const rep: Person = { staffId: 'rep4711', nick: '赵六' };

beforeAll(async () => {
  s = await setupDingTalk('http');
});
afterAll(async () => s?.close());
beforeEach(async () => {
  await resetDatabase(s.database);
  s.fake.reset();
  s.h.clock.set(testStart);
});

async function say(text: string): Promise<string> {
  const message = textMessage(s.fake, rep, text, { now: s.h.clock.now() });
  const headers = signedHeaders(s.fake.app.clientSecret, s.h.clock.now().getTime());
  const res = await s.h.app.http.request('/dingtalk/callback', { method: 'POST', headers, body: JSON.stringify(message) });
  expect(res.status).toBe(200);
  await s.h.app.delivery.drainOnce();
  return sessionReplies(s.fake, message.session).join('\n');
}

describe('a typed number after a newer list', () => {
  it('answers the newer list', async () => {
    for (const name of ['华为终端 22.54,113.95', '华为技术 22.60,113.90', '百度大厦 22.535,113.94', '百度科技园 22.53,113.93']) await say(`新客户 ${name}`);
    expect(await say('签到 华为')).toMatch(/1\. 华为/);
    const newer = await say('签到 百度');
    const first = /1\. (百度\S+)/.exec(newer)?.[1];
    expect(first).toBeDefined();
    expect(await say('1')).toContain(`已在 ${first} 签到`);
    expect(await checkedInCustomers(s.h)).toEqual([first]);
  });
});
