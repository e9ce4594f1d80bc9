import { describe, expect, it } from 'vitest';
import { useHarness, type TestHarness } from '../support/test-app.ts';
import { registerInEnglish } from '../conversation/helpers.ts';

const h = useHarness();
const origin = 'http://legwork.test';

/** 李四 admin; 张三 manages 华东 (王五); 赵六 manages 华西 (孙七). 王五 checked in and filed a report. */
async function org(harness: TestHarness) {
  await harness.register('李四', '张三', '王五', '赵六', '孙七');
  await harness.say('李四', '加入方式 开放');
  await harness.say('李四', '创建团队 华东 经理 张三');
  await harness.say('李四', '创建团队 华西 经理 赵六');
  await harness.say('王五', '加入团队 华东');
  await harness.say('孙七', '加入团队 华西');
  await harness.say('李四', '新客户 华为 22.54,113.95');
  await harness.say('王五', '签到 华为 22.5405,113.95');
  await harness.say('王五', '日报 拜访了华为');
}

/** Asks for a console link in chat and returns its path. */
async function linkFor(harness: TestHarness, userId: string): Promise<string> {
  const reply = await harness.ask(userId, userId.match(/^[A-Za-z]/) ? 'console' : '后台');
  const url = /http:\/\/legwork\.test(\/console\/login\/\S+)/.exec(reply)?.[1];
  expect(url, reply).toBeDefined();
  return url!;
}

/** Opens the link (GET shows the button, POST spends it) and returns the session cookie. */
async function logIn(harness: TestHarness, userId: string): Promise<{ cookie: string; setCookie: string }> {
  const path = await linkFor(harness, userId);
  expect((await harness.app.http.request(path)).status).toBe(200);
  const res = await harness.app.http.request(path, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, setCookie };
}

