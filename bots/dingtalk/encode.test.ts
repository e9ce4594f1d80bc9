import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import { bigDailyDigest, sampleLeaderboard, smallDailyDigest } from '../../test/support/sample-reports.ts';
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

describe('digests and leaderboards (sections) as markdown', () => {
  const markdownOf = (message: OutboundMessage) => {
    const encoded = encodeOpenApiMessage(message);
    expect(encoded.msgKey).toBe('sampleMarkdown');
    return JSON.parse(encoded.msgParam) as { title: string; text: string };
  };

  it('renders the title, a #### heading per team, paragraph lines with hard breaks and details as a - list', () => {
    const { title, text } = markdownOf(smallDailyDigest());
    expect(title).toBe('Daily digest for 2026-10-30');
    expect(text).toBe(
      [
        '### Daily digest for 2026-10-30',
        '',
        '#### East: 2 reps, 6 visits (4 verified, 2 outside); reports 1 in, 1 late, 0 missing',
        'Ann & <Bob>: 3 visits (2 verified, 1 outside) at ZTE, Alibaba, Tencent; report in (late)',
        '',
        '- checked in at Alibaba since 14:00, no check-out',
        '- off-site check-in at Tencent, 1.2 km away',
        '- check-in at ZTE: the phone reported a simulated location',
        '- follow-up tomorrow: ZTE (send the revised quote & <pricing>)',
        '- overdue: Baidu (tier A, 12 days since the last visit)',
        '- overdue: Xiaomi (tier C, never visited)',
        '',
        'Cat: 3 visits (2 verified, 1 outside) at Alibaba, Tencent, Baidu; report in',
        '',
        '#### West: no reps yet.',
      ].join('\n'),
    );
  });

  it('keeps leaderboard ranks from turning into a renumbered markdown list', () => {
    const { text } = markdownOf(sampleLeaderboard());
    const lines = text.split('  \n').flatMap((l) => l.split('\n'));
    expect(lines[0]).toBe('### East leaderboard, week of 2026-10-26 to 2026-11-01');
    // "1. Ann" would start an ordered list and "4." after the tie would show as 2: a no-break space keeps it text.
    expect(lines).toContain('1.\u00a0Ann — 30 pts (4 verified visits, 1 with a next step, 4 reports on time) ↑1');
    expect(lines).toContain('=2. Ben — 29 pts (3 verified visits, 1 with a next step, 4 reports on time) ↓1');
    expect(lines).toContain('4.\u00a0(a rep who opted out) — 27 pts (1 verified visit, 1 with a next step, 4 reports on time) →');
    expect(text.endsWith('\n\nTeam total: 114 pts from 10 verified visits (14 check-in visits, 4 reps).')).toBe(true);
    expect(text.split('\n').some((l) => /^\s*(\d+\.|[-*+]) /.test(l))).toBe(false);
  });

  it('fits a 40-rep digest in the msgParam limit, whole lines only, with a note saying how many were left out', () => {
    const message = bigDailyDigest(20, 'zh-CN');
    const encoded = encodeOpenApiMessage(message);
    expect(Buffer.byteLength(encoded.msgParam)).toBeLessThan(15_000);
    const { text } = JSON.parse(encoded.msgParam) as { text: string };
    const shown = text.split('\n').map((l) => l.replace(/ {2}$/, '')).filter((l) => l);
    const note = shown.pop()!;
    const [, count] = /^……另有 (\d+) 行超出单条消息的长度限制，未显示。$/.exec(note) ?? [];
    const all = message.sections!.flatMap((s) => [`#### ${s.heading}`, ...s.lines.map((l) => l.replace(/^\s*•\s*/, '- '))]);
    expect(shown.slice(1)).toEqual(all.slice(0, shown.length - 1));
    expect(shown.length - 1 + Number(count)).toBe(all.length);
  });

  it('renders the same markdown through a session webhook, with the mention', () => {
    const message = sampleLeaderboard('zh-CN');
    const body = encodeSessionMessage(message, 'u1') as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.text).toBe(`@u1 ${JSON.parse(encodeOpenApiMessage(message).msgParam).text}`);
  });
});
