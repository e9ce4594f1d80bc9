import { describe, expect, it } from 'vitest';
import { useHarness } from '../../../test/support/test-app.ts';
import { resolveLinkSecret } from '../../core/location-links/link-secret.ts';
import { issueLocationLink } from '../../core/location-links/issue-location-link.ts';

const h = useHarness();

const huawei = { lat: 22.54, lng: 113.95 };
/** About 2 km north of the customer: outside the default 500 m radius. */
const twoKmAway = { lat: 22.558, lng: 113.95 };

async function setUp(user = 'alice', language: 'zh' | 'en' = 'zh'): Promise<void> {
  await h.current.register(user);
  if (language === 'en') await h.current.say(user, 'language en');
  await h.current.say(user, language === 'zh' ? '新客户 华为 22.54,113.95' : 'new customer Huawei 22.54,113.95');
}

/** Starts a check-in without location in the chat and returns the token of the link the bot sent. */
async function linkFromChat(user = 'alice', text = '签到 华为'): Promise<string> {
  const reply = (await h.current.say(user, text)).join('\n');
  const match = reply.match(/\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no link in reply: ${reply}`);
  return match[1]!;
}

const get = (path: string, language = 'zh-CN') => h.current.app.http.request(path, { headers: { 'accept-language': language } });
const post = (token: string, body: unknown, language = 'zh-CN') =>
  h.current.app.http.request(`/c/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify(body),
  });

/** Delivers the outbox and returns what the user's direct chat received since the last look. */
async function inbox(user = 'alice'): Promise<string[]> {
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${user}`)).map((m) => m.text);
}

const countCheckIns = async () => (await h.current.db.selectFrom('check_ins').select('id').execute()).length;

describe('GET /c/:token', () => {
  it('shows a small, self-contained page in the rep language for the linked customer', async () => {
    await setUp();
    const token = await linkFromChat();
    const res = await get(`/c/${token}`, 'en-US');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('在 华为 签到');
    expect(html).toContain('enableHighAccuracy: true');
    expect(Buffer.byteLength(html)).toBeLessThan(50 * 1024);
    // No external assets: no src/href attributes and no URLs but the namespace-free page itself.
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('escapes customer names in the page and its data', async () => {
    await h.current.register('alice');
    await h.current.say('alice', 'language en');
    await h.current.say('alice', 'new customer <script>alert(1)</script> 22.54,113.95');
    const token = await linkFromChat('alice', 'checkin <script>alert(1)</script>');
    const html = await (await get(`/c/${token}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('changes nothing when opened', async () => {
    await setUp();
    const token = await linkFromChat();
    await get(`/c/${token}`);
    await get(`/c/${token}`);
    expect(await h.current.db.selectFrom('location_tokens').selectAll().execute()).toHaveLength(0);
    expect(await countCheckIns()).toBe(0);
  });
});

