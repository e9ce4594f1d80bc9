import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitUtf8, truncateUtf8 } from '../../bots/wecom/split-utf8.ts';
import { encodeAppMessage, encodeRobotMessage } from '../../bots/wecom/encode.ts';
import { webhookBinding } from '../../bots/wecom/decode.ts';

const isValidUtf8 = (s: string) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(s, 'utf8'));
    return Buffer.from(s, 'utf8').toString('utf8') === s; // a lone surrogate would not survive
  } catch {
    return false;
  }
};

/** Text like the bot's: Chinese, English, emoji (4 bytes), line breaks. */
const chatText = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\n', '华为签到 ✓', '🙂🚗', 'Acme Corp', '\n\n')), { maxLength: 400 })
  .map((parts) => parts.join(''));

describe('splitUtf8 (group robot and app message limits)', () => {
  it('keeps every piece within the limit, valid UTF-8, and loses nothing', () => {
    fc.assert(
      fc.property(chatText, fc.integer({ min: 4, max: 4096 }), (text, max) => {
        const pieces = splitUtf8(text, max);
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) {
          expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(max);
          expect(isValidUtf8(piece)).toBe(true);
          if (pieces.length > 1) expect(piece.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits a long Chinese leaderboard on line breaks, never mid-character', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${i + 1}. 销售代表${i} — 本周拜访 ${i % 7} 次，积分 ${i * 3}`);
    const text = lines.join('\n');
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(4096 * 3);
    const pieces = splitUtf8(text, 4096);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith('\n')).toBe(true);
    expect(pieces.join('')).toBe(text);
  });

  it('cuts a line with no breaks at a character boundary', () => {
    const text = '签'.repeat(2000); // 6,000 bytes
    const pieces = splitUtf8(text, 4096);
    expect(pieces.map((p) => Buffer.byteLength(p, 'utf8'))).toEqual([4095, 1905]);
    expect(truncateUtf8('签到🙂', 7)).toBe('签到');
  });
});

describe('WeCom message rendering', () => {
  it('sends plain replies as text, split at 2,048 bytes', () => {
    expect(encodeAppMessage({ text: '已在 华为 签到 ✓' }, 'legwork-1')).toEqual([{ msgtype: 'text', text: { content: '已在 华为 签到 ✓' } }]);
    const long = encodeAppMessage({ text: '拜访记录\n'.repeat(500) }, 'legwork-2');
    expect(long.length).toBe(4); // 6,500 bytes in whole lines of 13 bytes: 157 lines per message
    for (const part of long) expect(Buffer.byteLength((part.text as { content: string }).content)).toBeLessThanOrEqual(2048);
  });

  it('sends a reply with a link as a textcard, the button labelled only when it fits', () => {
    const [card] = encodeAppMessage(
      { text: '在 华为 签到需要你的位置：打开 https://x.test/c/abc', actions: [{ label: '共享位置并签到', url: 'https://x.test/c/abc' }] },
      'legwork-3',
    );
    expect(card).toEqual({
      msgtype: 'textcard',
      textcard: { title: '在 华为 签到需要你的位置：打开 https://x.test/c/abc', description: '在 华为 签到需要你的位置：打开 https://x.test/c/abc', url: 'https://x.test/c/abc' },
    });
    const [short] = encodeAppMessage({ text: 'Open the page', actions: [{ label: '签到', url: 'https://x.test/c/abc' }] }, 'legwork-4');
    expect((short!.textcard as { btntxt?: string }).btntxt).toBe('签到');
  });

  it('renders choices as a button card (up to 6) or a vote card, keyed with the reply text', () => {
    const choices = [
      { label: '华为终端', reply: '1' },
      { label: '华为技术', reply: '2' },
    ];
    const [buttons] = encodeAppMessage({ text: '有多个客户匹配"华为"，请回复序号：\n1. 华为终端\n2. 华为技术', choices }, 'legwork-5');
    expect(buttons).toMatchObject({
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        task_id: 'legwork-5',
        main_title: { title: '有多个客户匹配"华为"，请回复序号：' },
        sub_title_text: '1. 华为终端\n2. 华为技术',
        button_list: [
          { text: '华为终端', key: 'reply:1' },
          { text: '华为技术', key: 'reply:2' },
        ],
      },
    });
    const many = Array.from({ length: 9 }, (_, i) => ({ label: `客户${i + 1}`, reply: String(i + 1) }));
    const [vote] = encodeAppMessage({ text: '请选择', choices: many }, 'legwork-6');
    const card = vote!.template_card as { card_type: string; checkbox: { option_list: { id: string }[] } };
    expect(card.card_type).toBe('vote_interaction');
    expect(card.checkbox.option_list.map((o) => o.id)).toEqual(many.map((c) => `reply:${c.reply}`));
    // App group chats have no template cards: the text (which lists the choices) is sent instead.
    expect(encodeAppMessage({ text: '请选择', choices }, 'legwork-7', { cards: false })[0]!.msgtype).toBe('text');
  });

  it('sends group robot messages as markdown within 4,096 bytes, links as markdown links', () => {
    const [md] = encodeRobotMessage({ title: '本周排行榜', text: '1. 张三 12 分', actions: [{ label: '详情', url: 'https://x.test/l' }] });
    expect(md).toEqual({ msgtype: 'markdown', markdown: { content: '**本周排行榜**\n1. 张三 12 分\n[详情](https://x.test/l)' } });
    const big = encodeRobotMessage({ text: '排名 张三 积分\n'.repeat(400) });
    expect(big.length).toBeGreaterThan(1);
    for (const part of big) expect(Buffer.byteLength((part.markdown as { content: string }).content)).toBeLessThanOrEqual(4096);
  });
});

describe('binding a group robot', () => {
  it('reads the webhook key from a bind command and leaves other text alone', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
    expect(webhookBinding(`绑定团队 华东 ${url}`)).toEqual({ command: '绑定团队 华东', key: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' });
    expect(webhookBinding(`bind team East ${url}`)).toEqual({ command: 'bind team East', key: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' });
    expect(webhookBinding('绑定团队 华东')).toBeUndefined();
    expect(webhookBinding(`签到 华为 ${url}`)).toBeUndefined();
    expect(webhookBinding('绑定团队 华东 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=../../etc')).toBeUndefined();
  });
});
