import { describe, expect, it } from 'vitest';
import { useHarness, type TestHarness } from '../support/test-app.ts';

const h = useHarness();
const origin = 'http://legwork.test';

/**
 * Every console page for every role, over HTTP (issue 13: one rule set, asked the same way in chat,
 * the API and the console). 李四 admin; 张三 manages 华东 (王五); 赵六 manages 华西 (孙七); 钱九 is a
 * manager by title who manages no team (the API sets roles without teams); 周八 is a rep in no team yet.
 * 王五, 孙七 and 周八 checked in and filed a report; 华为 is owned by 王五, 腾讯 by 孙七.
 */
async function org(harness: TestHarness) {
  await harness.register('李四', '张三', '王五', '赵六', '孙七', '钱九', '周八');
  await harness.say('李四', '加入方式 开放');
  await harness.say('李四', '创建团队 华东 经理 张三');
  await harness.say('李四', '创建团队 华西 经理 赵六');
  await harness.say('王五', '加入团队 华东');
  await harness.say('孙七', '加入团队 华西');
  await harness.say('王五', '新客户 华为 22.54,113.95');
  await harness.say('孙七', '新客户 腾讯 22.5405,113.934');
  await harness.say('王五', '签到 华为 22.5402,113.9501');
  await harness.say('孙七', '签到 腾讯 22.5406,113.934');
  await harness.say('王五', '日报 拜访了华为');
  await harness.say('孙七', '日报 拜访了腾讯');
  await harness.say('周八', '签到 华为 22.5402,113.9501');
  await harness.say('周八', '日报 也去了华为');
  await harness.db.updateTable('users').set({ role: 'manager' }).where('display_name', '=', '钱九').execute();
  const people = Object.fromEntries((await harness.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.display_name, u.id]));
  return { people };
}