describe('POST /c/:token', () => {
  it('checks in verified at the customer, clears the wait for a location and confirms in the chat', async () => {
    await setUp();
    const token = await linkFromChat();
    const res = await post(token, { ...huawei, accuracy: 12 });
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ ok: true, action: 'in', status: 'verified', customer: { name: '华为' }, distanceMeters: 0, accuracyMeters: 12, mocked: false, notified: true });
    expect(result.headline).toContain('位置已核实');
    expect(await inbox()).toEqual([expect.stringContaining('已在 华为 签到 ✓')]);

    const rows = await h.current.db.selectFrom('check_ins').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'verified', accuracy_m: 12, mocked: false, source_platform: 'local' });
    expect(await h.current.db.selectFrom('conversation_states').selectAll().execute()).toHaveLength(0);
    // The chat no longer waits for a location: a bare location now checks nobody in.
    await h.current.say('alice', undefined, { location: huawei });
    expect(await countCheckIns()).toBe(1);
  });

  it('records 2 km away as outside with the distance, in the chat too', async () => {
    await setUp();
    const token = await linkFromChat();
    const result = await (await post(token, { ...twoKmAway, accuracy: 20 })).json();
    expect(result).toMatchObject({ ok: true, status: 'outside', radiusMeters: 500 });
    expect(result.distanceMeters).toBeGreaterThan(1950);
    expect(result.distanceMeters).toBeLessThan(2050);
    expect((await inbox())[0]).toContain('你距客户 2.0 公里，超出 500 米范围');
  });

  it('does not verify a position less precise than the radius (±1.5 km against 500 m), on the page and in the chat', async () => {
    await setUp();
    const token = await linkFromChat();
    const result = await (await post(token, { ...huawei, accuracy: 1500 })).json();
    expect(result).toMatchObject({ ok: true, status: 'unverified', distanceMeters: 0, accuracyMeters: 1500, accuracyFlagged: true });
    expect(result.headline).toBe('已签到 — 未核实');
    expect(result.headline).not.toContain('位置已核实');
    expect(result.message).toContain('未核实：你的定位精度只有 1.5 公里，比 500 米的范围还大');
    expect((await inbox())[0]).toContain('已在 华为 签到（未核实：你的定位精度只有 1.5 公里');
    const rows = await h.current.db.selectFrom('check_ins').select(['status', 'accuracy_flagged']).execute();
    expect(rows).toEqual([{ status: 'unverified', accuracy_flagged: true }]);
  });

  it('checks in unverified without location', async () => {
    await setUp();
    const token = await linkFromChat();
    const result = await (await post(token, { withoutLocation: true })).json();
    expect(result).toMatchObject({ ok: true, status: 'unverified', distanceMeters: null, accuracyMeters: null });
    expect((await inbox())[0]).toContain('已在 华为 签到（未核实：没有位置）');
  });

  it('stores and reports a position the platform flagged as mocked', async () => {
    await setUp();
    const token = await linkFromChat();
    const result = await (await post(token, { ...huawei, accuracy: 5, mocked: true })).json();
    expect(result).toMatchObject({ ok: true, mocked: true });
    const row = await h.current.db.selectFrom('check_ins').select('mocked').executeTakeFirstOrThrow();
    expect(row.mocked).toBe(true);
    expect((await inbox())[0]).toContain('模拟定位');
  });

  it('works once: a reused link gets 410 and records nothing more', async () => {
    await setUp();
    const token = await linkFromChat();
    expect((await post(token, huawei)).status).toBe(200);
    const again = await post(token, huawei);
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ ok: false, error: 'used', title: '链接已被使用' });
    const page = await get(`/c/${token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('链接已被使用');
    expect(await countCheckIns()).toBe(1);
  });

  it('refuses an expired link with 410 and changes nothing', async () => {
    await setUp();
    const token = await linkFromChat();
    h.current.clock.advance(15 * 60_000);
    const page = await get(`/c/${token}`, 'en-US');
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('链接已过期'); // the rep's language, not the browser's
    const res = await post(token, huawei);
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ error: 'expired' });
    expect(await countCheckIns()).toBe(0);
    expect(await h.current.db.selectFrom('location_tokens').selectAll().execute()).toHaveLength(0);
  });

  it('refuses tampered and malformed links in the browser language', async () => {
    await setUp();
    const token = await linkFromChat();
    const [body, signature] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = `${Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 86_400 })).toString('base64url')}.${signature}`;

    const page = await get(`/c/${forged}`, 'en-US,en;q=0.9');
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('This link is not valid');
    const res = await post(forged, huawei, 'en-US');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: 'tampered', title: 'This link is not valid' });

    expect((await get('/c/not-a-token', 'zh-CN,zh;q=0.9')).status).toBe(400);
    expect((await post('not-a-token', huawei)).status).toBe(400);
    expect(await countCheckIns()).toBe(0);
    // The genuine link still works.
    expect((await post(token, huawei)).status).toBe(200);
  });

  it('rejects a body it cannot use without spending the link', async () => {
    await setUp();
    const token = await linkFromChat();
    const noLng = await post(token, { lat: 22.54 });
    expect(noLng.status).toBe(400);
    expect(await noLng.json()).toMatchObject({ error: 'badRequest' });
    const outOfRange = await post(token, { lat: 95, lng: 200 });
    expect(await outOfRange.json()).toMatchObject({ error: 'badRequest', message: expect.stringContaining('坐标超出范围') });
    expect((await post(token, { ...huawei, extra: 1 })).status).toBe(400);
    const notJson = await h.current.app.http.request(`/c/${token}`, { method: 'POST', body: 'lat=1' });
    expect(notJson.status).toBe(400);
    expect((await post(token, huawei)).status).toBe(200);
  });

  it('refuses a second check-in at the same customer and keeps the link usable', async () => {
    await setUp();
    await h.current.say('alice', '签到 华为 22.54,113.95');
    const token = await linkFromChat();
    const res = await post(token, huawei);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'refused', message: expect.stringContaining('你已经在 华为 签到了') });
    expect(await countCheckIns()).toBe(1);
    expect(await h.current.db.selectFrom('location_tokens').selectAll().execute()).toHaveLength(0);
  });

  it('checks out of the open visit with a check-out link', async () => {
    await setUp('bob', 'en');
    await h.current.say('bob', 'checkin Huawei 22.54,113.95');
    h.current.clock.advance(45 * 60_000);
    const user = await h.current.db.selectFrom('users').select(['id', 'org_id']).executeTakeFirstOrThrow();
    const link = issueLocationLink(
      { publicUrl: 'http://legwork.test', linkSecret: await resolveLinkSecret(h.current.db, h.current.app.dataKey), linkTtlMinutes: 15 },
      { orgId: user.org_id, userId: user.id, action: 'out', now: h.current.clock.now() },
    );
    const html = await (await get(`/c/${link.token}`)).text();
    expect(html).toContain('Check out of Huawei');
    const result = await (await post(link.token, { ...huawei, accuracy: 8 })).json();
    expect(result).toMatchObject({ ok: true, action: 'out', status: 'verified', durationMinutes: 45, headline: 'Checked out ✓' });
    expect(await inbox('bob')).toEqual(['Checked out of Huawei after 45 min.', expect.stringContaining('How did it go?')]);
    const page = await get(`/c/${link.token}`);
    expect(page.status).toBe(410);
  });
});

describe('the customer picker (links without a customer, as the web chat 📍 makes)', () => {
  it('lists customers nearest first and checks in at the chosen one', async () => {
    await setUp('alice', 'en');
    await h.current.say('alice', 'new customer Tencent 22.5405,113.934');
    await h.current.say('alice', 'new customer Baidu 40.05,116.30');
    await h.current.say('alice', 'new customer Nowhere Ltd');
    const made = await h.current.app.http.request('/local/location-link', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'alice' }),
    });
    expect(made.status).toBe(201);
    const { url } = await made.json();
    expect(url).toMatch(/^http:\/\/legwork\.test\/c\//);
    const token = url.split('/c/')[1];

    const html = await (await get(`/c/${token}`)).text();
    expect(html).toContain('Check in: choose the customer');
    expect(html).toContain('<label class="search" for="search">Find a customer</label>');

    const near = await (await get(`/c/${token}/customers?lat=${huawei.lat}&lng=${huawei.lng}`)).json();
    expect(near.customers.map((c: { name: string }) => c.name)).toEqual(['Huawei', 'Tencent', 'Baidu', 'Nowhere Ltd']);
    expect(near.customers[0].distanceMeters).toBe(0);
    expect(near.customers[3].distanceMeters).toBeNull();
    const found = await (await get(`/c/${token}/customers?q=ten`)).json();
    expect(found.customers.map((c: { name: string }) => c.name)).toEqual(['Tencent']);

    expect(await (await post(token, huawei)).json()).toMatchObject({ error: 'customerRequired' });
    const tencent = near.customers[1].id;
    const result = await (await post(token, { ...huawei, customerId: tencent })).json();
    expect(result).toMatchObject({ ok: true, status: 'outside', customer: { name: 'Tencent' } });
    expect((await inbox())[0]).toMatch(/^Checked in at Tencent, but you are 1\.\d km away/);
  });

  it('answers a local user who never spoke with 404', async () => {
    const res = await h.current.app.http.request('/local/location-link', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'stranger' }),
    });
    expect(res.status).toBe(404);
  });

  it('does not accept another customer on a link bound to one', async () => {
    await setUp('alice', 'en');
    await h.current.say('alice', 'new customer Tencent 22.5405,113.934');
    const tencent = await h.current.db.selectFrom('customers').select('id').where('name', '=', 'Tencent').executeTakeFirstOrThrow();
    const token = await linkFromChat('alice', 'checkin Huawei');
    const res = await post(token, { ...huawei, customerId: tencent.id });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'customerMismatch' });
  });
});
