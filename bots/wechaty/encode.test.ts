import { describe, expect, it } from 'vitest';
import { samplePage } from '../../test/support/sample-page.ts';
import { encodeWechatyText } from './encode.ts';

describe('Wechaty text with quick answers', () => {
  it('sends a page with choices as its plain text, the typed hint included and no buttons', () => {
    const page = samplePage('zh-CN');
    const text = encodeWechatyText(page);
    expect(text).toBe(page.text);
    expect(text).toContain('回复「下一页」查看第 2/3 页');
    expect(text).not.toContain('下一页（2/3）');
  });
});
