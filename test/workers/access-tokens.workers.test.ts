import { beforeEach, describe, expect, it } from 'vitest';
import { dingtalkApp } from './platform-ids.ts';
import { postWeCom, wecomTextXml } from './wecom-callbacks.ts';
import { dingtalkGroup, dingtalkStaffId, postDingTalk } from './dingtalk-callbacks.ts';
import { createWorkerHarness, fakeCalls, onPostgres, resetAll, revokePlatformTokens, skipReason, type WorkerHarness } from './support.ts';

/**
 * DingTalk's OpenAPI sends and the access tokens of DingTalk and WeCom on the Worker. A Worker builds
 * its adapters per request, but the tokens are kept per isolate: one `accessToken` / `gettoken` for
 * many requests, a new one when the old expires or the platform refuses it.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: OpenAPI sends and access tokens' : skipReason, () => {
  let h: WorkerHarness;
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
  });

  describe('DingTalk (HTTP callback mode)', () => {
    const staffId = dingtalkStaffId;
    const group = dingtalkGroup;
    const callback = (text: string, options: { group?: boolean } = {}) => postDingTalk(h, text, options);

    const calls = async (path: string) => (await fakeCalls('dingtalk')).filter((c) => c.path === path);
    const tokenCalls = () => calls('/v1.0/oauth2/accessToken');

    it('replies 1:1 with oToMessages/batchSend and in a group with groupMessages/send, on one token for both requests', async () => {
      expect((await callback('帮助')).response.status).toBe(200);
      const oneToOne = await calls('/v1.0/robot/oToMessages/batchSend');
      expect(oneToOne.length).toBeGreaterThan(0);
      expect(oneToOne.every((c) => c.body.robotCode === dingtalkApp.robotCode && JSON.stringify(c.body.userIds) === JSON.stringify([staffId]))).toBe(true);
      expect(JSON.parse(oneToOne[0]!.body.msgParam)).toBeTruthy();
      const tokensAfterFirst = (await tokenCalls()).length;
      expect(tokensAfterFirst).toBeLessThanOrEqual(1);

      expect((await callback('帮助', { group: true })).response.status).toBe(200);
      const groupSends = await calls('/v1.0/robot/groupMessages/send');
      expect(groupSends.length).toBeGreaterThan(0);
      expect(groupSends.every((c) => c.body.openConversationId === group)).toBe(true);
      // The second request used the token the first one fetched (same isolate).
      expect(await tokenCalls()).toHaveLength(tokensAfterFirst);
      const sent = [...oneToOne, ...groupSends];
      expect(new Set(sent.map((c) => c.headers['x-acs-dingtalk-access-token'])).size).toBe(1);
      // Expired session webhooks are never used.
      expect(await calls('/robot/sendBySession')).toEqual([]);
    });

    it('fetches a new token when the old one has expired, and once when DingTalk refuses it', async () => {
      await callback('帮助');
      const before = (await tokenCalls()).length;

      h.clock.advance(2 * 60 * 60_000);
      await callback('帮助');
      expect(await tokenCalls()).toHaveLength(before + 1);

      await revokePlatformTokens();
      const sendsBefore = (await calls('/v1.0/robot/oToMessages/batchSend')).length;
      expect((await callback('帮助')).response.status).toBe(200);
      expect(await tokenCalls()).toHaveLength(before + 2);
      const sends = (await calls('/v1.0/robot/oToMessages/batchSend')).slice(sendsBefore);
      // The refused attempt, then the same message with the new token; nothing left for the cron.
      expect(sends.length).toBeGreaterThanOrEqual(2);
      expect(sends[0]!.headers['x-acs-dingtalk-access-token']).not.toBe(sends.at(-1)!.headers['x-acs-dingtalk-access-token']);
      await h.cron();
      expect((await calls('/v1.0/robot/oToMessages/batchSend')).length).toBe(sendsBefore + sends.length);
    });
  });

  describe('WeCom', () => {
    let msgId = 7_500_000_000_000_000;
    const callback = (from: string, content: string) => postWeCom(h, wecomTextXml(h, from, content, String(msgId++)));

    const calls = async (path: string) => (await fakeCalls('wecom')).filter((c) => c.path === path);

    it('keeps one token across requests and refreshes it once after WeCom expires it', async () => {
      await callback('lisi', '帮助');
      const before = (await calls('/cgi-bin/gettoken')).length;
      expect(before).toBeLessThanOrEqual(1);
      await callback('wangwu', '帮助');
      await callback('lisi', 'help');
      expect(await calls('/cgi-bin/gettoken')).toHaveLength(before);
      const sends = await calls('/cgi-bin/message/send');
      expect(sends.map((c) => c.body.touser)).toEqual(expect.arrayContaining(['lisi', 'wangwu']));
      expect(new Set(sends.map((c) => c.query.access_token)).size).toBe(1);

      await revokePlatformTokens();
      const sendsBefore = sends.length;
      expect((await callback('lisi', '帮助')).response.status).toBe(200);
      expect(await calls('/cgi-bin/gettoken')).toHaveLength(before + 1);
      const after = (await calls('/cgi-bin/message/send')).slice(sendsBefore);
      // 42001 for the expired token, then the same message with the new one.
      expect(after[0]!.query.access_token).not.toBe(after.at(-1)!.query.access_token);
      expect(after.at(-1)!.body.touser).toBe('lisi');
    });
  });
});
