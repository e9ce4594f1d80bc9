import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitUtf8, truncateUtf8 } from '../../bots/wecom/split-utf8.ts';
import { chosenButtonName, encodeAppMessage, encodeRobotMessage } from '../../bots/wecom/encode.ts';
import { parseChoiceKey } from '../../bots/wecom/refs.ts';
import { webhookBinding } from '../../bots/wecom/decode.ts';
import { bigDailyDigest, sampleLeaderboard, smallDailyDigest } from '../support/sample-reports.ts';

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

  it('renders choices as a button card (up to 6) or a vote card, keyed with the reply text and the label', () => {
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
          { text: '华为终端', key: 'choice:["1","华为终端"]' },
          { text: '华为技术', key: 'choice:["2","华为技术"]' },
        ],
      },
    });
    const many = Array.from({ length: 9 }, (_, i) => ({ label: `客户${i + 1}`, reply: String(i + 1) }));
    const [vote] = encodeAppMessage({ text: '请选择', choices: many }, 'legwork-6');
    const card = vote!.template_card as { card_type: string; checkbox: { option_list: { id: string }[] } };
    expect(card.card_type).toBe('vote_interaction');
    expect(card.checkbox.option_list.map((o) => o.id)).toEqual(many.map((c) => `choice:["${c.reply}","${c.label}"]`));
    // App group chats have no template cards: the text (which lists the choices) is sent instead.
    expect(encodeAppMessage({ text: '请选择', choices }, 'legwork-7', { cards: false })[0]!.msgtype).toBe('text');
  });

  it('keys choices so that the tap gives back the reply, the label and the message language', () => {
    const choices = [
      { label: 'Huawei "Terminal"', reply: '1' },
      { label: '华为:技术|深圳', reply: '日报 拜访了华为，明天跟进报价' },
    ];
    const [card] = encodeAppMessage({ text: 'Which customer?', choices, language: 'en-US' }, 'legwork-8');
    const keys = (card!.template_card as { button_list: { key: string }[] }).button_list.map((b) => b.key);
    expect(keys.map(parseChoiceKey)).toEqual([
      { reply: '1', label: 'Huawei "Terminal"', language: 'en-US' },
      { reply: '日报 拜访了华为，明天跟进报价', label: '华为:技术|深圳', language: 'en-US' },
    ]);
    // Keys from cards sent before (and app menu items) still read; anything else is not ours.
    expect(parseChoiceKey('reply:2')).toEqual({ reply: '2' });
    expect(['approve', 'choice:not json', 'choice:[1,"x"]', 'choice:["  ","x"]', 'reply:  ', undefined].map(parseChoiceKey)).toEqual(Array(6).fill(undefined));
  });

  it('puts the question id first in every key of a card that asks a question, within the vote option limit', () => {
    const questionId = 'AbCdEfGh_-12';
    const long = '深圳市南山区华为技术有限公司研发中心第二十三号楼东区客户服务部门'.repeat(2);
    const [buttons] = encodeAppMessage({ text: '请选择', choices: [{ label: '华为终端', reply: '1' }], questionId, language: 'zh-CN' }, 'legwork-10');
    const [key] = (buttons!.template_card as { button_list: { key: string }[] }).button_list.map((b) => b.key);
    expect(key).toBe('answer:["AbCdEfGh_-12","1","华为终端","zh-CN"]');
    expect(parseChoiceKey(key)).toEqual({ reply: '1', label: '华为终端', language: 'zh-CN', questionId });

    const choices = Array.from({ length: 8 }, (_, i) => ({ label: i === 3 ? long : `客户${i + 1}`, reply: String(i + 1) }));
    const [vote] = encodeAppMessage({ text: '请选择', choices, questionId }, 'legwork-11');
    const ids = (vote!.template_card as { checkbox: { option_list: { id: string }[] } }).checkbox.option_list.map((o) => o.id);
    for (const id of ids) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(128);
    // The long label does not fit: the key keeps the question and the reply.
    expect(parseChoiceKey(ids[3])).toEqual({ reply: '4', questionId });
    expect(parseChoiceKey(ids[2])).toEqual({ reply: '3', label: '客户3', questionId });
    expect(['answer:not json', 'answer:["","1"]', 'answer:["q"]', 'answer:["q","  "]', 'answer:[1,"1"]'].map(parseChoiceKey)).toEqual(Array(5).fill(undefined));
  });

  it('keeps a vote option whose label would not fit its 128 bytes as the reply alone, and says only "chosen" for it', () => {
    const long = '深圳市南山区华为技术有限公司研发中心第二十三号楼东区客户服务部门'.repeat(2); // over 200 bytes as a key
    const choices = Array.from({ length: 8 }, (_, i) => ({ label: i === 3 ? long : `客户${i + 1}`, reply: String(i + 1) }));
    const [vote] = encodeAppMessage({ text: '请选择', choices }, 'legwork-9');
    const ids = (vote!.template_card as { checkbox: { option_list: { id: string }[] } }).checkbox.option_list.map((o) => o.id);
    expect(ids[3]).toBe('reply:4');
    expect(ids[2]).toBe('choice:["3","客户3"]');
    expect(chosenButtonName(parseChoiceKey(ids[3])?.label, undefined)).toBe('已选择');
    expect(chosenButtonName('华为终端', undefined)).toBe('已选择：华为终端');
    expect(chosenButtonName('Huawei Terminal', 'en-US')).toBe('Chosen: Huawei Terminal');
  });

  it('sends group robot messages as markdown within 4,096 bytes, links as markdown links', () => {
    const [md] = encodeRobotMessage({ title: '本周排行榜', text: '1. 张三 12 分', actions: [{ label: '详情', url: 'https://x.test/l' }] });
    expect(md).toEqual({ msgtype: 'markdown', markdown: { content: '**本周排行榜**\n1. 张三 12 分\n[详情](https://x.test/l)' } });
    const big = encodeRobotMessage({ text: '排名 张三 积分\n'.repeat(400) });
    expect(big.length).toBeGreaterThan(1);
    for (const part of big) expect(Buffer.byteLength((part.markdown as { content: string }).content)).toBeLessThanOrEqual(4096);
  });
});

