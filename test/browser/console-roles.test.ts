import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { cjkFontconfig, haveChromium, requireChromium, startServedApp, watchPage, type ServedApp } from './served-app.ts';

/**
 * The console as each role sees it, in headless Chromium (issue 13): a rep, a team's manager, the
 * manager of another team and an admin each log in through the link from chat, and the test walks
 * the pages their navigation offers, checking whose names appear, that the customer import is the
 * admin's alone and that the charts draw. Every page is also checked for sideways scrolling at phone
 * width, and saved (phone 390x844, desktop 1280x900) to /tmp/h13-console/ for a person to look at.
 * The full per-role matrix is over HTTP in test/integration/console-roles.test.ts.
 */
requireChromium('console per role in Chromium');

const shots = '/tmp/h13-console';
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 900 } };

describe.runIf(haveChromium)('console per role in Chromium', { timeout: 180_000 }, () => {
  let served: ServedApp;
  let context: BrowserContext | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    served = await startServedApp('test-artifacts/console-roles', { browserEnv: cjkFontconfig() });
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

  /** 李四 admin; 张三 manages 华东 (王五, 周八); 赵六 manages 华西 (孙七); 吴九 is in no team; a visit and a report each. */
  async function org(): Promise<void> {
    await h().register('李四', '张三', '王五', '赵六', '孙七', '周八', '吴九');
    await h().say('李四', '加入方式 开放');
    await h().say('李四', '创建团队 华东 经理 张三');
    await h().say('李四', '创建团队 华西 经理 赵六');
    for (const [rep, team] of [['王五', '华东'], ['周八', '华东'], ['孙七', '华西']] as const) await h().say(rep, `加入团队 ${team}`);
    await h().say('王五', '新客户 华为技术有限公司深圳坂田基地 22.54,113.95');
    await h().say('孙七', '新客户 腾讯 22.5405,113.934');
    await h().say('李四', '客户 华为技术有限公司深圳坂田基地 级别 A');
    await h().say('王五', '签到 华为 22.5402,113.9501');
    await h().say('王五', '签退 见了采购，对报价有兴趣；下周二带方案再去');
    await h().say('孙七', '签到 腾讯 22.56,113.934');
    h().clock.advance(60 * 60_000);
    await h().say('王五', '日报 拜访了华为，采购对报价有兴趣\n明天发报价');
    await h().say('孙七', '日报 拜访了腾讯');
    await h().say('吴九', '签到 腾讯 22.5405,113.934');
  }

  async function open(kind: 'phone' | 'desktop'): Promise<Page> {
    await context?.close();
    context = await served.browser.newContext({ ...(kind === 'phone' ? phone : desktop), locale: 'zh-CN' });
    const page = await context.newPage();
    watchPage(page, problems);
    return page;
  }

  async function logIn(page: Page, userId: string): Promise<void> {
    const reply = (await h().say(userId, '后台')).join('\n');
    const url = /https?:\/\/\S+\/console\/login\/[\w-]+\.[\w-]+/.exec(reply)?.[0];
    if (!url) throw new Error(`no console link in: ${reply}`);
    await page.goto(url);
    await page.click('#open-console');
    await page.waitForURL(/\/console(\/|$)/);
  }

  const navLabels = (page: Page) => page.locator('nav.main a').allInnerTexts();

  /** Saves the page and fails if it scrolls sideways (a table may scroll inside its own box). */
  async function look(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }

  /** Opens each navigation entry in turn and saves it. */
  async function walk(page: Page, role: string, kind: 'phone' | 'desktop'): Promise<void> {
    const links = await page.locator('nav.main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    for (const href of links) {
      await page.goto(`${served.baseUrl}${href}`);
      if (href === '/console/charts') {
        for (const id of ['chart-visits', 'chart-coverage', 'chart-punctuality', 'chart-plot']) await expect.poll(() => page.locator(`#${id}`).getAttribute('data-drawn')).toBe('true');
        // The plot spans the team's points (a few km here), not the globe: one customer once gave 40 to 180 degrees.
        const spans = await page.evaluate(() => {
          const chart = (window as any).echarts.getInstanceByDom(document.getElementById('chart-plot'));
          return ['xAxis', 'yAxis'].map((axis) => {
            const [lo, hi] = chart.getModel().getComponent(axis).axis.scale.getExtent() as [number, number];
            return hi - lo;
          });
        });
        for (const degrees of spans) expect(degrees, `${role} plot axis`).toBeLessThan(0.2);
      }
      const slug = href.replace(/^\/console\/?/, '').replace(/people\/[\w-]+\/week/, 'week') || 'today';
      await look(page, `${role}-${slug}-${kind}`);
    }
  }

  it('a rep sees their own week and reports; the manager pages and the import are not theirs', async () => {
    await org();
    const page = await open('phone');
    await logIn(page, '王五');
    expect(page.url()).toMatch(/\/console\/people\/[\w-]+\/week$/);
    expect(await navLabels(page)).toEqual(['我的一周', '日报', '客户', '排行榜']);
    expect(await page.locator('.visit').first().innerText()).toContain('见了采购');
    await walk(page, 'rep', 'phone');
    await page.goto(`${served.baseUrl}/console/customers`);
    expect(await page.locator('#import').count()).toBe(0);
    const refused = await page.goto(`${served.baseUrl}/console/charts`);
    expect(refused?.status()).toBe(403);
    await look(page, 'rep-charts-refused-phone');
  });

  it("a manager sees their team's reps only; the manager of another team sees theirs", async () => {
    await org();
    for (const [who, role, reps] of [['张三', 'manager', ['周八', '王五']], ['赵六', 'other-manager', ['孙七']]] as const) {
      for (const kind of ['phone', 'desktop'] as const) {
        const page = await open(kind);
        await logIn(page, who);
        expect(await navLabels(page)).toEqual(['今天', '日报', '客户', '排行榜', '图表']);
        expect((await page.locator('.rep').evaluateAll((els) => els.map((e) => e.getAttribute('data-rep')))).sort()).toEqual([...reps].sort());
        await page.goto(`${served.baseUrl}/console/reports`);
        expect((await page.locator('section.report').evaluateAll((els) => els.map((e) => e.getAttribute('data-person') ?? e.textContent!.trim())))).toHaveLength(reps.length);
        await page.goto(`${served.baseUrl}/console/customers`);
        expect(await page.locator('#import').count()).toBe(0);
        await page.goto(`${served.baseUrl}/console`);
        await walk(page, role, kind);
      }
    }
  });

  it('an admin sees every team and the reps in none, and is the only one offered the customer import', async () => {
    await org();
    for (const kind of ['phone', 'desktop'] as const) {
      const page = await open(kind);
      await logIn(page, '李四');
      expect((await page.locator('.team h2').allInnerTexts())).toEqual(['华东 · 2 人', '华西 · 1 人', '不在任何团队 · 1 人']);
      await walk(page, 'admin', kind);
      await page.goto(`${served.baseUrl}/console/customers`);
      await page.setInputFiles('#sheet', { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,级别,纬度,经度\n百度,B,22.53,113.94\n,C,,\n') });
      await page.click('#import button[type=submit]');
      await page.waitForURL(/\/console\/customers\/import$/);
      expect(await page.locator('#import-result').innerText()).toContain(kind === 'phone' ? '新建 1' : '未变 1');
      await look(page, `admin-import-result-${kind}`);
    }
  });
});
