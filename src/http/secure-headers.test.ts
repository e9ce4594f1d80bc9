import { describe, expect, it } from 'vitest';
import { useHarness } from '../../test/support/test-app.ts';

const h = useHarness();

/** Every HTML page Legwork serves, in each of its states (issue 11 item 3); `expired` is looked at later. */
async function htmlRoutes(): Promise<{ routes: Record<string, string>; expired: string }> {
  await h.current.register('alice');
  await h.current.say('alice', '新客户 华为 22.54,113.95');
  const linkIn = async () => (await h.current.say('alice', '签到 华为')).join('\n').match(/\/c\/[A-Za-z0-9_.-]+/)![0];
  const localLink = async (action: 'in' | 'out') => {
    const res = await h.current.app.http.request('/local/location-link', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'alice', action }),
    });
    return new URL(((await res.json()) as { url: string }).url).pathname;
  };
  const used = await linkIn();
  const spent = await h.current.app.http.request(used, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ withoutLocation: true }),
  });
  expect(spent.status).toBe(200);
  await h.current.say('alice', '签退'); // closes the visit that link opened
  const expired = await linkIn();
  const picker = await localLink('in');
  const outWithoutVisit = await localLink('out');
  const routes = {
    'web chat': '/',
    'location page': await linkIn(),
    'location page (picker)': picker,
    'used link': used,
    'damaged link': `${expired.slice(0, -3)}xyz`,
    'malformed link': '/c/not-a-token',
    'nothing to check out of': outWithoutVisit,
  };
  return { routes, expired };
}

describe('security headers', () => {
  it('every HTML page has a CSP without inline script, and the usual secure headers', async () => {
    const { routes, expired } = await htmlRoutes();
    const statuses: Record<string, number> = {};
    const check = async (name: string, path: string) => {
      const res = await h.current.app.http.request(path, { headers: { 'accept-language': 'zh-CN' } });
      statuses[name] = res.status;
      expect(res.headers.get('content-type'), name).toContain('text/html');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, name).toContain("default-src 'none'");
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(csp, name).toMatch(/script-src ('self'|'nonce-[A-Za-z0-9+/=]+')(;|$)/);
      expect(csp, name).not.toContain('unsafe');
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), name).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), name).toBe('SAMEORIGIN');
      const html = await res.text();
      // An inline script runs only with the response's nonce.
      const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
      for (const tag of html.match(/<script(?![^>]*type="application\/json")[^>]*>/g) ?? []) {
        expect(tag.includes(' src=') || (nonce !== undefined && tag.includes(`nonce="${nonce}"`)), `${name}: ${tag}`).toBe(true);
      }
      expect(html, name).not.toMatch(/\son[a-z]+=/i);
    };
    for (const [name, path] of Object.entries(routes)) await check(name, path);
    h.current.clock.advance(16 * 60_000);
    await check('expired link', expired);
    expect(statuses).toEqual({
      'web chat': 200,
      'location page': 200,
      'location page (picker)': 200,
      'used link': 410,
      'damaged link': 403,
      'malformed link': 400,
      'nothing to check out of': 409,
      'expired link': 410,
    });
  });

  it('serves the web chat script and style as files the CSP allows', async () => {
    const page = await (await h.current.app.http.request('/')).text();
    expect(page).toContain('<script src="/local/web-chat.js" defer></script>');
    expect(page).not.toMatch(/<style/);
    const script = await h.current.app.http.request('/local/web-chat.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toContain('window.LEGWORK_TEXTS');
    const style = await h.current.app.http.request('/local/web-chat.css');
    expect(style.headers.get('content-type')).toContain('text/css');
  });

  it('JSON answers get the headers too', async () => {
    const res = await h.current.app.http.request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
