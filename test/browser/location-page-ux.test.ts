import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveChromium, requireChromium, usePhoneSession, type ServedApp } from './served-app.ts';

/**
 * The location page's rough edges (issue 11 item 10) in headless Chromium at a phone viewport.
 * Screenshots go to test-artifacts/location-page-ux/.
 */
const artifacts = 'test-artifacts/location-page-ux';
const huawei = { latitude: 22.54, longitude: 113.95 };

requireChromium('location page (issue 11 item 10) in Chromium');

describe.runIf(haveChromium)('location page states in Chromium (phone viewport)', { timeout: 90_000 }, () => {
  const session = usePhoneSession(artifacts);
  const problems = session.problems;
  let served: ServedApp;

  beforeEach(async () => {
    served = session.served;
    await served.harness.register('alice');
    await served.harness.say('alice', '新客户 华为 22.54,113.95');
    await served.harness.say('alice', '新客户 腾讯 22.5405,113.934');
  });

  async function open(url: string, position?: typeof huawei): Promise<Page> {
    const page = await (await session.phone(position)).newPage();
    await page.goto(url);
    return page;
  }

  async function linkFromChat(): Promise<string> {
    const reply = (await served.harness.say('alice', '签到 华为')).join('\n');
    return reply.match(/https?:\/\/[^\s（）]+\/c\/[A-Za-z0-9_.-]+/)![0];
  }

  async function pickerLink(): Promise<string> {
    const res = await served.harness.app.http.request('/local/location-link', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'alice' }),
    });
    return ((await res.json()) as { url: string }).url;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });

  it('never offers to check in at a customer the search hid', async () => {
    const page = await open(await pickerLink(), huawei);
    await page.getByRole('button', { name: '在 华为 签到' }).waitFor(); // the nearest, picked for the rep
    await page.getByLabel('查找客户').fill('腾讯');
    await expect.poll(() => page.getByRole('radio').count()).toBe(1);
    expect(await page.getByRole('radio', { name: /腾讯/ }).isChecked()).toBe(false);
    const submit = page.locator('#submit');
    expect(await submit.textContent()).toBe('签到');
    expect(await submit.isDisabled()).toBe(true);
    expect(await page.getByText('在 华为 签到').count()).toBe(0);
    await shot(page, '1-search-hid-chosen');

    await page.getByRole('radio', { name: /腾讯/ }).check();
    expect(await submit.textContent()).toBe('在 腾讯 签到');
    expect(problems).toEqual([]);
  });

  it('shows no old error above the result', async () => {
    const page = await open(await linkFromChat());
    await page.getByText('位置权限被拒绝').waitFor();
    // The first try meets a dead network, the second goes through.
    await page.route('**/c/*', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()), { times: 1 });
    await page.getByRole('button', { name: '不带位置签到' }).click();
    await page.getByText('无法连接 Legwork').waitFor();
    await page.getByRole('button', { name: '不带位置签到' }).click();
    await page.getByRole('heading', { name: '已签到 — 未核实' }).waitFor();
    expect(await page.getByText('无法连接 Legwork').isVisible()).toBe(false);
    expect(await page.getByText('位置权限被拒绝').isVisible()).toBe(false);
    expect(await page.locator('#position').isVisible()).toBe(false);
    await shot(page, '2-result-without-old-errors');
    expect(problems.filter((p) => !p.includes('net::ERR_FAILED'))).toEqual([]); // the aborted request
  });

  it('says until when the link works', async () => {
    const page = await open(await linkFromChat(), huawei);
    // Made at 10:00 in Shanghai, valid 15 minutes.
    await page.getByText('此链接仅可使用一次，有效至 10:15。').waitFor();
    await shot(page, '3-valid-until');
    expect(problems).toEqual([]);
  });

  it('tells what to send in the chat for a fresh link when one expired', async () => {
    const forCustomer = await linkFromChat();
    const fromPicker = await pickerLink();
    served.harness.clock.advance(16 * 60_000);
    const page = await open(forCustomer, huawei);
    await page.getByRole('heading', { name: '链接已过期' }).waitFor();
    expect(await page.getByText('在聊天中发送"签到 华为"即可获取新链接。').isVisible()).toBe(true);
    await shot(page, '4-expired');
    await page.goto(fromPicker);
    expect(await page.getByText('在网页聊天中再点一次 📍 获取新链接，或在聊天中发送"签到 <客户名称>"。').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});
