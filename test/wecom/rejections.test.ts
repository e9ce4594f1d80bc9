import { describe, expect, it, vi } from 'vitest';
import { envelope, signedCallback, textXml, vector } from './support/callbacks.ts';
import { useWeComHarness } from './support/wecom-harness.ts';

const w = useWeComHarness();

const checkIn = () => textXml({ from: 'mallory', content: '签到 华为 22.54,113.95', msgId: '7001', createTime: w.current.createTime() });

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>`;

/** Nothing a rejected callback could have written: no dedupe row, no person, no check-in, no reply. */
async function expectNothingStored() {
  const db = w.current.h.db;
  for (const table of ['processed_events', 'users', 'identities', 'check_ins', 'outbox'] as const) {
    expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
  }
  await w.current.h.app.delivery.drainOnce();
  expect(w.current.fake.callsTo('/cgi-bin/message/send')).toEqual([]);
}

describe('POST /wecom/callback rejects, storing nothing', () => {
  it('a wrong signature (signed with another token)', async () => {
    const res = await w.current.post(signedCallback(checkIn(), { token: 'not-the-token' }));
    expect(res.status).toBe(401);
    await expectNothingStored();
  });

  it('a signature over a different Encrypt value', async () => {
    const good = signedCallback(checkIn());
    const other = signedCallback(textXml({ from: 'mallory', content: '帮助', msgId: '7002', createTime: 1 }));
    const res = await w.current.post({ path: good.path, body: other.body });
    expect(res.status).toBe(401);
    await expectNothingStored();
  });

  it('a message encrypted for another corp (receiveid mismatch), even correctly signed', async () => {
    const res = await w.current.post(signedCallback(checkIn(), { corpId: 'ww0000000000000bad' }));
    expect(res.status).toBe(400);
    await expectNothingStored();
  });

  it('a truncated ciphertext: mid-block and by whole blocks', async () => {
    const midBlock = signedCallback(checkIn(), { mutateEncrypted: (e) => e.slice(0, -8) });
    expect((await w.current.post(midBlock)).status).toBe(400);
    const wholeBlocks = signedCallback(checkIn(), {
      mutateEncrypted: (e) => {
        const bytes = Buffer.from(e, 'base64');
        return bytes.subarray(0, bytes.length - 32).toString('base64');
      },
    });
    expect((await w.current.post(wholeBlocks)).status).toBe(400);
    await expectNothingStored();
  });

  it('malformed XML: the envelope, and a decrypted message', async () => {
    const broken = signedCallback(checkIn(), { body: (e) => `<xml><ToUserName><![CDATA[${vector.corpId}]]></ToUserName><Encrypt><![CDATA[${e}]]></Encrypt>` });
    expect((await w.current.post(broken)).status).toBe(400);
    const innerBroken = signedCallback('<xml><FromUserName>mallory</FromUserName><MsgType>text</MsgType><Content>签到</Conten></xml>');
    expect((await w.current.post(innerBroken)).status).toBe(400);
    expect((await w.current.post(signedCallback('not xml at all'))).status).toBe(400);
    await expectNothingStored();
  });

  it('an XML entity bomb: in the envelope, and inside a correctly signed and encrypted message', async () => {
    const outer = signedCallback(checkIn(), { body: (e) => `${billionLaughs}\n${envelope(e).replace(vector.corpId, '&lol4;')}` });
    expect((await w.current.post(outer)).status).toBe(400);
    const inner = checkIn().replace('<xml>', `${billionLaughs}\n<xml>`).replace('签到 华为', '签到 &lol4;');
    expect((await w.current.post(signedCallback(inner))).status).toBe(400);
    await expectNothingStored();
  });

  it('a correctly signed callback from more than a day ago (a replay) or a day ahead: 401, with a log line', async () => {
    const now = w.current.createTime();
    const twoDaysAgo = now - 2 * 86_400;
    const old = textXml({ from: 'mallory', content: '签到 华为 22.54,113.95', msgId: '7003', createTime: twoDaysAgo });
    const warn = vi.spyOn(w.current.h.app.logger, 'warn');
    const res = await w.current.post(signedCallback(old, { timestamp: String(twoDaysAgo) }));
    expect(res.status).toBe(401);
    const ahead = signedCallback(checkIn(), { timestamp: String(now + 86_400 + 60) });
    expect((await w.current.post(ahead)).status).toBe(401);
    await expectNothingStored();
    const lines = warn.mock.calls.filter((call) => String(call[1]).includes('more than a day off the clock'));
    warn.mockRestore();
    expect(lines).toHaveLength(2);
    expect(lines[0]![0]).toEqual({ skewSeconds: -2 * 86_400 });
  });

  it('a callback signed within the day is still accepted', async () => {
    const res = await w.current.post(signedCallback(checkIn(), { timestamp: String(w.current.createTime() - 23 * 3600) }));
    expect(res.status).toBe(200);
    expect((await w.current.delivered()).length).toBeGreaterThan(0);
  });

  it('missing signature parameters and oversized bodies', async () => {
    const good = signedCallback(checkIn());
    const res = await w.current.h.app.http.request('/wecom/callback?timestamp=1&nonce=2', { method: 'POST', body: good.body });
    expect(res.status).toBe(400);
    const huge = await w.current.h.app.http.request(good.path, { method: 'POST', body: `<xml>${'x'.repeat(100_000)}</xml>` });
    expect(huge.status).toBe(413);
    await expectNothingStored();
  });
});
