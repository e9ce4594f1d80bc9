import { existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createHarness, testStart, type TestHarness } from '../support/test-app.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { checkAccessibility } from './accessibility.ts';

/**
 * The location page in a real headless Chromium at a phone viewport, against the real server
 * (the whole service served over HTTP, PUBLIC_URL pointing at it). Debian's chromium, never a
 * downloaded browser (../shared/STACK.md). Screenshots of every state go to test-artifacts/.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(executablePath);
const inCi = process.env.CI === 'true';
const launchArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const artifacts = 'test-artifacts/location-page';
const phone = devices['Pixel 7'];

const huawei = { latitude: 22.54, longitude: 113.95 };
/** About 2 km north of the customer. */
const twoKmAway = { latitude: 22.558, longitude: 113.95 };

if (!haveChromium) {
  const message = `Chromium not found at ${executablePath}: install it with "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH).`;
  if (inCi) {
    describe('location page in Chromium', () => {
      it('needs Chromium in CI', () => {
        throw new Error(message);
      });
    });
  } else {
    console.warn(`[browser tests skipped] ${message}`);
  }
}

describe.runIf(haveChromium)('location page in Chromium (phone viewport)', { timeout: 90_000 }, () => {
  let database: DatabaseHandle;
  let harness: TestHarness;
  let server: ServerType;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    // Listen first so PUBLIC_URL can name the real port; requests are only made once the harness exists.
    server = serve({ fetch: (request) => harness.app.http.fetch(request), port: 0, hostname: '127.0.0.1' });
    if (!server.listening) await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    database = await createTestDatabase();
    harness = await createHarness({ PUBLIC_URL: baseUrl }, database);
    await harness.app.start(); // the delivery loop, so the web chat sees confirmations as in production
    browser = await chromium.launch({ executablePath, args: launchArgs });
    mkdirSync(artifacts, { recursive: true });
  }, 180_000); // a fresh embedded database and a browser launch: slow on a busy 2-core machine

  beforeEach(async () => {
    await resetDatabase(database);
    harness.reset();
    harness.clock.set(testStart);
    problems = [];
    await harness.register('alice');
    await harness.say('alice', '新客户 华为 22.54,113.95');
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await harness?.app.stop();
    await database?.close();
  });

  /** A phone browser context; with a position it grants geolocation, without it the page is refused. */
  async function openPhone(position?: { latitude: number; longitude: number }): Promise<BrowserContext> {
    context = await browser.newContext({
      ...phone,
      locale: 'zh-CN',
      ...(position ? { permissions: ['geolocation'], geolocation: { ...position, accuracy: 15 } } : {}),
    });
    context.on('page', watch);
    return context;
  }

  /** Script errors and CSP refusals fail the test: the page must run as served. */
  function watch(page: Page): void {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/favicon/.test(msg.text()) && !/status of 4\d\d/.test(msg.text())) problems.push(`console: ${msg.text()}`);
    });
  }

  async function linkFromChat(text = '签到 华为'): Promise<string> {
    const reply = (await harness.say('alice', text)).join('\n');
    const url = reply.match(/https?:\/\/[^\s（）]+\/c\/[A-Za-z0-9_.-]+/)?.[0];
    if (!url) throw new Error(`no link in: ${reply}`);
    expect(url.startsWith(`${baseUrl}/c/`)).toBe(true);
    return url;
  }

  async function inbox(): Promise<string[]> {
    await harness.app.delivery.drainOnce();
    return (await harness.newMessages('/local/inbox/alice')).map((m) => m.text);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });

  it('checks in verified at the customer with one tap', async () => {
    const url = await linkFromChat();
    const page = await (await openPhone(huawei)).newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await page.getByText('距 华为 0 米').waitFor();
    expect(await page.getByText('定位精度：±15 米').isVisible()).toBe(true);
    expect(await page.getByText('在 500 米签到范围内。').isVisible()).toBe(true);
    expect(await checkAccessibility(page)).toEqual([]);
    await shot(page, '1-position-at-customer');

    await page.getByRole('button', { name: '在 华为 签到' }).click();
    await page.getByRole('heading', { name: '签到成功 ✓ 位置已核实' }).waitFor();
    expect(await page.getByText('确认消息已发到你的聊天中').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '在 华为 签到' }).isVisible()).toBe(false);
    await shot(page, '2-verified');

    expect(await inbox()).toEqual([expect.stringContaining('已在 华为 签到 ✓ 位置已核实')]);
    const row = await harness.db.selectFrom('check_ins').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'verified', accuracy_m: 15 });
    expect(problems).toEqual([]);
  });

  it('shows the distance 2 km away and records the check-in as outside', async () => {
    const url = await linkFromChat();
    const page = await (await openPhone(twoKmAway)).newPage();
    await page.goto(url);
    await page.getByText('距 华为 2.0 公里').waitFor();
    expect(await page.getByText('超出 500 米签到范围').isVisible()).toBe(true);
    await shot(page, '3-position-2km-away');

    await page.getByRole('button', { name: '在 华为 签到' }).click();
    await page.getByRole('heading', { name: '已签到 — 超出范围' }).waitFor();
    expect(await page.getByText('你距客户 2.0 公里').isVisible()).toBe(true);
    await shot(page, '4-outside');

    expect((await inbox())[0]).toContain('你距客户 2.0 公里，超出 500 米范围');
    expect(problems).toEqual([]);
  });

  it('offers checking in without location when permission is denied', async () => {
    const url = await linkFromChat();
    const page = await (await openPhone()).newPage();
    await page.goto(url);
    await page.getByText('位置权限被拒绝').waitFor();
    const without = page.getByRole('button', { name: '不带位置签到' });
    expect(await without.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '在 华为 签到' }).isDisabled()).toBe(true);
    expect(await checkAccessibility(page)).toEqual([]);
    await shot(page, '5-permission-denied');

    await without.click();
    await page.getByRole('heading', { name: '已签到 — 未核实' }).waitFor();
    await shot(page, '6-unverified');

    expect((await inbox())[0]).toContain('已在 华为 签到（未核实：没有位置）');
    const row = await harness.db.selectFrom('check_ins').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'unverified', lat: null, accuracy_m: null });
    expect(problems).toEqual([]);
  });

  it('explains an expired link and records nothing', async () => {
    const url = await linkFromChat();
    harness.clock.advance(16 * 60_000);
    const page = await (await openPhone(huawei)).newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(410);
    await page.getByRole('heading', { name: '链接已过期' }).waitFor();
    expect(await page.getByRole('button').count()).toBe(0);
    await shot(page, '7-expired');
    expect(await harness.db.selectFrom('check_ins').selectAll().execute()).toHaveLength(0);
  });

  it('explains a reused link, also to a page left open while the link was used', async () => {
    const url = await linkFromChat();
    const phoneContext = await openPhone(huawei);
    const stale = await phoneContext.newPage();
    await stale.goto(url);
    await stale.getByText('距 华为 0 米').waitFor();

    const first = await phoneContext.newPage();
    await first.goto(url);
    await first.getByRole('button', { name: '在 华为 签到' }).click();
    await first.getByRole('heading', { name: '签到成功 ✓ 位置已核实' }).waitFor();

    await stale.getByRole('button', { name: '在 华为 签到' }).click();
    await stale.getByRole('alert').getByText('链接已被使用').waitFor();
    expect(await stale.getByRole('button', { name: '在 华为 签到' }).isVisible()).toBe(false);
    await shot(stale, '8-used-while-open');

    const again = await phoneContext.newPage();
    const response = await again.goto(url);
    expect(response?.status()).toBe(410);
    await again.getByRole('heading', { name: '链接已被使用' }).waitFor();
    await shot(again, '9-used');
    expect(await harness.db.selectFrom('check_ins').selectAll().execute()).toHaveLength(1);
  });

  it('refuses a tampered link', async () => {
    const url = await linkFromChat();
    const [base, token] = url.split('/c/') as [string, string];
    const [body, signature] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = `${base}/c/${Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 3600 })).toString('base64url')}.${signature}`;
    const page = await (await openPhone(huawei)).newPage();
    const response = await page.goto(forged);
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { name: '链接无效' }).waitFor();
    await shot(page, '10-tampered');
    expect(await harness.db.selectFrom('check_ins').selectAll().execute()).toHaveLength(0);
  });

  it('lets the web chat 📍 button open the page, pick the nearest customer and confirm in the chat', async () => {
    await harness.say('alice', '新客户 腾讯 22.5405,113.934');
    const phoneContext = await openPhone(huawei);
    const chat = await phoneContext.newPage();
    await chat.goto(`${baseUrl}/`);
    await chat.getByLabel('用户 ID').fill('alice');
    const [popup] = await Promise.all([phoneContext.waitForEvent('page'), chat.getByRole('button', { name: '用我的位置签到或签退' }).click()]);
    await popup.waitForURL(/\/c\//);
    await popup.getByRole('heading', { name: '签到：选择客户' }).waitFor();
    const nearest = popup.getByRole('radio', { name: /华为/ });
    await popup.waitForFunction(() => (document.querySelector('input[name=customer]:checked') as HTMLInputElement | null) !== null);
    expect(await nearest.isChecked()).toBe(true);
    expect(await popup.getByRole('radio').count()).toBe(2);
    expect(await popup.locator('.option').first().textContent()).toContain('距离 0 米');
    expect(await checkAccessibility(popup)).toEqual([]);
    await shot(popup, '11-picker');

    await popup.getByRole('button', { name: '在 华为 签到' }).click();
    await popup.getByRole('heading', { name: '签到成功 ✓ 位置已核实' }).waitFor();
    await shot(popup, '12-picker-verified');
    // The web chat polls its inbox: the confirmation shows up there.
    await chat.locator('.msg.bot', { hasText: '已在 华为 签到 ✓' }).waitFor();
    await shot(chat, '13-chat-confirmation');
    expect(problems).toEqual([]);
  });

  it("judges a picked customer by its own radius, as the server will (it showed the org's 500 m)", async () => {
    expect(await harness.ask('alice', '客户 华为 范围 1000米')).toBe('在 华为 签到，1000 米以内算在现场。');
    // About 670 m north of 华为: outside the org's 500 m, inside the customer's 1 km.
    const phoneContext = await openPhone({ latitude: 22.546, longitude: 113.95 });
    const chat = await phoneContext.newPage();
    await chat.goto(`${baseUrl}/`);
    await chat.getByLabel('用户 ID').fill('alice');
    const [popup] = await Promise.all([phoneContext.waitForEvent('page'), chat.getByRole('button', { name: '用我的位置签到或签退' }).click()]);
    await popup.waitForURL(/\/c\//);
    // The nearest customer is within its own radius, so it is picked for the rep as any customer in range is.
    await popup.waitForFunction(() => (document.querySelector('input[name=customer]:checked') as HTMLInputElement | null) !== null);
    expect(await popup.getByRole('radio', { name: /华为/ }).isChecked()).toBe(true);
    await popup.getByText('在 1.0 公里签到范围内。').waitFor();
    await shot(popup, '14-picker-own-radius');
    await popup.getByRole('button', { name: '在 华为 签到' }).click();
    await popup.getByRole('heading', { name: '签到成功 ✓ 位置已核实' }).waitFor();
    expect(problems).toEqual([]);
  });
});
