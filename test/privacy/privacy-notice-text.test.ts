import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

const h = useHarness({ PRIVACY_NOTICE_TEXT: '本公司的数据保护负责人：王五（dpo@example.com）。\\n\\nOur data protection officer: Wang Wu. <b>not a tag</b>' });

/** PRIVACY_NOTICE_TEXT on Node: the company's text from the configuration, as the Worker takes it (test/workers/pages.workers.test.ts). */
describe('the privacy notice page with PRIVACY_NOTICE_TEXT', () => {
  it('shows the company text under the built-in notice in every language, as text', async () => {
    for (const lang of ['zh-CN', 'en-US']) {
      const page = await (await h.current.app.http.request(`/privacy?lang=${lang}`)).text();
      expect(page).toContain('本公司的数据保护负责人：王五（dpo@example.com）。');
      expect(page).toContain('Our data protection officer: Wang Wu.');
      expect(page).toContain('&lt;b&gt;not a tag&lt;/b&gt;');
    }
  });
});
