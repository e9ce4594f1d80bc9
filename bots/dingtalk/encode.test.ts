import { describe, expect, it } from 'vitest';
import { encodeOpenApiMessage, encodeSessionMessage } from './encode.ts';

const link = { label: '共享位置并签到', url: 'https://legwork.example/c/abc' };

describe('encodeOpenApiMessage', () => {
  it('sends plain text as sampleText', () => {
    expect(encodeOpenApiMessage({ text: '你好\n第二行' })).toEqual({ msgKey: 'sampleText', msgParam: JSON.stringify({ content: '你好\n第二行' }) });
  });

  it('sends a titled message as sampleMarkdown with hard line breaks', () => {
    const encoded = encodeOpenApiMessage({ title: '本周排行榜', text: '1. 张三 12 分\n2. 李四 9 分' });
    expect(encoded.msgKey).toBe('sampleMarkdown');
    expect(JSON.parse(encoded.msgParam)).toEqual({ title: '本周排行榜', text: '#### 本周排行榜  \n1. 张三 12 分  \n2. 李四 9 分' });
  });

  it('sends a message with one action as sampleActionCard, titled by its first line', () => {
    const encoded = encodeOpenApiMessage({ text: '在 华为 签到需要你的位置：打开 https://legwork.example/c/abc', actions: [link] });
    expect(encoded.msgKey).toBe('sampleActionCard');
    expect(JSON.parse(encoded.msgParam)).toEqual({
      title: '在 华为 签到需要你的位置：打开 https://legwork.example/c/abc',
      text: '在 华为 签到需要你的位置：打开 https://legwork.example/c/abc',
      singleTitle: '共享位置并签到',
      singleURL: 'https://legwork.example/c/abc',
    });
  });

  it('uses sampleActionCardN for two to five actions', () => {
    const actions = [1, 2, 3].map((i) => ({ label: `选项 ${i}`, url: `https://legwork.example/${i}` }));
    const encoded = encodeOpenApiMessage({ title: '选择', text: '请选择', actions });
    expect(encoded.msgKey).toBe('sampleActionCard3');
    expect(JSON.parse(encoded.msgParam)).toMatchObject({ actionTitle1: '选项 1', actionURL3: 'https://legwork.example/3' });
  });

  it('keeps msgParam under the 15,000-byte limit', () => {
    const encoded = encodeOpenApiMessage({ text: '很长的日报。'.repeat(5000) });
    expect(Buffer.byteLength(encoded.msgParam)).toBeLessThan(15_000);
    expect(JSON.parse(encoded.msgParam).content.endsWith('…')).toBe(true);
  });
});

describe('encodeSessionMessage', () => {
  it('mentions the asker in text and markdown, not in an ActionCard', () => {
    expect(encodeSessionMessage({ text: '已签到' }, 'manager4220')).toEqual({
      msgtype: 'text',
      text: { content: '@manager4220 已签到' },
      at: { atUserIds: ['manager4220'], isAtAll: false },
    });
    expect(encodeSessionMessage({ title: '日报', text: '已提交' }, 'u1')).toMatchObject({ msgtype: 'markdown', at: { atUserIds: ['u1'] } });
    const card = encodeSessionMessage({ text: '打开链接', actions: [link] }, 'u1');
    expect(card).toEqual({
      msgtype: 'actionCard',
      actionCard: { title: '打开链接', text: '打开链接', singleTitle: '共享位置并签到', singleURL: 'https://legwork.example/c/abc' },
    });
  });

  it('lists several buttons as btns', () => {
    const card = encodeSessionMessage({ text: 't', actions: [link, { label: 'B', url: 'https://b' }] });
    expect(card).toMatchObject({ actionCard: { btnOrientation: '0', btns: [{ title: '共享位置并签到', actionURL: link.url }, { title: 'B', actionURL: 'https://b' }] } });
  });
});
