import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkAccessibility } from './accessibility.ts';
import { checkedInCustomers } from '../conversation/helpers.ts';
import { haveChromium, requireChromium, usePhoneSession, type ServedApp } from './served-app.ts';

/**
 * The local web chat in a real headless Chromium at a phone viewport (issue 11 items 3, 8, 9),
 * against the whole service served over HTTP. Screenshots go to test-artifacts/web-chat/.
 */
const artifacts = 'test-artifacts/web-chat';
const huawei = { latitude: 22.54, longitude: 113.95 };

requireChromium('web chat in Chromium');

describe.runIf(haveChromium)('web chat in Chromium (phone viewport)', { timeout: 90_000 }, () => {
  const session = usePhoneSession(artifacts);
  const problems = session.problems;
  let served: ServedApp;
  let context: BrowserContext | undefined;
  beforeEach(() => {
    served = session.served;
  });

  async function openChat(options: { position?: typeof huawei } = {}): Promise<Page> {
    context = await session.phone(options.position);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/`);
    await page.getByRole('heading', { name: '欢迎使用 Legwork' }).waitFor();
    return page;
  }

  async function type(page: Page, text: string): Promise<void> {
    await page.getByLabel('消息', { exact: true }).fill(text);
    await page.getByLabel('消息', { exact: true }).press('Enter');
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });

  it('shows hostile customer names and texts literally and runs none of them', async () => {
    await served.harness.register('alice');
    const page = await openChat();
    const hostile = [
      '新客户 http://x.test/"onmouseover="window.__pwned=1" 22.54,113.95',
      'new customer <script>window.__pwned=2</script> 22.55,113.95',
      '<img src=x onerror="window.__pwned=3">',
      'javascript:window.__pwned=4',
    ];
    for (const text of hostile) await type(page, text);
    await page.locator('.msg.bot', { hasText: '没看懂"javascript:window.__pwned=4"' }).waitFor();
    await page.locator('.msg.bot', { hasText: '已新建客户"<script>window.__pwned=2</script>"' }).waitFor();
    await page.locator('.msg.bot', { hasText: '已新建客户"http://x.test/"onmouseover="window.__pwned=1""' }).waitFor();

    for (const text of hostile) expect(await page.locator('.msg.me').getByText(text, { exact: true }).count()).toBe(1);
    for (const a of await page.locator('#log a').all()) await a.hover();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#log script, #log img, #log [onmouseover], #log [onerror]').count()).toBe(0);
    const hrefs = await page.locator('#log a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    await shot(page, '1-hostile-texts');
    expect(problems).toEqual([]);
  });

  it('shows group members by name, hostile display names as text', async () => {
    await served.harness.register('alice', 'bob');
    const page = await openChat();
    await page.getByLabel('群聊 ID（留空为单聊）').fill('team');
    await page.getByLabel('群聊 ID（留空为单聊）').press('Tab');
    await served.harness.post({ userId: 'bob', channelId: 'team', displayName: '"><img src=x onerror="window.__pwned=5">Bob', text: 'hi <b>team</b>' });
    const bob = page.locator('.msg.other', { hasText: 'hi <b>team</b>' });
    await bob.waitFor();
    expect(await bob.locator('.who').textContent()).toBe('"><img src=x onerror="window.__pwned=5">Bob');
    await type(page, '今天');
    await page.locator('.msg.me', { hasText: '今天' }).waitFor();
    // The bot's answers in the group are labelled as the bot's.
    await page.locator('.msg.bot .who', { hasText: 'Legwork' }).first().waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot(page, '2-group');
    expect(problems).toEqual([]);
  });

  it('polls one request at a time and shows every message once, even on a slow network', async () => {
    await served.harness.register('alice');
    const page = await openChat();
    let inFlight = 0;
    let maxInFlight = 0;
    // A slow network: each conversation read answers 1.5 s late, with what it read at once.
    await page.route('**/local/conversation?*', async (route) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.fulfill({ response });
      } finally {
        inFlight -= 1;
      }
    });
    for (const text of ['今天', '帮助', 'today']) await type(page, text);
    const stored = async () => {
      const res = await served.harness.app.http.request('/local/conversation?userId=alice');
      return (await res.json()) as { from: string }[];
    };
    // alice's "help" at registration and the three typed here, each answered.
    await expect.poll(async () => (await stored()).filter((m) => m.from === 'user').length, { timeout: 20_000 }).toBe(4);
    await served.harness.app.delivery.drainOnce();
    // The background delivery loop may still store a reply after the drain: wait until the page shows
    // exactly what the server stored (every message once), then check it stays so.
    const shownEqualsStored = async () => {
      const all = (await stored()).length;
      return all >= 8 && (await page.locator('.msg').count()) === all;
    };
    await expect.poll(shownEqualsStored, { timeout: 20_000 }).toBe(true);
    // Two more complete polls change nothing.
    for (let i = 0; i < 2; i += 1) await page.waitForResponse((r) => r.url().includes('/local/conversation'));
    expect(await shownEqualsStored()).toBe(true);
    expect(await page.locator('.msg.me').count()).toBe(4);
    expect(maxInFlight).toBe(1);
    expect(problems).toEqual([]);
  });

  it('keeps a message sent right after switching user, and the conversation after a reload', async () => {
    const page = await openChat();
    await page.getByLabel('用户 ID').fill('bob');
    await type(page, '帮助'); // before the switch settles
    await page.locator('.msg.bot', { hasText: '命令（示例）' }).waitFor();
    expect(await page.locator('.msg.me', { hasText: '帮助' }).count()).toBe(1);
    const before = await page.locator('.msg').allTextContents();

    await page.reload();
    expect(await page.getByLabel('用户 ID').inputValue()).toBe('bob');
    await expect.poll(() => page.locator('.msg').allTextContents()).toEqual(before);
    await shot(page, '3-after-reload');
    expect(problems).toEqual([]);
  });

  it('welcomes with tappable commands and follows the person\'s language', async () => {
    const page = await openChat();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await checkAccessibility(page)).toEqual([]);
    await shot(page, '4-welcome');
    await page.getByRole('group', { name: '试一试' }).getByRole('button', { name: '帮助', exact: true }).click();
    await page.locator('.msg.bot', { hasText: '命令（示例）' }).waitFor();

    await type(page, 'language en');
    await page.getByRole('heading', { name: 'Welcome to Legwork' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('group', { name: 'Try it' }).getByRole('button', { name: 'today', exact: true }).isVisible()).toBe(true);
    await shot(page, '5-english');
    expect(problems).toEqual([]);
  });

  it('shows location links as a button and offers check-out from 📍 when a visit is open', async () => {
    await served.harness.register('alice');
    await served.harness.say('alice', '新客户 华为 22.54,113.95');
    const page = await openChat({ position: huawei });
    await type(page, '签到 华为');
    const linkBubble = page.locator('.msg.bot', { hasText: '签到需要你的位置' });
    await linkBubble.waitFor();
    expect(await linkBubble.getByRole('link', { name: '📍 打开定位页面' }).count()).toBe(1);
    expect(await linkBubble.textContent()).not.toContain('/c/');
    await shot(page, '6-location-link');

    await type(page, '签到 华为 22.541,113.951');
    await page.locator('.msg.bot', { hasText: '已在 华为 签到' }).waitFor();
    await page.locator('#loc[aria-haspopup]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: '用我的位置签到或签退' }).click();
    const checkOut = page.getByRole('button', { name: '从 华为 签退' });
    await checkOut.waitFor();
    expect(await page.getByRole('button', { name: '在客户处签到' }).isVisible()).toBe(true);
    await shot(page, '7-location-menu');
    const [popup] = await Promise.all([context!.waitForEvent('page'), checkOut.click()]);
    await popup.waitForURL(/\/c\//);
    await popup.getByRole('heading', { name: '从 华为 签退' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a list\'s quick answers as buttons; a tap answers its own list, a stale one changes nothing', async () => {
    const ali = { lat: 22.5445, lng: 113.9456 };
    const baidu = { lat: 22.535, lng: 113.94 };
    await served.harness.register('alice');
    await served.harness.say('alice', `新客户 阿里 ${ali.lat},${ali.lng}`);
    await served.harness.say('alice', `新客户 百度 ${baidu.lat},${baidu.lng}`);
    const page = await openChat();
    // A location shared near both customers (as a platform would send it): the bot lists both.
    await served.harness.post({ userId: 'alice', location: ali });
    const lists = page.locator('.msg.bot', { has: page.getByRole('group', { name: '可选回答' }) });
    await lists.first().waitFor();
    const first = lists.first().getByRole('group', { name: '可选回答' });
    expect(await first.getByRole('button').allTextContents()).toEqual(['阿里', '百度']);
    await shot(page, '8-choices');

    // The buttons come back after a reload (the conversation keeps them), and a tap answers the list.
    await page.reload();
    await lists.first().waitFor();
    await lists.first().getByRole('button', { name: '百度', exact: true }).click();
    await page.locator('.msg.bot', { hasText: '已在 百度 签到' }).waitFor();
    expect(await checkedInCustomers(served.harness)).toEqual(['百度']);
    // The button posts its reply (a number); the person's bubble shows what they tapped.
    expect(await page.locator('.msg.me').last().textContent()).toBe('百度');
    await shot(page, '9-choice-tapped');

    // A second list, then a tap on the first list's button: that list is no longer current.
    await type(page, '签退');
    await page.locator('.msg.bot', { hasText: '已从 百度 签退' }).waitFor();
    await served.harness.post({ userId: 'alice', location: baidu });
    await expect.poll(() => lists.count(), { timeout: 20_000 }).toBe(2);
    await lists.first().getByRole('button', { name: '阿里', exact: true }).click();
    await page.locator('.msg.bot', { hasText: '这个列表已经失效' }).waitFor();
    expect(await page.locator('.msg.me').last().textContent()).toBe('阿里');
    expect(await checkedInCustomers(served.harness)).toEqual(['百度']);
    await shot(page, '10-stale-choice');
    // After a reload the taps still read as the labels tapped (the conversation keeps `answers`).
    const taps = await page.locator('.msg.me').allTextContents();
    await page.reload();
    await expect.poll(() => page.locator('.msg.me').allTextContents()).toEqual(taps);
    expect(problems).toEqual([]);
  });

  it('shows a long team view a page at a time: the title once, a next-page button that brings the next page', async () => {
    const h = served.harness;
    await h.register('alice', 'bob');
    await h.say('alice', '创建团队 华东 经理 alice');
    await h.say('alice', '加入方式 开放');
    for (let i = 1; i <= 35; i += 1) {
      const rep = `rep${String(i).padStart(2, '0')}`;
      await h.register(rep);
      await h.say(rep, '加入团队 华东');
    }
    const page = await openChat();
    await type(page, '团队');
    const first = page.locator('.msg.bot', { hasText: '第 1/2 页' });
    await first.waitFor();
    // The title is the bubble's bold line and is not repeated in its text.
    expect(await first.locator('.title').textContent()).toMatch(/（1\/2）$/u);
    expect((await first.textContent())!.match(/每日简报/gu)).toHaveLength(1);
    await shot(page, '11-page-one');
    await first.getByRole('button', { name: '下一页（2/2）' }).click();
    const second = page.locator('.msg.bot', { hasText: 'rep35' });
    await second.waitFor();
    expect(await second.locator('.title').textContent()).toMatch(/（2\/2）$/u);
    expect(await second.getByRole('button').count()).toBe(0);
    await shot(page, '12-page-two');
    expect(problems).toEqual([]);
  });

  it('explains in the person\'s language when 📍 cannot make a link', async () => {
    const page = await openChat();
    await page.getByLabel('用户 ID').fill('nobody');
    await page.getByLabel('用户 ID').press('Tab');
    await page.getByRole('button', { name: '用我的位置签到或签退' }).click();
    await page.locator('.msg.note', { hasText: '"nobody" 还没有发过消息' }).waitFor();
    expect(problems).toEqual([]);
  });
});