async function get(harness: TestHarness, cookie: string, path: string) {
  const res = await harness.app.http.request(path, { headers: { cookie } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

function csrfOf(page: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
}

describe('console sessions over HTTP', () => {
  it('opens a session with the right cookie, stores only its hash, and ends it on log out', async () => {
    await org(h.current);
    const { cookie, setCookie } = await logIn(h.current, '张三');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=43200/);
    expect(setCookie).not.toMatch(/Secure/i); // PUBLIC_URL is http here
    const value = cookie.split('=')[1]!;
    const stored = await h.current.db.selectFrom('console_sessions').select('token_hash').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(value);
    const today = await get(h.current, cookie, '/console');
    expect(today.status).toBe(200);
    expect(today.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(today.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(today.text).toContain('王五');
    expect(today.text).toContain('华为');
    const logout = await h.current.app.http.request('/console/logout', {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${encodeURIComponent(csrfOf(today.text))}`,
    });
    expect(logout.status).toBe(200);
    expect((await get(h.current, cookie, '/console')).status).toBe(401);
  });

  it('refuses a used, an expired and a forged link with a page that says what to do', async () => {
    await org(h.current);
    const path = await linkFor(h.current, '张三');
    const post = () => h.current.app.http.request(path, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect((await post()).status).toBe(303);
    const used = await h.current.app.http.request(path);
    expect(used.status).toBe(410);
    expect(await used.text()).toContain('此链接已经用过了');
    expect((await post()).status).toBe(410);

    const late = await linkFor(h.current, '张三');
    h.current.clock.advance(10 * 60_000);
    const expired = await h.current.app.http.request(late);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('此链接已过期');
    const forged = await h.current.app.http.request(`${late.slice(0, -3)}abc`);
    expect(forged.status).toBe(400);
    // A location link is no console link.
    expect((await h.current.app.http.request('/console/login/not-a-token')).status).toBe(400);
  });

  it('后台 退出 in chat ends every session of that person', async () => {
    await org(h.current);
    const phone = await logIn(h.current, '张三');
    const laptop = await logIn(h.current, '张三');
    const other = await logIn(h.current, '李四');
    expect(await h.current.ask('张三', '后台 退出')).toBe('已退出所有后台登录（2 个）。');
    expect((await get(h.current, phone.cookie, '/console')).status).toBe(401);
    expect((await get(h.current, laptop.cookie, '/console')).status).toBe(401);
    expect((await get(h.current, other.cookie, '/console')).status).toBe(200);
    expect(await h.current.ask('张三', '后台 退出')).toBe('你没有已登录的后台。');
  });

  it('expires a session after 12 hours', async () => {
    await org(h.current);
    const { cookie } = await logIn(h.current, '张三');
    h.current.clock.advance(12 * 3_600_000 - 1000);
    expect((await get(h.current, cookie, '/console')).status).toBe(200);
    h.current.clock.advance(2000);
    expect((await get(h.current, cookie, '/console')).status).toBe(401);
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const { createHarness } = await import('../support/test-app.ts');
    const secure = await createHarness({ PUBLIC_URL: 'https://legwork.example' }, h.current.app.database);
    try {
      await secure.register('Li');
      const reply = await secure.ask('Li', 'console');
      const path = /https:\/\/legwork\.example(\/console\/login\/\S+)/.exec(reply)![1]!;
      const res = await secure.app.http.request(path, { method: 'POST', headers: { origin: 'https://legwork.example', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await secure.app.stop();
    }
  });
});

describe('console scope', () => {
  it("keeps a rep to their own week and a manager to their teams; another team's ids are 404", async () => {
    await org(h.current);
    const rep = await logIn(h.current, '王五');
    const home = await h.current.app.http.request('/console', { headers: { cookie: rep.cookie } });
    expect(home.status).toBe(303);
    const wang = await h.current.db.selectFrom('users').select('id').where('display_name', '=', '王五').executeTakeFirstOrThrow();
    const sun = await h.current.db.selectFrom('users').select('id').where('display_name', '=', '孙七').executeTakeFirstOrThrow();
    expect(home.headers.get('location')).toBe(`/console/people/${wang.id}/week`);
    const week = await get(h.current, rep.cookie, `/console/people/${wang.id}/week`);
    expect(week.status).toBe(200);
    expect(week.text).toContain('拜访了华为');
    expect(week.text).not.toContain('回复王五'); // no reply box on their own report
    expect((await get(h.current, rep.cookie, `/console/people/${sun.id}/week`)).status).toBe(404);
    expect((await get(h.current, rep.cookie, '/console/charts')).status).toBe(403);

    const manager = await logIn(h.current, '张三');
    expect((await get(h.current, manager.cookie, `/console/people/${wang.id}/week`)).status).toBe(200);
    expect((await get(h.current, manager.cookie, `/console/people/${sun.id}/week`)).status).toBe(404);
    const reports = await get(h.current, manager.cookie, '/console/reports');
    expect(reports.text).toContain('拜访了华为');
    expect(reports.text).not.toContain('孙七');
    const report = await h.current.db.selectFrom('daily_reports').select('id').executeTakeFirstOrThrow();
    // 赵六 manages 华西: 王五's report is not his to answer.
    const other = await logIn(h.current, '赵六');
    const otherPage = await get(h.current, other.cookie, '/console/reports');
    const refused = await h.current.app.http.request(`/console/reports/${report.id}/comments`, {
      method: 'POST',
      headers: { cookie: other.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${encodeURIComponent(csrfOf(otherPage.text))}&text=hi`,
    });
    expect(refused.status).toBe(403);
    expect(await h.current.db.selectFrom('comments').selectAll().execute()).toEqual([]);
  });

  it('nobody sees another org', async () => {
    await org(h.current);
    const wang = await h.current.db.selectFrom('users').select('id').where('display_name', '=', '王五').executeTakeFirstOrThrow();
    // A second org: a Slack-like tenant is not available here, so a user moved into a new org stands in.
    const other = await h.current.db.insertInto('orgs').values({ name: 'Other', checkin_radius_m: 200, report_deadline: '20:00', default_time_zone: 'Asia/Shanghai', default_language: 'en-US' }).returning('id').executeTakeFirstOrThrow();
    await registerInEnglish(h.current, 'Outsider');
    await h.current.db.updateTable('users').set({ org_id: other.id, role: 'admin' }).where('display_name', '=', 'Outsider').execute();
    const outsider = await logIn(h.current, 'Outsider');
    expect((await get(h.current, outsider.cookie, `/console/people/${wang.id}/week`)).status).toBe(404);
    const reports = await get(h.current, outsider.cookie, '/console/reports');
    expect(reports.text).not.toContain('拜访了华为');
    const customers = await get(h.current, outsider.cookie, '/console/customers');
    expect(customers.text).not.toContain('华为');
  });
});

describe('console forms', () => {
  it('refuses a POST without the CSRF token or from another origin, and takes one with both', async () => {
    await org(h.current);
    const { cookie } = await logIn(h.current, '张三');
    const page = await get(h.current, cookie, '/console/reports');
    const report = await h.current.db.selectFrom('daily_reports').select('id').executeTakeFirstOrThrow();
    const send = (body: string, from = origin) =>
      h.current.app.http.request(`/console/reports/${report.id}/comments`, { method: 'POST', headers: { cookie, origin: from, 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect((await send('text=hello')).status).toBe(403);
    expect((await send('text=hello&_csrf=wrong')).status).toBe(403);
    expect((await send(`text=hello&_csrf=${encodeURIComponent(csrfOf(page.text))}`, 'https://evil.example')).status).toBe(403);
    expect(await h.current.db.selectFrom('comments').selectAll().execute()).toEqual([]);
    const ok = await send(`text=${encodeURIComponent('很好')}&_csrf=${encodeURIComponent(csrfOf(page.text))}&back=${encodeURIComponent('/console/reports')}`);
    expect(ok.status).toBe(303);
    await h.current.app.delivery.drainOnce();
    expect((await h.current.newMessages('/local/inbox/王五')).map((m) => m.text).at(-1)).toBe('张三回复了你 2026-11-27 的日报：\n很好');
  });

  it("answers a visit from the rep's week with a 👍; the rep hears of it naming the customer and the date", async () => {
    await org(h.current);
    const { cookie } = await logIn(h.current, '张三');
    const wang = await h.current.db.selectFrom('users').select('id').where('display_name', '=', '王五').executeTakeFirstOrThrow();
    const week = await get(h.current, cookie, `/console/people/${wang.id}/week`);
    const visit = await h.current.db.selectFrom('visits').select('id').executeTakeFirstOrThrow();
    expect(week.text).toContain(`/console/visits/${visit.id}/comments`);
    await h.current.newMessages('/local/inbox/王五');
    const res = await h.current.app.http.request(`/console/visits/${visit.id}/comments`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(week.text), like: '1', text: '', back: `/console/people/${wang.id}/week` }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/people/${wang.id}/week?sent=delivered&to=%E7%8E%8B%E4%BA%94#visit-${visit.id}`);
    await h.current.app.delivery.drainOnce();
    expect((await h.current.newMessages('/local/inbox/王五')).map((m) => m.text)).toEqual(['张三给你 2026-11-27 对华为的拜访点了 👍。']);
    // The rep's own week shows it, and opening it marks it read.
    const rep = await logIn(h.current, '王五');
    expect((await get(h.current, rep.cookie, `/console/people/${wang.id}/week`)).text).toContain('张三（10:00）：👍');
    expect(await h.current.db.selectFrom('comments').select('read_at').where('read_at', 'is', null).execute()).toEqual([]);
    // A back address outside the console is ignored.
    const away = await h.current.app.http.request(`/console/visits/${visit.id}/comments`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(week.text), text: 'ok', back: 'https://evil.example/' }).toString(),
    });
    expect(away.headers.get('location')).toMatch(/^\/console\/reports\?/);
  });

  it('creates and edits a customer, and imports a CSV with per-row errors (admin)', async () => {
    await org(h.current);
    const { cookie } = await logIn(h.current, '李四');
    const page = await get(h.current, cookie, '/console/customers');
    const token = csrfOf(page.text);
    const form = (fields: Record<string, string>) => new URLSearchParams({ _csrf: token, ...fields }).toString();
    const post = (path: string, body: string) => h.current.app.http.request(path, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' }, body });
    const created = await post('/console/customers/new', form({ name: '中兴', tier: 'A', lat: '22.53', lng: '113.94', system: 'wgs84', owner: '', address: '' }));
    expect(created.status).toBe(303);
    const zte = await h.current.db.selectFrom('customers').selectAll().where('name', '=', '中兴').executeTakeFirstOrThrow();
    expect([zte.tier, zte.lat, zte.lng]).toEqual(['A', 22.53, 113.94]);
    const bad = await post(`/console/customers/${zte.id}`, form({ name: '中兴', tier: 'A', lat: '99', lng: '113.94' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('纬度和经度必须都是有效数字');
    const wang = await h.current.db.selectFrom('users').select('id').where('display_name', '=', '王五').executeTakeFirstOrThrow();
    expect((await post(`/console/customers/${zte.id}`, form({ name: '中兴通讯', tier: 'B', lat: '', lng: '', owner: wang.id }))).status).toBe(303);
    const edited = await h.current.db.selectFrom('customers').selectAll().where('id', '=', zte.id).executeTakeFirstOrThrow();
    expect([edited.name, edited.tier, edited.lat, edited.owner_id]).toEqual(['中兴通讯', 'B', null, wang.id]);
    const listed = await get(h.current, cookie, '/console/customers?q=zxtx');
    expect(listed.text).toContain('中兴通讯');
    expect(listed.text).not.toContain('>华为<');

    const sheet = new FormData();
    sheet.set('_csrf', token);
    sheet.set('file', new File(['名称,级别,纬度,经度\n腾讯,A,22.54,113.93\n,B,1,2\n百度,Z,,\n'], 'c.csv', { type: 'text/csv' }));
    const imported = await h.current.app.http.request('/console/customers/import', { method: 'POST', headers: { cookie, origin }, body: sheet });
    const result = await imported.text();
    expect(imported.status).toBe(200);
    expect(result).toContain('新建 1，更新 0，未变 0，失败 2。');
    // Each row's problems in the admin's language (they were English in a Chinese page).
    expect(result).toContain('第 3 行：名称为空');
    expect(result).toContain('第 4 行：级别&quot;Z&quot;不是 A、B 或 C');
    const headless = new FormData();
    headless.set('_csrf', token);
    headless.set('file', new File(['客户代码,级别\nX1,A\n'], 'c.csv', { type: 'text/csv' }));
    const refused = await (await h.current.app.http.request('/console/customers/import', { method: 'POST', headers: { cookie, origin }, body: headless })).text();
    expect(refused).toContain('文件里没有名称列（名称 或 name）。现有的列：客户代码, 级别');
  });
});
