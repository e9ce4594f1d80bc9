import { describe, expect, it } from 'vitest';
import { encodeSlackMessage, type SlackBlock } from '../../bots/slack/encode.ts';
import { decodeChoiceTap } from '../../bots/slack/decode-actions.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { checkedInCustomers, countRows } from '../conversation/helpers.ts';
import { samplePage } from '../support/sample-page.ts';
import { bigDailyDigest } from '../support/sample-reports.ts';
import { dmChannelOf } from './fake-slack.ts';
import { deliver, directMessage, fixture, ids, postEvent, postInteraction, textOf, useSlack, zhang } from './support.ts';

type Button = { type: string; action_id: string; text: { text: string }; value: string };
const choiceBlock = (blocks: SlackBlock[]) => blocks.find((b) => b.type === 'actions' && String(b.block_id ?? '').startsWith('legwork_choices'));

/**
 * Quick answers (`choices`) as Block Kit buttons, and their tap (block_actions) as the person's answer.
 */
describe('Slack choices (encoding)', () => {
  it('renders a page of sections with its "next page" as a last actions block of buttons', () => {
    const page = samplePage('zh-CN');
    const { blocks, text } = encodeSlackMessage(page);
    expect(blocks.map((b) => b.type)).toEqual(['section', 'divider', 'section', 'actions']);
    expect(blocks.at(-1)).toEqual({
      type: 'actions',
      block_id: `legwork_choices|zh-CN|${page.questionId}`,
      elements: [{ type: 'button', action_id: 'legwork_choice_0', text: { type: 'plain_text', text: '下一页（2/3）', emoji: true }, value: '下一页', style: 'primary' }],
    });
    // The text fallback keeps the typed hint.
    expect(text).toContain('回复「下一页」查看第 2/3 页');
  });

  it('keeps within 25 buttons, 75-character labels, 2,000-character values and 50 blocks', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ label: `客户${i}`.repeat(i === 1 ? 40 : 1), reply: i === 2 ? 'x'.repeat(2001) : String(i + 1) }));
    const big = { ...bigDailyDigest(40, 'zh-CN'), choices, questionId: 'q1' };
    const { blocks } = encodeSlackMessage(big);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const buttons = (choiceBlock(blocks)!.elements as Button[]);
    expect(buttons).toHaveLength(25);
    expect(buttons.every((b) => [...b.text.text].length <= 75 && b.value.length <= 2000)).toBe(true);
    expect(buttons.map((b) => b.value)).not.toContain('x'.repeat(2001));
    // The note that lines were left out is still there, before the buttons.
    expect(blocks.at(-2)!.type).toBe('context');
    expect(blocks.at(-1)).toBe(choiceBlock(blocks));
  });

  it('reads a tap as the person’s message: the button value, the question id, a stable event id', () => {
    const payload = tapPayload({ blockId: 'legwork_choices|en-US|Qid_123', value: 'next page', label: 'Next page (2/3)', channel: dmChannelOf(zhang.id) });
    const tap = decodeChoiceTap(payload, new Date('2026-11-27T02:00:00Z'))!;
    expect(tap.event).toMatchObject({
      platform: 'slack',
      eventId: `action:${zhang.id}:1764208802.123456`,
      tenantId: ids.team,
      text: 'next page',
      quickAnswer: { questionId: 'Qid_123' },
      conversation: { ref: `slack:channel:${dmChannelOf(zhang.id)}`, kind: 'direct' },
    });
    expect(tap).toMatchObject({ label: 'Next page (2/3)', language: 'en-US' });
    // In a channel the answer is the person's alone, as for a typed message there.
    const inChannel = decodeChoiceTap(tapPayload({ blockId: 'legwork_choices||', value: '2', label: '华为技术', channel: ids.channel }), new Date())!;
    expect(inChannel.event.conversation).toEqual({ ref: `slack:ephemeral:${ids.channel}:${zhang.id}`, kind: 'group' });
    expect(inChannel.event.quickAnswer).toEqual({});
    // A link button, or another app's block, is not a quick answer.
    expect(decodeChoiceTap(fixture('block-actions-button'), new Date())).toBeUndefined();
    expect(decodeChoiceTap(tapPayload({ blockId: 'their_block', value: '1', label: 'x', channel: ids.channel }), new Date())).toBeUndefined();
  });
});