describe('digests and leaderboards (sections) as WeCom markdown', () => {
  const contents = (bodies: { msgtype: string; markdown?: unknown }[]) =>
    bodies.map((b) => {
      expect(b.msgtype).toBe('markdown');
      return (b.markdown as { content: string }).content;
    });

  it('sends a digest to a member as markdown: title, each team after a blank line with its summary in bold', () => {
    const [content, ...rest] = contents(encodeAppMessage(smallDailyDigest(), 'legwork-d1'));
    expect(rest).toEqual([]);
    expect(content).toBe(
      [
        '### Daily digest for 2026-10-30',
        '',
        '**East: 2 reps, 6 visits (4 verified, 2 outside); reports 1 in, 1 late, 0 missing**',
        'Ann & <Bob>: 3 visits (2 verified, 1 outside) at ZTE, Alibaba, Tencent; report in (late)',
        '• checked in at Alibaba since 14:00, no check-out',
        '• off-site check-in at Tencent, 1.2 km away',
        '• check-in at ZTE: the phone reported a simulated location',
        '• follow-up tomorrow: ZTE (send the revised quote & <pricing>)',
        '• overdue: Baidu (tier A, 12 days since the last visit)',
        '• overdue: Xiaomi (tier C, never visited)',
        'Cat: 3 visits (2 verified, 1 outside) at Alibaba, Tencent, Baidu; report in',
        '',
        '**West: no reps yet.**',
      ].join('\n'),
    );
    // App group chats take markdown too.
    expect(encodeAppMessage(smallDailyDigest(), 'legwork-d2', { cards: false })[0]!.msgtype).toBe('markdown');
  });

  it('sends the plain text instead when markdown is off (WECOM_MARKDOWN=false, for members on the WeChat plugin)', () => {
    const message = smallDailyDigest();
    const bodies = encodeAppMessage(message, 'legwork-d1', { markdown: false });
    expect(bodies.map((b) => b.msgtype)).toEqual(['text']);
    expect((bodies[0]!.text as { content: string }).content).toContain(message.text.split('\n')[2]!);
  });

  it('splits a 40-rep digest between lines into messages of at most 2,048 bytes, no heading left at the end of one', () => {
    const message = bigDailyDigest(20, 'zh-CN');
    const parts = contents(encodeAppMessage(message, 'legwork-d3'));
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.length).toBeLessThanOrEqual(8);
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(2048);
      expect(part.split('\n').at(-1)).not.toMatch(/^\*\*/);
      expect(part).not.toMatch(/^\s|\s$/);
    }
    const lines = parts.join('\n').split('\n').filter((l) => l);
    const expected = [`### ${message.title}`, ...message.sections!.flatMap((s) => [`**${s.heading}**`, ...s.lines.map((l) => l.replace(/^\s*•\s*/, '• '))])];
    expect(lines).toEqual(expected);
  });

  it('stops after 8 messages with a note in the member’s language saying how many lines were left out', () => {
    const message = bigDailyDigest(60, 'zh-CN');
    const parts = contents(encodeAppMessage(message, 'legwork-d4'));
    expect(parts).toHaveLength(8);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(2048);
    const shown = parts.join('\n').split('\n').filter((l) => l);
    const [, count] = /^……另有 (\d+) 行超出单条消息的长度限制，未显示。$/.exec(shown.pop()!) ?? [];
    const all = message.sections!.flatMap((s) => [s.heading!, ...s.lines]);
    expect(shown.length - 1 + Number(count)).toBe(all.length); // the title is not counted
    const english = contents(encodeAppMessage(bigDailyDigest(60, 'en-US'), 'legwork-d5'));
    expect(english.at(-1)).toMatch(/\n\n…and \d+ more lines that did not fit in one message\.$/);
  });

  it('posts a leaderboard to a group robot as one markdown message, the total set apart', () => {
    const contentsOf = contents(encodeRobotMessage(sampleLeaderboard('zh-CN')));
    expect(contentsOf).toEqual([
      [
        '### East 周排行榜（2026-10-26 至 2026-11-01）',
        '',
        '（截至 2026-10-30）',
        '第 1 名 Ann：30 分（有效拜访 4 次，其中 1 次有下一步，按时日报 4 份）↑1',
        '并列第 2 名 Ben：29 分（有效拜访 3 次，其中 1 次有下一步，按时日报 4 份）↓1',
        '并列第 2 名 Cat：28 分（有效拜访 2 次，其中 1 次有下一步，按时日报 4 份）→',
        '第 4 名 （不参加排名的同事）：27 分（有效拜访 1 次，其中 1 次有下一步，按时日报 4 份）→',
        '',
        '团队合计：114 分，有效拜访 10 次（签到拜访 14 次，共 4 人）。',
      ].join('\n'),
    ]);
    const big = contents(encodeRobotMessage(bigDailyDigest(20, 'zh-CN')));
    for (const part of big) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(4096);
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
