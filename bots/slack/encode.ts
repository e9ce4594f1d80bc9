import type { MessageSection, OutboundMessage } from '../../src/conversation/types.ts';
import type { Language } from '../../src/conversation/intents/types.ts';
import { omittedNote } from '../message-sections.ts';

/** A Block Kit block, as plain JSON (https://docs.slack.dev/reference/block-kit/blocks). */
export type SlackBlock = Record<string, unknown>;

/** What chat.postMessage / chat.postEphemeral get: blocks, and `text` for notifications and old clients. */
export interface RenderedSlackMessage {
  text: string;
  blocks: SlackBlock[];
}

// Block Kit limits: header text 150, section text 3000, button label 75, url 3000, button value 2000
// (https://docs.slack.dev/reference/block-kit/block-elements/button-element), 25 buttons per
// actions block, 50 blocks per message; the top-level text is truncated by Slack after 40,000.
// Beyond the documented limits chat.postMessage refuses blocks whose text adds up to about 12,000-13,000
// characters (`msg_blocks_too_long`, https://github.com/slackapi/bolt-js/issues/2509): stay well under.
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const BUTTON_LABEL_MAX = 75;
const URL_MAX = 3000;
const VALUE_MAX = 2000;
const MAX_BUTTONS = 25;
const MAX_BLOCKS = 50;
const BLOCKS_TEXT_BUDGET = 10_000;
const TEXT_MAX = 39_000;

/**
 * The neutral message as Block Kit: the title as a header; a structured message's sections as mrkdwn
 * sections (the heading in bold) with dividers between them, otherwise the text as mrkdwn sections;
 * each action as a link button; the choices (quick answers) as buttons whose tap answers (last).
 * What does not fit Slack's limits is left out and a context line says how many lines. The plain-text fallback is the whole message (title and text, URLs included), so a
 * notification or a client without blocks still carries everything.
 */
export function encodeSlackMessage(message: OutboundMessage): RenderedSlackMessage {
  const blocks: SlackBlock[] = [];
  const title = message.title ? truncate(message.title, HEADER_MAX) : '';
  if (title) blocks.push({ type: 'header', text: { type: 'plain_text', text: title, emoji: true } });
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
  const choices = choiceButtons(message);
  const groups = message.sections?.length
    ? message.sections.map((section) => [...(section.heading ? [`*${escapeMrkdwn(section.heading)}*`] : []), ...section.lines.map(escapeMrkdwn)])
    : [escapeMrkdwn(message.text).split('\n')];
  const limits = {
    // Room for the header, the buttons and the note saying what was left out.
    maxBlocks: MAX_BLOCKS - blocks.length - (buttons.length ? 1 : 0) - (choices ? 1 : 0) - 1,
    budget:
      BLOCKS_TEXT_BUDGET -
      title.length -
      buttons.reduce((n, b) => n + b.text.text.length + b.url.length, 0) -
      (choices?.elements.reduce((n, b) => n + b.text.text.length + b.value.length, 0) ?? 0) -
      200,
  };
  // Sections with a button of their own (a plan's stops) are one block each, the button beside the text.
  const packed = message.sections?.some((section) => section.action) ? buttonSections(message.sections, groups, limits) : packSections(groups, limits);
  blocks.push(...packed.blocks);
  if (packed.omitted > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(omittedNote(message.language, packed.omitted)) }] });
  }
  if (buttons.length) blocks.push({ type: 'actions', elements: buttons });
  if (choices) blocks.push(choices);
  // Digests and boards start their text with the title already.
  const plain = message.title && !message.text.startsWith(message.title) ? `${message.title}\n\n${message.text}` : message.text;
  return { text: truncate(escapeMrkdwn(plain), TEXT_MAX), blocks };
}

/**
 * The quick answers (`choices`) as one actions block of buttons, last in the message. A tap comes back
 * as block_actions (decode-actions.ts `decodeChoiceTap`): the button's `value` is the reply to send as the
 * person's message, the block's id carries the question id and the message language (for the line
 * that replaces the buttons once tapped). A reply longer than a button value (2,000) is left out:
 * the text, which always names the choices, still lets the person type it.
 */
function choiceButtons(message: OutboundMessage): { type: 'actions'; block_id: string; elements: ChoiceButton[] } | undefined {
  const elements = (message.choices ?? [])
    .filter((choice) => choice.reply.trim() && choice.reply.length <= VALUE_MAX)
    .slice(0, MAX_BUTTONS)
    .map((choice, i) => ({
      type: 'button' as const,
      action_id: `${CHOICE_ACTION_PREFIX}${i}`,
      text: { type: 'plain_text' as const, text: truncate(choice.label, BUTTON_LABEL_MAX), emoji: true },
      value: choice.reply,
      ...(i === 0 ? { style: 'primary' as const } : {}),
    }));
  if (elements.length === 0) return undefined;
  return { type: 'actions', block_id: choicesBlockId(message.questionId, message.language), elements };
}