describe('Slack choices (whole service, fake Slack, Bolt)', () => {
  const ctx = useSlack();

  async function dm(text: string) {
    expect((await postEvent(ctx, directMessage(zhang, text))).status).toBe(200);
    return (await deliver(ctx)).posted;
  }

  it('posts a page with its button to the fake Slack', async () => {
    await enqueueMessages(ctx.h.db, [{ orgId: null, targetRef: `slack:channel:${dmChannelOf(zhang.id)}`, message: samplePage('en-US') }], ctx.h.clock.now());
    const { posted } = await deliver(ctx);
    expect(posted).toHaveLength(1);
    const blocks = posted[0]!.args.blocks as SlackBlock[];
    const buttons = choiceBlock(blocks)!.elements as Button[];
    expect(buttons.map((b) => [b.text.text, b.value])).toEqual([['Next page (2/3)', 'next page']]);
    expect(textOf(posted[0]!)).toContain('Reply "next page" for page 2 of 3');
  });

  it('takes a tap on "which customer?" as the answer, once, and replaces the buttons with what was chosen', async () => {
    await dm('新客户 华为终端 22.54,113.95');
    await dm('新客户 华为技术 22.60,113.90');
    const [question] = await dm('签到 华为 22.54,113.95');
    const blocks = question!.args.blocks as SlackBlock[];
    const block = choiceBlock(blocks)!;
    const buttons = block.elements as Button[];
    expect(buttons.map((b) => b.text.text).sort()).toEqual(['华为技术', '华为终端']);
    const pending = await ctx.h.db.selectFrom('conversation_states').select('data').executeTakeFirstOrThrow();
    const questionId = (typeof pending.data === 'string' ? JSON.parse(pending.data) : pending.data).questionId as string;
    expect(block.block_id).toBe(`legwork_choices|zh-CN|${questionId}`);

    const chosen = buttons.find((b) => b.text.text === '华为技术')!;
    const payload = tapPayload({
      blockId: String(block.block_id),
      value: chosen.value,
      label: chosen.text.text,
      channel: dmChannelOf(zhang.id),
      message: { ts: '1764208801.000009', blocks },
    });
    const before = await countRows(ctx.h, 'processed_events');
    for (let i = 0; i < 2; i++) {
      const res = await postInteraction(ctx, payload);
      expect(res.status).toBe(200);
    }
    // One turn for the two deliveries of the same tap.
    expect(await countRows(ctx.h, 'processed_events')).toBe(before + 1);
    expect(await checkedInCustomers(ctx.h)).toEqual(['华为技术']);
    const { posted } = await deliver(ctx);
    expect(posted.map(textOf).join('\n')).toContain('已在 华为技术 签到');
    expect(posted.filter((c) => textOf(c).includes('已在'))).toHaveLength(1);

    const updates = ctx.fake.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ channel: dmChannelOf(zhang.id), ts: '1764208801.000009', text: '已选择：华为技术' });
    const updated = updates[0]!.args.blocks as SlackBlock[];
    expect(choiceBlock(updated)).toBeUndefined();
    expect(updated.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '已选择：华为技术' }] });

    // A later tap on the other button (another action_ts) answers a question no longer open.
    await postInteraction(ctx, { ...payload, actions: [{ ...payload.actions[0], action_ts: '1764208803.000001' }] });
    expect(await checkedInCustomers(ctx.h)).toEqual(['华为技术']);
    expect(ctx.fake.callsTo('chat.update')).toHaveLength(1);
  });
});

/** A block_actions payload for a tap on one of our quick-answer buttons, in Slack's documented shape. */
function tapPayload(o: { blockId: string; value: string; label: string; channel: string; message?: { ts: string; blocks: SlackBlock[] } }): any {
  const payload = fixture('block-actions-button');
  payload.channel = { id: o.channel, name: o.channel.startsWith('D') ? 'directmessage' : 'sales' };
  payload.container = { type: 'message', message_ts: o.message?.ts ?? '1764208801.000001', channel_id: o.channel, is_ephemeral: !o.message };
  if (o.message) payload.message = { type: 'message', user: ids.botUser, bot_id: ids.botId, ts: o.message.ts, text: 'x', blocks: o.message.blocks };
  payload.actions = [
    { action_id: 'legwork_choice_1', block_id: o.blockId, text: { type: 'plain_text', text: o.label, emoji: true }, value: o.value, type: 'button', action_ts: '1764208802.123456' },
  ];
  return payload;
}
