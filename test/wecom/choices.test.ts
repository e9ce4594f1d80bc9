import { describe, expect, it } from 'vitest';
import { encodeAppMessage, encodeRobotMessage } from '../../bots/wecom/encode.ts';
import { parseChoiceKey } from '../../bots/wecom/refs.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { samplePage } from '../support/sample-page.ts';
import { useWeComHarness } from './support/wecom-harness.ts';

type Card = { card_type: string; task_id: string; main_title: { title: string }; sub_title_text?: string; button_list: { text: string; key: string }[] };

/**
 * A structured message with quick answers (a page of a long manager answer and its "next page"): its
 * sections go out as markdown, then a small button card; a short question keeps its one card.
 */
describe('WeCom sections with choices (encoding)', () => {
  it('sends the sections as markdown, then a button card keyed with the question id', () => {
    const page = samplePage('zh-CN');
    const bodies = encodeAppMessage(page, 'legwork-77');
    expect(bodies.map((b) => b.msgtype)).toEqual(['markdown', 'template_card']);
    const markdown = (bodies[0]!.markdown as { content: string }).content;
    expect(markdown).toContain('**华东**');
    expect(markdown).toContain('回复「下一页」查看第 2/3 页');
    const card = bodies[1]!.template_card as Card;
    expect(card).toMatchObject({ card_type: 'button_interaction', task_id: 'legwork-77', main_title: { title: '快捷回复' } });
    // The page is not squeezed into the card: no sub title.
    expect(card.sub_title_text).toBeUndefined();
    expect(card.button_list.map((b) => b.text)).toEqual(['下一页（2/3）']);
    expect(parseChoiceKey(card.button_list[0]!.key)).toEqual({ reply: '下一页', label: '下一页（2/3）', language: 'zh-CN', questionId: page.questionId });
  });

  it('titles the card in the message language, or with the message title', () => {
    const [, card] = encodeAppMessage(samplePage('en-US'), 'legwork-78');
    expect((card!.template_card as Card).main_title.title).toBe('Quick replies');
    const [, titled] = encodeAppMessage({ ...samplePage('zh-CN'), title: '团队 昨天' }, 'legwork-79');
    expect((titled!.template_card as Card).main_title.title).toBe('团队 昨天');
  });

  it('without markdown sends the text, then the card; a short question stays one card', () => {
    expect(encodeAppMessage(samplePage('zh-CN'), 'legwork-80', { markdown: false }).map((b) => b.msgtype)).toEqual(['text', 'template_card']);
    const question = { text: '有多个客户匹配"华为"，请回复序号：\n1. 华为终端\n2. 华为技术', choices: [{ label: '华为终端', reply: '1' }, { label: '华为技术', reply: '2' }] };
    const [only, ...rest] = encodeAppMessage(question, 'legwork-81');
    expect(rest).toEqual([]);
    expect((only!.template_card as Card).sub_title_text).toBe('1. 华为终端\n2. 华为技术');
  });

  it('leaves app group chats and group robots with the markdown and its text hint alone', () => {
    const page = samplePage('zh-CN');
    for (const bodies of [encodeAppMessage(page, 'legwork-82', { cards: false }), encodeRobotMessage(page)]) {
      expect(bodies.map((b) => b.msgtype)).toEqual(['markdown']);
      expect((bodies[0]!.markdown as { content: string }).content).toContain('回复「下一页」查看第 2/3 页');
    }
  });
});

describe('WeCom sections with choices (whole service, fake qyapi)', () => {
  const w = useWeComHarness();

  it('sends the markdown, then the card; a card refused once is retried alone', async () => {
    const { h, fake, delivered } = w.current;
    await enqueueMessages(h.db, [{ orgId: null, targetRef: 'wecom:user:alice', message: samplePage('zh-CN') }], h.clock.now());
    fake.script('/cgi-bin/message/send', { errcode: 0, errmsg: 'ok' }, { errcode: -1, errmsg: 'system busy' });
    const first = await delivered();
    expect(first.map((m) => m.msgtype)).toEqual(['markdown', 'template_card']);

    h.clock.advance(120_000);
    const retried = await delivered();
    // Only the card again: the markdown part was recorded as sent.
    expect(retried.map((m) => m.msgtype)).toEqual(['template_card']);
    expect(retried[0]!.touser).toBe('alice');
    const card = retried[0]!.body.template_card as Card;
    expect(card.task_id).toMatch(/^legwork-/);
    expect(card.button_list.map((b) => b.text)).toEqual(['下一页（2/3）']);
    const rows = await h.db.selectFrom('outbox').select(['status']).execute();
    expect(rows).toEqual([{ status: 'sent' }]);
  });
});
