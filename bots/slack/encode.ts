import type { OutboundMessage } from '../../src/conversation/types.ts';

/** A Block Kit block, as plain JSON (https://docs.slack.dev/reference/block-kit/blocks). */
export type SlackBlock = Record<string, unknown>;

/** What chat.postMessage / chat.postEphemeral get: blocks, and `text` for notifications and old clients. */
export interface RenderedSlackMessage {
  text: string;
  blocks: SlackBlock[];
}

// Block Kit limits: header text 150, section text 3000, button label 75, url 3000, 25 buttons per
// actions block, 50 blocks per message; the top-level text is truncated by Slack after 40,000.
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const BUTTON_LABEL_MAX = 75;
const URL_MAX = 3000;
const MAX_BUTTONS = 25;
const MAX_TEXT_SECTIONS = 45;
const TEXT_MAX = 39_000;

/**
 * The neutral message as Block Kit: the title as a header, the text as mrkdwn sections, each action
 * as a link button. The plain-text fallback is the whole message (title and text, URLs included),
 * so a notification or a client without blocks still carries everything.
 */
export function encodeSlackMessage(message: OutboundMessage): RenderedSlackMessage {
  const blocks: SlackBlock[] = [];
  if (message.title) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(message.title, HEADER_MAX), emoji: true } });
  }
  for (const chunk of chunkLines(escapeMrkdwn(message.text), SECTION_MAX).slice(0, MAX_TEXT_SECTIONS)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
  }
  const buttons = (message.actions ?? [])
    .filter((action) => action.url.length <= URL_MAX)
    .slice(0, MAX_BUTTONS)
    .map((action, i) => ({
      type: 'button',
      // Clicking a link button still sends a block_actions payload; the prefix lets us ack it.
      action_id: `legwork_link_${i}`,
      text: { type: 'plain_text', text: truncate(action.label, BUTTON_LABEL_MAX), emoji: true },
      url: action.url,
      ...(i === 0 ? { style: 'primary' } : {}),
    }));
  if (buttons.length) blocks.push({ type: 'actions', elements: buttons });
  const plain = message.title ? `${message.title}\n\n${message.text}` : message.text;
  return { text: truncate(escapeMrkdwn(plain), TEXT_MAX), blocks };
}

/** Slack's three control characters (https://docs.slack.dev/messaging/formatting-message-text#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Splits on line breaks into pieces of at most `max` characters (a single longer line is cut). */
export function chunkLines(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) chunks.push(current);
    let rest = line;
    while (rest.length > max) {
      chunks.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current || chunks.length === 0) chunks.push(current || ' ');
  return chunks;
}
