import { describe, expect, it } from 'vitest';
import { languageOfText } from './language-of-text.ts';

describe('languageOfText', () => {
  it.each([
    ['hello', 'en-US'],
    ['Hi!', 'en-US'],
    ['checkin Huawei 22.54,113.95', 'en-US'],
    ['你好', 'zh-CN'],
    ['签到 Huawei', 'zh-CN'],
    ['checkin 华为', 'zh-CN'],
    ['@Legwork 你好', 'zh-CN'],
    ['@Legwork', undefined],
    ['22.54,113.95', undefined],
    ['👋', undefined],
    ['', undefined],
    [undefined, undefined],
  ] as const)('%s → %s', (text, language) => {
    expect(languageOfText(text)).toBe(language);
  });
});
