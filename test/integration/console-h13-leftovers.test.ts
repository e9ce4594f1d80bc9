import { describe, expect, it } from 'vitest';
import { useHarness, type TestHarness } from '../support/test-app.ts';

const h = useHarness();
const origin = 'http://legwork.test';

/**
 * Issue #13's console leftovers, over HTTP as in console-roles.test.ts. 李四 admin; 张三 manages 华东
 * (王五, 孙七). Everyone registers on Fri 2026-11-27 in Asia/Shanghai.
 */
async function org(harness: TestHarness) {
  await harness.register('李四', '张三', '王五', '孙七');
  await harness.say('李四', '加入方式 开放');
  await harness.say('李四', '创建团队 华东 经理 张三');
  await harness.say('王五', '加入团队 华东');
  await harness.say('孙七', '加入团队 华东');
}

async function logIn(harness: TestHarness, userId: string): Promise<string> {
  const reply = await harness.ask(userId, '后台');
  const path = /http:\/\/legwork\.test(\/console\/login\/\S+)/.exec(reply)?.[1];
  expect(path, reply).toBeDefined();
  const res = await harness.app.http.request(path!, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function page(harness: TestHarness, cookie: string, path: string): Promise<string> {
  const res = await harness.app.http.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The report badge of each rep block on the today page, by name. */
function reportBadges(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<div class="rep" data-rep="([^"]+)">\s*<div class="rep-head"><span class="name">[^<]*<\/span>\s*<span class="badge [^"]*">([^<]*)<\/span>/g)) out[m[1]!] = m[2]!;
  return out;
}

describe('the console today page on a day off and an away day', () => {
  it('a Saturday says 休息日 for everyone; on Monday an away rep says 请假 and only the other is missing', async () => {
    await org(h.current);
    h.current.clock.set('2026-11-28T02:00:00Z');
    const cookie = await logIn(h.current, '张三');
    expect(reportBadges(await page(h.current, cookie, '/console'))).toEqual({ 王五: '休息日，无需日报', 孙七: '休息日，无需日报' });
    h.current.clock.set('2026-11-30T02:00:00Z');
    await h.current.say('王五', '请假');
    // A console session lasts hours, not days: log in again on Monday.
    expect(reportBadges(await page(h.current, await logIn(h.current, '张三'), '/console'))).toEqual({ 王五: '请假', 孙七: '日报未交' });
  });

  it('en: day off and away', async () => {
    await org(h.current);
    expect(await h.current.ask('张三', 'language en')).toBe('I will reply in English.');
    h.current.clock.set('2026-11-29T02:00:00Z');
    const cookie = await logIn(h.current, '张三');
    expect(reportBadges(await page(h.current, cookie, '/console'))).toEqual({ 王五: 'Day off, no report due', 孙七: 'Day off, no report due' });
    h.current.clock.set('2026-12-01T02:00:00Z');
    await h.current.say('孙七', '请假 到 周三');
    expect(reportBadges(await page(h.current, await logIn(h.current, '张三'), '/console'))).toEqual({ 王五: 'Report missing', 孙七: 'Away' });
  });
});

/** The people named on a page's rep blocks, report cards, "not filed" cards or chart series. */
function peopleOn(html: string): string[] {
  const names = new Set<string>();
  for (const m of html.matchAll(/data-(?:rep|person)="([^"]+)"/g)) names.add(m[1]!);
  for (const m of html.matchAll(/<section class="card report missing"><p>([^<]+)<\/p>/g)) names.add(m[1]!);
  const data = /<script type="application\/json" id="chart-data">(.*?)<\/script>/s.exec(html)?.[1];
  if (data) for (const series of JSON.parse(data).visitsPerDay as { name: string }[]) names.add(series.name);
  return [...names].sort();
}

describe('a deactivated rep on the console', () => {
  it('is off today, the reports, the charts and the leaderboard, and no new customer can be given to them', async () => {
    const s = h.current;
    await org(s);
    await s.register('周八');
    await s.say('王五', '新客户 华为 22.54,113.95');
    for (const who of ['王五', '孙七', '周八']) {
      await s.say(who, '签到 华为 22.54,113.95');
      await s.say(who, `日报 ${who}拜访了华为`);
    }
    await s.say('周八', '签退');
    expect(await s.ask('李四', '停用 王五')).toContain('王五');
    for (const who of ['周八']) await s.say(who, '帮助');
    const cookie = await logIn(s, '李四');
    const today = await page(s, cookie, '/console');
    expect(Object.keys(reportBadges(today)).sort()).toEqual(['周八', '孙七']);
    const reports = await page(s, cookie, '/console/reports');
    expect(reports).toContain('孙七拜访了华为');
    expect(reports).not.toContain('王五拜访了华为');
    expect(peopleOn(reports)).not.toContain('王五');
    const charts = await page(s, cookie, '/console/charts');
    expect(peopleOn(charts)).toEqual(['周八', '孙七']);
    expect(await page(s, cookie, '/console/leaderboard')).not.toContain('王五');
    const ownerOptions = (html: string) => [...html.matchAll(/<option value="[0-9a-f-]{36}"( selected)?>([^<]+)<\/option>/g)].map((m) => `${m[2]}${m[1] ? '*' : ''}`);
    expect(ownerOptions(await page(s, cookie, '/console/customers/new'))).toEqual(['周八', '孙七', '张三', '李四']);
    // 华为 is still 王五's: its form says so rather than quietly offering someone else.
    const huawei = await s.db.selectFrom('customers').select('id').where('name', '=', '华为').executeTakeFirstOrThrow();
    expect(ownerOptions(await page(s, cookie, `/console/customers/${huawei.id}`))).toContain('王五*');
    // History keeps them: their week is still there from a link.
    const wang = await s.db.selectFrom('users').select('id').where('display_name', '=', '王五').executeTakeFirstOrThrow();
    expect(await page(s, cookie, `/console/people/${wang.id}/week`)).toContain('王五拜访了华为');
  });
});
