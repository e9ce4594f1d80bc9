import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'legwork-notice-'));
writeFileSync(join(dir, 'notice.zh-CN.txt'), '本公司的数据保护负责人：王五（dpo@example.com）。\n\n<b>不是标签</b>');
writeFileSync(join(dir, 'notice.en-US.txt'), 'Our data protection officer: Wang Wu (dpo@example.com).');
const h = useHarness({ PRIVACY_NOTICE_FILE: join(dir, 'notice.{lang}.txt'), LOCATION_RETENTION_DAYS: '60' });

describe('the privacy notice page', () => {
  it("is in the visitor's language (?lang or Accept-Language), with the retention in force and the company's own text", async () => {
    const zh = await h.current.app.http.request('/privacy?lang=zh-CN');
    expect(zh.status).toBe(200);
    const zhText = await zh.text();
    expect(zhText).toContain('<html lang="zh-CN">');
    expect(zhText).toContain('Legwork 只在你在客户处签到或签退时记录位置');
    expect(zhText).toContain('精确位置保存 60 天，之后模糊到约 1 公里');
    expect(zhText).toContain('本公司的数据保护负责人：王五（dpo@example.com）。');
    // The company's text is text, never markup.
    expect(zhText).toContain('&lt;b&gt;不是标签&lt;/b&gt;');

    const en = await h.current.app.http.request('/privacy', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const enText = await en.text();
    expect(enText).toContain('Legwork records your location only when you check in or out at a customer.');
    expect(enText).toContain('Exact for 60 days, then coarsened to about 1 km');
    expect(enText).toContain('Our data protection officer: Wang Wu');
    expect(en.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('is linked from the welcome message in the newcomer\'s language', async () => {
    const [welcome] = await h.current.say('alice', '帮助');
    expect(welcome).toContain('http://legwork.test/privacy?lang=zh-CN');
  });
});