async function logIn(harness: TestHarness, userId: string): Promise<string> {
  const reply = await harness.ask(userId, '后台');
  const path = /http:\/\/legwork\.test(\/console\/login\/\S+)/.exec(reply)?.[1];
  expect(path, reply).toBeDefined();
  const res = await harness.app.http.request(path!, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function get(harness: TestHarness, cookie: string, path: string) {
  const res = await harness.app.http.request(path, { headers: { cookie } });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

/** The people named on a page's rep blocks, report cards or chart series. */
function repsOn(page: string): string[] {
  const names = new Set<string>();
  for (const m of page.matchAll(/data-(?:rep|person)="([^"]+)"/g)) names.add(m[1]!);
  const data = /<script type="application\/json" id="chart-data">(.*?)<\/script>/s.exec(page)?.[1];
  if (data) for (const series of JSON.parse(data).visitsPerDay as { name: string }[]) names.add(series.name);
  return [...names].sort();
}

function navOf(page: string): string[] {
  const nav = /<nav class="main"[^>]*>(.*?)<\/nav>/s.exec(page)?.[1] ?? '';
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/\/people\/[\w-]+\/week$/, '/people/me/week'));
}

const managerNav = ['/console', '/console/reports', '/console/customers', '/console/leaderboard', '/console/charts'];
const ownNav = ['/console/people/me/week', '/console/reports', '/console/customers', '/console/leaderboard'];

describe('console pages per role', () => {
  it('a rep: their own week and reports, no manager pages, no import, nobody else', async () => {
    const { people } = await org(h.current);
    const cookie = await logIn(h.current, '王五');
    const home = await get(h.current, cookie, '/console');
    expect(home.status).toBe(303);
    expect(home.location).toBe(`/console/people/${people['王五']}/week`);
    const week = await get(h.current, cookie, home.location!);
    expect(week.status).toBe(200);
    expect(navOf(week.text)).toEqual(ownNav);
    expect(week.text).toContain('拜访了华为');
    const reports = await get(h.current, cookie, '/console/reports');
    expect(reports.text).toContain('<h1>我的日报</h1>');
    expect(reports.text).toContain('拜访了华为');
    expect(reports.text).not.toContain('拜访了腾讯');
    expect(reports.text).not.toContain('class="reply-form"');
    expect((await get(h.current, cookie, '/console/charts')).status).toBe(403);
    for (const other of ['张三', '孙七', '李四']) expect((await get(h.current, cookie, `/console/people/${people[other]}/week`)).status, other).toBe(404);
    const customers = await get(h.current, cookie, '/console/customers');
    expect(customers.text).not.toContain('id="import"');
    expect(customers.text).not.toContain('/console/customers/new');
    expect((await get(h.current, cookie, '/console/customers/new')).status).toBe(404);
    const leaderboard = await get(h.current, cookie, '/console/leaderboard');
    expect([...leaderboard.text.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(['华东']);
  });

  it("a team's manager: their team's reps on every page, answers them; another team's people are 404", async () => {
    const { people } = await org(h.current);
    const cookie = await logIn(h.current, '张三');
    const today = await get(h.current, cookie, '/console');
    expect(today.status).toBe(200);
    expect(navOf(today.text)).toEqual(managerNav);
    expect(repsOn(today.text)).toEqual(['王五']);
    const reports = await get(h.current, cookie, '/console/reports');
    expect(repsOn(reports.text)).toEqual(['王五']);
    expect(reports.text).toContain('class="reply-form"');
    expect(repsOn((await get(h.current, cookie, '/console/charts')).text)).toEqual(['王五']);
    expect((await get(h.current, cookie, `/console/people/${people['王五']}/week`)).status).toBe(200);
    for (const other of ['孙七', '赵六', '李四', '周八']) expect((await get(h.current, cookie, `/console/people/${people[other]}/week`)).status, other).toBe(404);
    const customers = await get(h.current, cookie, '/console/customers');
    expect(customers.text).toContain('/console/customers/new');
    expect(customers.text).not.toContain('id="import"');
    // 王五's customer is theirs to edit; 孙七's (华西) is shown read-only.
    const ids = Object.fromEntries((await h.current.db.selectFrom('customers').select(['id', 'name']).execute()).map((c) => [c.name, c.id]));
    expect((await get(h.current, cookie, `/console/customers/${ids['华为']}`)).text).toContain('<div class="actions"><button type="submit">');
    expect((await get(h.current, cookie, `/console/customers/${ids['腾讯']}`)).text).not.toContain('<div class="actions"><button type="submit">');
  });

  it("a manager of another team sees their own team only, and may not answer 华东's report", async () => {
    const { people } = await org(h.current);
    const cookie = await logIn(h.current, '赵六');
    const today = await get(h.current, cookie, '/console');
    expect(repsOn(today.text)).toEqual(['孙七']);
    expect(repsOn((await get(h.current, cookie, '/console/reports')).text)).toEqual(['孙七']);
    const charts = (await get(h.current, cookie, '/console/charts')).text;
    expect(repsOn(charts)).toEqual(['孙七']);
    // Only the customers 华西 is responsible for are on its coverage chart.
    const coverage = JSON.parse(/id="chart-data">(.*?)<\/script>/s.exec(charts)![1]!).coverage as { within: number; overdue: number }[];
    expect(coverage.reduce((n, c) => n + c.within + c.overdue, 0)).toBe(1);
    expect((await get(h.current, cookie, `/console/people/${people['王五']}/week`)).status).toBe(404);
    const report = await h.current.db.selectFrom('daily_reports').select('id').where('user_id', '=', people['王五']!).executeTakeFirstOrThrow();
    const page = (await get(h.current, cookie, '/console/reports')).text;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const refused = await h.current.app.http.request(`/console/reports/${report.id}/comments`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, text: '你好' }).toString(),
    });
    expect(refused.status).toBe(403);
  });

  it('an admin: every team, every chart, and the customer import (the only role that may post it)', async () => {
    const { people } = await org(h.current);
    const cookie = await logIn(h.current, '李四');
    const today = await get(h.current, cookie, '/console');
    expect(navOf(today.text)).toEqual(managerNav);
    // A rep in no team is the admin's to see (nobody manages them), in a group of their own.
    expect(repsOn(today.text)).toEqual(['周八', '孙七', '王五']);
    expect([...today.text.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(['华东 · 1 人', '华西 · 1 人', '不在任何团队 · 1 人']);
    const reports = (await get(h.current, cookie, '/console/reports')).text;
    expect(repsOn(reports)).toEqual(['周八', '孙七', '王五']);
    expect(reports).toContain('也去了华为');
    const charts = (await get(h.current, cookie, '/console/charts')).text;
    expect(repsOn(charts)).toEqual(['周八', '孙七', '王五']);
    expect((await get(h.current, cookie, '/console/leaderboard')).status).toBe(200);
    for (const name of ['王五', '孙七', '周八']) expect((await get(h.current, cookie, `/console/people/${people[name]}/week`)).status, name).toBe(200);
    const customers = await get(h.current, cookie, '/console/customers');
    expect(customers.text).toContain('id="import"');

    // The import is the admin's alone: a manager's and a rep's upload is a 404 and changes nothing.
    const upload = async (who: string, csrfFrom: string) => {
      const c = who === '李四' ? cookie : await logIn(h.current, who);
      const token = /name="_csrf" value="([^"]+)"/.exec((await get(h.current, c, csrfFrom)).text)![1]!;
      const sheet = new FormData();
      sheet.set('_csrf', token);
      sheet.set('file', new File([`名称,级别\n${who}的客户,A\n`], 'c.csv', { type: 'text/csv' }));
      return h.current.app.http.request('/console/customers/import', { method: 'POST', headers: { cookie: c, origin }, body: sheet });
    };
    expect((await upload('张三', '/console/customers')).status).toBe(404);
    expect((await upload('王五', '/console/customers')).status).toBe(404);
    expect((await upload('李四', '/console/customers')).status).toBe(200);
    expect((await h.current.db.selectFrom('customers').select('name').orderBy('name').execute()).map((c) => c.name)).toEqual(['华为', '李四的客户', '腾讯'].sort());
  });

  it('a manager by title who manages no team starts at their own week (it used to be a refusal page)', async () => {
    const { people } = await org(h.current);
    const cookie = await logIn(h.current, '钱九');
    const home = await get(h.current, cookie, '/console');
    expect(home.status).toBe(303);
    expect(home.location).toBe(`/console/people/${people['钱九']}/week`);
    const week = await get(h.current, cookie, home.location!);
    expect(week.status).toBe(200);
    expect(navOf(week.text)).toEqual(ownNav);
    const reports = await get(h.current, cookie, '/console/reports');
    expect(reports.text).toContain('<h1>我的日报</h1>');
    expect(repsOn(reports.text)).toEqual([]);
    expect((await get(h.current, cookie, '/console/charts')).status).toBe(403);
    expect((await get(h.current, cookie, `/console/people/${people['王五']}/week`)).status).toBe(404);
  });
});
