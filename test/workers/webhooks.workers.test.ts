import { createHmac, randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import imFixture from '../slack/fixtures/event-message-im.json' with { type: 'json' };
import slashFixture from '../slack/fixtures/slash-command.json' with { type: 'json' };
import dingtalkFixture from '../dingtalk/fixtures/text-1to1.json' with { type: 'json' };
import { aesKeyFrom, encrypt, signature } from '../../bots/wecom/crypto.ts';
import { inject } from 'vitest';
import { bob, dingtalkApp, wecomApp } from './platform-ids.ts';
import { createWorkerHarness, type WorkerHarness, countRows, fakeCalls, onPostgres, resetAll, skipReason, withDb } from './support.ts';

/**
 * The Worker on workerd (src/edge/worker.ts) against PostgreSQL through Hyperdrive, each platform's
 * webhook as the platform sends it, and the replies delivered (waitUntil) to the Node-side fakes.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: webhooks' : skipReason, () => {
  let h: WorkerHarness;
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
  });

  function slackDm(text: string, eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`): string {
    const payload = structuredClone(imFixture) as any;
    payload.event_id = eventId;
    payload.event.user = bob.id;
    payload.event.channel = `D${bob.id.slice(1)}`;
    payload.event.text = text;
    payload.event.blocks[0].elements[0].elements[0].text = text;
    return JSON.stringify(payload);
  }

  const posted = async () => (await fakeCalls('slack')).filter((c) => c.method === 'chat.postMessage');

  it('Slack: a signed event becomes a check-in, acked in time, and the reply reaches the Slack Web API', async () => {
    expect((await h.slack(slackDm('new customer Acme 34.05,-118.25'))).response.status).toBe(200);
    const { response, answeredMs } = await h.slack(slackDm('checkin Acme 34.0501,-118.2501'));
    expect(response.status).toBe(200);
    expect(answeredMs).toBeLessThan(3000);
    const checkIns = await withDb((db) => db.selectFrom('check_ins').selectAll().execute());
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]!.status).toBe('verified');
    const texts = (await posted()).map((c) => String(c.args.text));
    expect(texts.some((t) => t.includes('Customer "Acme" created'))).toBe(true);
    expect(texts.at(-1)).toContain('Checked in at Acme');
    expect((await posted()).every((c) => c.args.channel === 'D0BOB0001' && c.token)).toBe(true);
    // Delivered once: nothing is left in the outbox for the cron.
    expect(await withDb((db) => db.selectFrom('outbox').where('sent_at', 'is', null).selectAll().execute())).toEqual([]);
  });

  it('Slack: a forged signature gets 401 and stores nothing', async () => {
    const { response } = await h.slack(slackDm('checkin Acme 34.0501,-118.2501'), 'application/json', 'not-the-signing-secret-at-all!!');
    expect(response.status).toBe(401);
    expect(await countRows('processed_events')).toBe(0);
    expect(await countRows('users')).toBe(0);
    expect(await countRows('outbox')).toBe(0);
    expect(await fakeCalls('slack')).toEqual([]);
  });

  it('Slack: a slash command is answered with an empty ack and its reply goes to the channel privately', async () => {
    await h.slack(slackDm('new customer Acme 34.05,-118.25'));
    const form = new URLSearchParams({ ...slashFixture, user_id: bob.id, user_name: bob.name, command: '/checkin', text: 'Acme 34.0501,-118.2501', trigger_id: `${Date.now()}.738474920.${randomUUID().replace(/-/g, '')}` });
    const { response, answeredMs } = await h.slack(form.toString(), 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(answeredMs).toBeLessThan(3000);
    expect(await countRows('check_ins')).toBe(1);
    const ephemeral = (await fakeCalls('slack')).filter((c) => c.method === 'chat.postEphemeral');
    expect(ephemeral.map((c) => [c.args.channel, c.args.user])).toEqual([['C0SALES01', bob.id]]);
    expect(String(ephemeral[0]!.args.text)).toContain('Acme');
  });

  it('location page: the link from a Slack check-in is submitted on the Worker and confirmed in Slack', async () => {
    await h.slack(slackDm('new customer Acme 34.05,-118.25'));
    await h.slack(slackDm('checkin Acme'));
    const link = (await posted()).map((c) => String(c.args.text)).join('\n').match(/http:\/\/legwork\.test\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    const page = await h.request(`/c/${link![1]}`, { headers: { 'accept-language': 'en-US' } });
    expect(page.response.status).toBe(200);
    expect(await page.response.text()).toContain('Acme');

    const before = (await posted()).length;
    const { response } = await h.request(`/c/${link![1]}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-US' },
      body: JSON.stringify({ lat: 34.0501, lng: -118.2501, accuracy: 20 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    const checkIns = await withDb((db) => db.selectFrom('check_ins').selectAll().execute());
    expect(checkIns.map((c) => c.status)).toEqual(['verified']);
    const after = await posted();
    expect(after.length).toBeGreaterThan(before);
    expect(String(after.at(-1)!.args.text)).toContain('Acme');
  });

  describe('WeCom', () => {
    const key = aesKeyFrom(wecomApp.encodingAesKey);

    it('answers the URL check with the decrypted echostr (the documented vector)', async () => {
      const query = new URLSearchParams({
        msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
        timestamp: '1409659589',
        nonce: '263014780',
        echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
      });
      const { response } = await h.request(`/wecom/callback?${query}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('1616140317555161061');
    });

    it('handles an encrypted text message once when WeCom delivers it twice', async () => {
      const createTime = Math.floor(h.clock.now().getTime() / 1000);
      const inner = `<xml><ToUserName><![CDATA[${wecomApp.corpId}]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content><MsgId>7399136421186498586</MsgId><AgentID>${wecomApp.agentId}</AgentID></xml>`;
      const encrypted = encrypt(inner, key, wecomApp.corpId);
      const timestamp = String(createTime);
      const nonce = '1372623149';
      const query = new URLSearchParams({ msg_signature: signature(wecomApp.token, timestamp, nonce, encrypted), timestamp, nonce });
      const body = `<xml><ToUserName><![CDATA[${wecomApp.corpId}]]></ToUserName><AgentID><![CDATA[${wecomApp.agentId}]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
      const post = () => h.request(`/wecom/callback?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });

      const first = await post();
      expect(first.response.status).toBe(200);
      expect(await first.response.text()).toBe('');
      const sendsAfterFirst = (await fakeCalls('wecom')).filter((c) => c.path === '/cgi-bin/message/send');
      expect(sendsAfterFirst.length).toBeGreaterThan(0);
      expect(sendsAfterFirst.every((c) => c.body.touser === 'lisi')).toBe(true);
      const outboxAfterFirst = await countRows('outbox');

      const second = await post();
      expect(second.response.status).toBe(200);
      expect(await countRows('processed_events')).toBe(1);
      expect(await countRows('users')).toBe(1);
      expect(await countRows('outbox')).toBe(outboxAfterFirst);
      expect((await fakeCalls('wecom')).filter((c) => c.path === '/cgi-bin/message/send')).toHaveLength(sendsAfterFirst.length);
    });

    it('refuses a callback signed with another token (401, nothing stored)', async () => {
      const createTime = Math.floor(h.clock.now().getTime() / 1000);
      const encrypted = encrypt(`<xml><FromUserName><![CDATA[lisi]]></FromUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content><MsgId>1</MsgId></xml>`, key, wecomApp.corpId);
      const query = new URLSearchParams({ msg_signature: signature('wrong-token', String(createTime), '1', encrypted), timestamp: String(createTime), nonce: '1' });
      const { response } = await h.request(`/wecom/callback?${query}`, { method: 'POST', body: `<xml><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>` });
      expect(response.status).toBe(401);
      expect(await countRows('processed_events')).toBe(0);
    });
  });

  describe('DingTalk (HTTP callback mode)', () => {
    function signed(secret: string, timestampMs: number): Record<string, string> {
      const timestamp = String(timestampMs);
      return { 'content-type': 'application/json', timestamp, sign: createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64') };
    }
    function robotMessage(text: string) {
      const now = h.clock.now().getTime();
      const session = randomUUID();
      return {
        session,
        body: JSON.stringify({
          ...dingtalkFixture,
          msgId: `msg${randomUUID()}`,
          createAt: now,
          sessionWebhook: `${inject('dingtalkUrl')}/robot/sendBySession?session=${session}`,
          sessionWebhookExpiredTime: now + 90 * 60_000,
          text: { content: text },
        }),
      };
    }

    it('takes a callback with a good sign and replies through the session webhook', async () => {
      const message = robotMessage('帮助');
      const { response } = await h.request('/dingtalk/callback', { method: 'POST', headers: signed(dingtalkApp.clientSecret, h.clock.now().getTime()), body: message.body });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ msgtype: 'empty' });
      expect(await countRows('processed_events')).toBe(1);
      const replies = (await fakeCalls('dingtalk')).filter((c) => c.path === '/robot/sendBySession' && c.query.session === message.session);
      expect(replies.length).toBeGreaterThan(0);
    });

    it('refuses a bad sign with 401 and stores nothing', async () => {
      const { response } = await h.request('/dingtalk/callback', { method: 'POST', headers: signed('not-the-app-secret', h.clock.now().getTime()), body: robotMessage('帮助').body });
      expect(response.status).toBe(401);
      expect(await countRows('processed_events')).toBe(0);
      expect(await countRows('users')).toBe(0);
      expect(await fakeCalls('dingtalk')).toEqual([]);
    });
  });

  it('serves /healthz and /readyz', async () => {
    expect(await (await h.request('/healthz')).response.json()).toEqual({ status: 'ok' });
    const ready = await h.request('/readyz');
    expect(ready.response.status).toBe(200);
    expect(await ready.response.json()).toMatchObject({ status: 'ready' });
  });
});
