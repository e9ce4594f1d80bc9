import { beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { createWorkerHarness, type WorkerHarness, onPostgres, resetAll, skipReason } from './support.ts';

const origin = 'http://legwork.test';
const adminToken = 'workers-test-admin-token-0123456789';

/**
 * The Worker's pages besides the webhooks (src/app/http-routes.ts, mounted by src/edge/edge-app.ts):
 * the console with its bundled ECharts, the privacy page and the "my data" download, the admin API's
 * docs page and .xlsx export, and the backup route's 501. People talk to the bot through the local
 * chat on the same Worker, so every link a test opens is one the bot sent.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: console, privacy, API extras' : skipReason, () => {
  let h: WorkerHarness;
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
    h.env.ADMIN_TOKEN = adminToken;
  });

  /** One chat message through the local adapter; resolves to the bot's latest message to that person, once delivered. */
  async function say(userId: string, text: string): Promise<string> {
    const { response } = await h.request('/local/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, text }) });
    expect(response.status).toBe(202);
    const inbox = (await (await h.request(`/local/inbox/${encodeURIComponent(userId)}`)).response.json()) as { text: string }[];
    return inbox.at(-1)?.text ?? '';
  }

  /** 李四 (the first person: admin) made a customer and checked in there. */
  async function orgWithACheckIn(): Promise<void> {
    await say('李四', '帮助');
    await say('李四', '新客户 华为 22.54,113.95');
    expect(await say('李四', '签到 华为 22.5405,113.95')).toContain('华为');
  }

  it('console: the link from chat opens a session, the pages render, and ECharts is served from the bundle', async () => {
    await orgWithACheckIn();
    const path = /http:\/\/legwork\.test(\/console\/login\/\S+)/.exec(await say('李四', '后台'))?.[1];
    expect(path).toBeDefined();
    expect((await h.request(path!)).response.status).toBe(200);
    const login = (await h.request(path!, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' })).response;
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^legwork_console=/);

    const today = (await h.request('/console', { headers: { cookie } })).response;
    expect(today.status).toBe(200);
    expect(today.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await today.text()).toContain('李四');
    const customers = (await h.request('/console/customers', { headers: { cookie } })).response;
    expect(customers.status).toBe(200);
    const customersPage = await customers.text();
    expect(customersPage).toContain('华为');

    // The customer sheet upload: the same reader as `npm run import:customers` (csv-parse) on workerd.
    const sheet = new FormData();
    sheet.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(customersPage)![1]!);
    sheet.set('file', new File(['名称,级别,纬度,经度\n腾讯,A,22.54,113.93\n,B,1,2\n'], 'c.csv', { type: 'text/csv' }));
    const imported = (await h.request('/console/customers/import', { method: 'POST', headers: { cookie, origin }, body: sheet })).response;
    expect(imported.status).toBe(200);
    const result = await imported.text();
    expect(result).toContain('新建 1，更新 0，未变 0，失败 1。');
    expect(result).toMatch(/第 3 行：/);
    // A sheet as Excel on Chinese Windows saves it (GB18030): "名称,级别\n阿里,A\n".
    const gb18030 = new Uint8Array([195, 251, 179, 198, 44, 188, 182, 177, 240, 10, 176, 162, 192, 239, 44, 65, 10]);
    sheet.set('file', new File([gb18030], 'gb.csv', { type: 'text/csv' }));
    const fromExcel = (await h.request('/console/customers/import', { method: 'POST', headers: { cookie, origin }, body: sheet })).response;
    expect(await fromExcel.text()).toContain('新建 1，更新 0，未变 0，失败 0。');
    expect(await (await h.request('/console/customers?q=阿里', { headers: { cookie } })).response.text()).toContain('阿里');
    const charts = (await h.request('/console/charts', { headers: { cookie } })).response;
    expect(charts.status).toBe(200);
    expect(await charts.text()).toContain('/console/assets/echarts.min.js');

    const echarts = (await h.request('/console/assets/echarts.min.js')).response;
    expect(echarts.status).toBe(200);
    expect(echarts.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await echarts.text();
    expect(script).toContain('Licensed to the Apache Software Foundation');
    expect(script.length).toBeGreaterThan(500_000);
    // Without a session the pages say how to sign in.
    expect((await h.request('/console')).response.status).toBe(401);
  });

  it('privacy: the notice in both languages, and "我的数据" downloads a zip once', async () => {
    const zh = (await h.request('/privacy', { headers: { 'accept-language': 'zh-CN' } })).response;
    expect(zh.status).toBe(200);
    expect(await zh.text()).toMatch(/<html lang="zh[^"]*">/);
    const en = (await h.request('/privacy?lang=en')).response;
    expect(await en.text()).toContain('Privacy: what Legwork records');

    await orgWithACheckIn();
    const path = /http:\/\/legwork\.test(\/privacy\/export\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(await say('李四', '我的数据'))?.[1];
    expect(path).toBeDefined();
    // Opening the link (or a chat app's preview) spends nothing; the button posts.
    expect((await h.request(path!)).response.status).toBe(200);
    const download = (await h.request(path!, { method: 'POST', headers: { origin } })).response;
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    const everything = Object.values(files).map((bytes) => strFromU8(bytes)).join('\n');
    expect(everything).toContain('22.5405');
    expect((await h.request(path!, { method: 'POST', headers: { origin } })).response.status).toBe(410);
  });

  it('admin API: the docs page loads Scalar from the Worker, and check-ins export as .xlsx', async () => {
    const docs = (await h.request('/api/docs')).response;
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/docs/scalar.js');
    const scalar = (await h.request('/api/docs/scalar.js')).response;
    expect(scalar.status).toBe(200);
    expect(scalar.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await scalar.text()).length).toBeGreaterThan(1_000_000);

    await orgWithACheckIn();
    const xlsx = (await h.request('/api/v1/exports/check-ins.xlsx?lang=en-US', { headers: { authorization: `Bearer ${adminToken}` } })).response;
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const sheet = Object.entries(files).find(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheet).toBeDefined();
    const xml = strFromU8(sheet![1]);
    expect(xml).toContain('华为');
    expect(xml).toContain('李四');
    // A streamed CSV reads its rows after the handler returned: the Worker keeps the pool open for it.
    const csv = (await h.request('/api/v1/exports/check-ins.csv?lang=en-US', { headers: { authorization: `Bearer ${adminToken}` } })).response;
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('华为');
  });

  it('POST /admin/backup answers 501 problem+json naming pg_dump (no embedded database on the Worker)', async () => {
    const { response } = await h.request('/admin/backup', { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
    expect(response.status).toBe(501);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { code: string; status: number; detail: string };
    expect(problem.code).toBe('not_implemented');
    expect(problem.status).toBe(501);
    expect(problem.detail).toContain('pg_dump');
  });

  it('PRIVACY_NOTICE_TEXT: the company text under the built-in notice, in every language, as text', async () => {
    h.env.PRIVACY_NOTICE_TEXT = '本公司的数据保护负责人：王五（dpo@example.com）。\\n\\nOur data protection officer: Wang Wu. <b>not a tag</b>';
    for (const lang of ['zh-CN', 'en-US']) {
      const { response } = await h.request(`/privacy?lang=${lang}`);
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('本公司的数据保护负责人：王五（dpo@example.com）。');
      expect(page).toContain('Our data protection officer: Wang Wu.');
      expect(page).toContain('&lt;b&gt;not a tag&lt;/b&gt;');
    }
  });

  it('PRIVACY_NOTICE_FILE (a file the Worker cannot have) stops it with 500 rather than a notice without the company\'s part', async () => {
    h.env.PRIVACY_NOTICE_FILE = '/etc/legwork/privacy-{lang}.txt';
    const { response } = await h.request('/privacy');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'service misconfigured' });
  });
});
