import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../src/conversation/types.ts';
import { encodeSlackMessage } from './slack/encode.ts';
import { encodeOpenApiMessage, encodeSessionMessage } from './dingtalk/encode.ts';
import { encodeAppMessage, encodeRobotMessage } from './wecom/encode.ts';
import { encodeWechatyText } from './wechaty/encode.ts';
import { encodeLocalMessage } from './local/encode.ts';

/**
 * A section's own button (a plan stop's check-in link, issue 14) on every platform: beside the
 * section where the platform can, a link under it otherwise, and always in the plain text.
 */
function plan(stops: number): OutboundMessage {
  const names = Array.from({ length: stops }, (_, i) => `Customer ${i + 1}`);
  const url = (i: number) => `https://legwork.test/c/token-${i + 1}.sig`;
  const heading = 'Plan for today (Fri Nov 27), in route order:';
  return {
    text: [heading, ...names.flatMap((name, i) => [`${i + 1}. ${name} — to do`, `   Check in here: ${url(i)}`]), 'Total 12.0 km.'].join('\n'),
    sections: [
      { heading, lines: [] },
      ...names.map((name, i) => ({ lines: [`${i + 1}. ${name} — to do`], action: { label: `Check in: ${name}`, url: url(i) } })),
      { lines: ['Total 12.0 km.'] },
    ],
    language: 'en-US',
  };
}

describe('per-section buttons', () => {
  it('Slack: one section block per stop, its button as the accessory', () => {
    const { blocks, text } = encodeSlackMessage(plan(3));
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'section', 'section', 'section']);
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '1. Customer 1 — to do' },
      accessory: { type: 'button', action_id: 'legwork_link_s1', text: { type: 'plain_text', text: 'Check in: Customer 1', emoji: true }, url: 'https://legwork.test/c/token-1.sig' },
    });
    expect(text).toContain('Check in here: https://legwork.test/c/token-3.sig');
  });

  it('Slack: a 25-stop day stays within 50 blocks', () => {
    const { blocks } = encodeSlackMessage(plan(25));
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.filter((b) => 'accessory' in b)).toHaveLength(25);
  });

  it('DingTalk: every stop a button on the session webhook; over the OpenAPI five, the rest linked in the text', () => {
    const session = encodeSessionMessage(plan(7)) as { msgtype: string; actionCard: { btns: { title: string; actionURL: string }[]; text: string } };
    expect(session.msgtype).toBe('actionCard');
    expect(session.actionCard.btns.map((b) => b.title)).toEqual(Array.from({ length: 7 }, (_, i) => `Check in: Customer ${i + 1}`));
    expect(session.actionCard.text).not.toContain('https://');
    const api = encodeOpenApiMessage(plan(7));
    expect(api.msgKey).toBe('sampleActionCard5');
    const param = JSON.parse(api.msgParam);
    expect(param.actionURL5).toBe('https://legwork.test/c/token-5.sig');
    expect(param.text).toContain('[Check in: Customer 6](https://legwork.test/c/token-6.sig)');
    expect(param.text).toContain('[Check in: Customer 7](https://legwork.test/c/token-7.sig)');
    expect(param.text).not.toContain('token-5');
  });

  it('WeCom: markdown with a link under each stop (app and group robot)', () => {
    const [app] = encodeAppMessage(plan(2), 'task-1');
    expect(app!.msgtype).toBe('markdown');
    const content = (app!.markdown as { content: string }).content;
    expect(content.split('\n').filter(Boolean)).toEqual([
      '**Plan for today (Fri Nov 27), in route order:**',
      '1. Customer 1 — to do',
      '[Check in: Customer 1](https://legwork.test/c/token-1.sig)',
      '2. Customer 2 — to do',
      '[Check in: Customer 2](https://legwork.test/c/token-2.sig)',
      'Total 12.0 km.',
    ]);
    const robot = encodeRobotMessage(plan(25));
    expect(robot.map((m) => (m.markdown as { content: string }).content).join('\n').match(/\[Check in: /g)).toHaveLength(25);
    // Where markdown is off (WeCom inside WeChat), the plain text carries the links.
    const [plain] = encodeAppMessage(plan(1), 'task-2', { markdown: false });
    expect((plain!.text as { content: string }).content).toContain('Check in here: https://legwork.test/c/token-1.sig');
  });

  it('Wechaty and the local chat: the plain text, links included', () => {
    expect(encodeWechatyText(plan(2))).toContain('   Check in here: https://legwork.test/c/token-2.sig');
    expect(encodeLocalMessage(plan(2)).text).toContain('   Check in here: https://legwork.test/c/token-1.sig');
  });
});