type ChoiceButton = { type: 'button'; action_id: string; text: { type: 'plain_text'; text: string; emoji: boolean }; value: string; style?: 'primary' };

/** The action_id prefix of quick-answer buttons (`legwork_choice_0`…); link buttons have `legwork_link_`. */
export const CHOICE_ACTION_PREFIX = 'legwork_choice_';
const CHOICES_BLOCK_PREFIX = 'legwork_choices';

/**
 * `legwork_choices|<language>|<question id>` (block ids may be 255 characters; question ids are 12).
 * Either part may be empty: a question without an id, a message without a language.
 */
export function choicesBlockId(questionId: string | undefined, language: Language | undefined): string {
  return [CHOICES_BLOCK_PREFIX, language ?? '', questionId ?? ''].join('|').slice(0, 255);
}

/** The question id and language a choices block id carries; undefined for any other block. */
export function parseChoicesBlockId(blockId: string | undefined): { questionId?: string; language?: Language } | undefined {
  const [prefix, language, questionId, ...rest] = (blockId ?? '').split('|');
  if (prefix !== CHOICES_BLOCK_PREFIX || rest.length > 0) return undefined;
  return {
    ...(questionId ? { questionId } : {}),
    ...(language === 'zh-CN' || language === 'en-US' ? { language } : {}),
  };
}

/**
 * One section block per part, its own link button as the accessory (a plan's check-in per stop);
 * parts without lines or button are skipped. Stops at the first part that does not fit and counts
 * the lines left out.
 */
function buttonSections(
  sections: readonly MessageSection[],
  groups: string[][],
  limits: { maxBlocks: number; budget: number },
): { blocks: SlackBlock[]; omitted: number } {
  const blocks: SlackBlock[] = [];
  let used = 0;
  let omitted = 0;
  sections.forEach((section, i) => {
    const lines = groups[i]!;
    const action = section.action && section.action.url.length <= URL_MAX ? section.action : undefined;
    if (lines.length === 0 && !action) return;
    const text = truncate(lines.join('\n') || ' ', SECTION_MAX);
    const cost = text.length + (action ? action.label.length + action.url.length : 0);
    if (omitted > 0 || blocks.length + 1 > limits.maxBlocks || used + cost > limits.budget) {
      omitted += Math.max(lines.length, 1);
      return;
    }
    used += cost;
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text },
      ...(action
        ? {
            accessory: {
              type: 'button',
              action_id: `legwork_link_s${i}`,
              text: { type: 'plain_text', text: truncate(action.label, BUTTON_LABEL_MAX), emoji: true },
              url: action.url,
            },
          }
        : {}),
    });
  });
  if (blocks.length === 0 && omitted === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: ' ' } });
  return { blocks, omitted };
}

/**
 * Packs groups of mrkdwn lines into section blocks of at most 3,000 characters, a divider between
 * groups, within a number of blocks and a total of text; stops at the first line that does not fit
 * and counts the lines left out. Lines longer than a section are cut into pieces.
 */
export function packSections(groups: string[][], limits: { maxBlocks: number; budget: number }): { blocks: SlackBlock[]; omitted: number } {
  const blocks: SlackBlock[] = [];
  let used = 0;
  let omitted = 0;
  let stopped = false;
  let current = '';
  const flush = () => {
    if (current) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
    current = '';
  };
  for (const group of groups) {
    if (stopped || group.length === 0) {
      omitted += group.length;
      continue;
    }
    flush();
    let first = true;
    for (const line of group) {
      if (stopped) {
        omitted++;
        continue;
      }
      for (const piece of pieces(line, SECTION_MAX)) {
        const joined = current ? `${current}\n${piece}` : piece;
        const cost = joined.length - current.length;
        if (used + cost > limits.budget) {
          stopped = true;
          break;
        }
        if (joined.length <= SECTION_MAX) {
          if (!current) {
            // A new block (and, for a later group's first line, the divider before it).
            const divider = first && blocks.length > 0 ? 1 : 0;
            if (blocks.length + divider + 1 > limits.maxBlocks) {
              stopped = true;
              break;
            }
            if (divider) blocks.push({ type: 'divider' });
          }
          current = joined;
          used += cost;
        } else {
          if (blocks.length + 2 > limits.maxBlocks) {
            stopped = true;
            break;
          }
          flush();
          current = piece;
          used += piece.length;
        }
        first = false;
      }
      if (stopped) omitted++;
    }
  }
  flush();
  if (blocks.length === 0 && omitted === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: ' ' } });
  return { blocks, omitted };
}

function pieces(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += max) out.push(line.slice(i, i + max));
  return out;
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
