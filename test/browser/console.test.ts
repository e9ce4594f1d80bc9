import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { cjkFontconfig, haveChromium, requireChromium, startServedApp, watchPage, type ServedApp } from './served-app.ts';

/**
 * The web console in headless Chromium against the whole service served over HTTP: a manager logs in
 * through the link the bot sent in chat, sees today's check-ins, answers a report and the rep's
 * local inbox gets the answer; used and expired links, a rep on a manager page and a form without its
 * CSRF token are refused with a clear page. Screenshots at phone (390 px) and desktop widths go to
 * /tmp/console-*.png for a person to look at.
 */
requireChromium('console in Chromium');

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 900 } };

describe.runIf(haveChromium)('console in Chromium', { timeout: 120_000 }, () => {
  let served: ServedApp;
  let context: BrowserContext | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    served = await startServedApp('test-artifacts/console', { browserEnv: cjkFontconfig() });
  }, 180_000);
  beforeEach(async () => {
    await resetDatabase(served.database);
    served.harness.reset();
    served.harness.clock.set(testStart);
    problems.length = 0;
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    await served?.close();
  });

  const h = () => served.harness;

  async function open(kind: 'phone' | 'desktop', locale = 'zh-CN'): Promise<Page> {
    await context?.close();
    context = await served.browser.newContext({ ...(kind === 'phone' ? phone : desktop), locale });
    const page = await context.newPage();
    watchPage(page, problems);
    return page;
  }

  /** 李四 admin; 张三 manages 华东 (王五: two check-ins, one outside, and a report; 孙七: nothing yet). */
  async function org(): Promise<void> {
    await h().register('李四', '张三', '王五', '孙七');
    await h().say('李四', '加入方式 开放');
    await h().say('李四', '创建团队 华东 经理 张三');
    await h().say('王五', '加入团队 华东');
    await h().say('孙七', '加入团队 华东');
    await h().say('李四', '新客户 华为 22.54,113.95');
    await h().say('李四', '新客户 腾讯 22.5405,113.934');
    await h().say('李四', '客户 华为 级别 A');
    await h().say('王五', '签到 华为 22.5402,113.9501');
    await h().say('王五', '签退 见了采购，对报价有兴趣');
    h().clock.advance(60 * 60_000);
    await h().say('王五', '签到 腾讯 22.56,113.934');
    await h().say('王五', '日报 拜访了华为和腾讯\n明天发报价');
    await h().newMessages('/local/inbox/王五');
  }

  async function linkFromChat(userId: string, command = '后台'): Promise<string> {
    const reply = (await h().say(userId, command)).join('\n');
    const url = /https?:\/\/\S+\/console\/login\/[\w-]+\.[\w-]+/.exec(reply)?.[0];
    if (!url) throw new Error(`no console link in: ${reply}`);
    expect(url.startsWith(`${served.baseUrl}/console/login/`)).toBe(true);
    return url;
  }

  async function logIn(page: Page, url: string): Promise<void> {
    await page.goto(url);
    await page.click('#open-console');
    await page.waitForURL(/\/console(\/|$)/);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/console-${name}.png`, fullPage: true });

  it("a manager logs in from chat, sees today's check-ins, answers a report, and the rep's inbox gets it", async () => {
    await org();
    const page = await open('phone');
    await logIn(page, await linkFromChat('张三'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('今天（2026-11-27）');
    const wang = page.locator('.rep[data-rep="王五"]');
    await expect.poll(() => wang.locator('tr.check-in').count()).toBe(2);
    const rows = (await wang.locator('tr.check-in').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toMatch(/^10:00 华为 已核实 \d+ 米$/);
    expect(rows[1]).toMatch(/^11:00 腾讯 未签退 范围外 2\.\d 公里$/);
    expect(await wang.locator('.rep-head').innerText()).toContain('日报已交');
    expect(await page.locator('.rep[data-rep="孙七"] .rep-head').innerText()).toContain('日报未交');
    await shot(page, 'today-phone');

    await page.click('nav.main >> text=日报');
    await page.waitForURL(/\/console\/reports/);
    const card = page.locator('section.report[data-person="王五"]');
    expect(await card.locator('.report-body').innerText()).toBe('拜访了华为和腾讯\n明天发报价');
    await card.locator('textarea').fill('报价周五前发出，辛苦了！');
    await card.locator('button[type=submit]:not([name])').click();
    await page.waitForURL(/sent=delivered/);
    expect(await page.locator('#flash').innerText()).toBe('已发给王五。');
    expect(await page.locator('section.report[data-person="王五"] .replies').innerText()).toBe('张三（11:00）：报价周五前发出，辛苦了！');
    await shot(page, 'reports-phone');

    // The delivery loop runs as in production: the reply reaches 王五's local inbox.
    await expect
      .poll(async () => (await h().newMessages('/local/inbox/王五')).map((m) => m.text), { timeout: 10_000 })
      .toContainEqual('张三回复了你 2026-11-27 的日报：\n报价周五前发出，辛苦了！');
    expect(await h().ask('王五', '今天')).toContain('经理的回复：\n• 张三（2026-11-27 的日报）：报价周五前发出，辛苦了！');

    // The same pages at desktop width, for a person to look at.
    const wide = await open('desktop');
    await logIn(wide, await linkFromChat('张三'));
    await shot(wide, 'today-desktop');
    await wide.goto(`${served.baseUrl}/console/reports`);
    await shot(wide, 'reports-desktop');
    await wide.goto(`${served.baseUrl}/console`);
    await wide.locator('.rep[data-rep="王五"] a').click();
    await wide.waitForURL(/\/week/);
    expect(await wide.locator('.visit').first().innerText()).toContain('备注：见了采购，对报价有兴趣');
    await shot(wide, 'week-desktop');
    await wide.goto(`${served.baseUrl}/console/customers`);
    await shot(wide, 'customers-desktop');
    await wide.goto(`${served.baseUrl}/console/leaderboard`);
    await shot(wide, 'leaderboard-desktop');
  });

  it('draws the charts with the ECharts Legwork serves, under the CSP', async () => {
    await org();
    for (const kind of ['desktop', 'phone'] as const) {
      const page = await open(kind);
      const external: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(served.baseUrl)) external.push(request.url());
      });
      await logIn(page, await linkFromChat('张三'));
      await page.goto(`${served.baseUrl}/console/charts`);
      for (const id of ['chart-visits', 'chart-coverage', 'chart-punctuality', 'chart-plot']) {
        await expect.poll(() => page.locator(`#${id}`).getAttribute('data-drawn')).toBe('true');
        expect(await page.locator(`#${id} canvas`).count()).toBeGreaterThan(0);
      }
      expect(external).toEqual([]);
      await shot(page, `charts-${kind}`);
    }
  });

  it('refuses a used or an expired link with a clear page', async () => {
    await org();
    const page = await open('phone');
    const url = await linkFromChat('张三');
    await logIn(page, url);
    const used = await page.goto(url);
    expect(used?.status()).toBe(410);
    expect(await page.locator('#message-title').innerText()).toBe('此链接已经用过了');
    expect(await page.locator('#message-body').innerText()).toContain('发送"后台"获取新链接');
    await shot(page, 'link-used-phone');

    const late = await linkFromChat('张三');
    h().clock.advance(11 * 60_000);
    const expired = await page.goto(late);
    expect(expired?.status()).toBe(410);
    expect(await page.locator('#message-title').innerText()).toBe('此链接已过期');
    await shot(page, 'link-expired-phone');
  });

  it('keeps a rep out of the manager pages, in English for an English rep', async () => {
    await org();
    await h().say('孙七', 'language en');
    const page = await open('phone', 'en-US');
    await logIn(page, await linkFromChat('孙七', 'console'));
    expect(page.url()).toMatch(/\/console\/people\/[\w-]+\/week$/);
    await shot(page, 'rep-week-phone');
    const refused = await page.goto(`${served.baseUrl}/console/charts`);
    expect(refused?.status()).toBe(403);
    expect(await page.locator('#message-title').innerText()).toBe('This page is for managers');
    await shot(page, 'rep-refused-phone');
  });

  it('refuses a form without its CSRF token', async () => {
    await org();
    const page = await open('phone');
    await logIn(page, await linkFromChat('张三'));
    await page.goto(`${served.baseUrl}/console/reports`);
    const card = page.locator('section.report[data-person="王五"]');
    await card.locator('input[name=_csrf]').evaluate((input) => input.remove());
    await card.locator('textarea').fill('没有令牌');
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), card.locator('button[type=submit]:not([name])').click()]);
    expect(response.status()).toBe(403);
    expect(await page.locator('#message-title').innerText()).toBe('表单被拒绝');
    expect(await h().db.selectFrom('comments').selectAll().execute()).toEqual([]);
    await shot(page, 'csrf-refused-phone');
  });
});
