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
