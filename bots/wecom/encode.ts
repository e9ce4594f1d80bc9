import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { Language } from '../../src/conversation/intents/types.ts';
import { answerKey, choiceKey, replyKey } from './refs.ts';
import { splitUtf8, truncateUtf8 } from './split-utf8.ts';
import { omittedNote, sectionLine } from '../message-sections.ts';
import { choicesHeading } from '../choice-text.ts';

/**
 * A choice the rep can tap instead of typing: `reply` is exactly the text the core expects
 * (`2` for the second customer in a list, `日报 …` to submit a report).
 * Not yet part of the core's OutboundMessage; rendered as a template card when present.
 */
export interface MessageChoice {
  label: string;
  reply: string;
}

export type WeComOutbound = OutboundMessage & { choices?: readonly MessageChoice[] };

/** The `msgtype` + content part of a `message/send` or `appchat/send` body (agentid/touser added by api.ts). */
export type WeComMessageBody = { msgtype: string } & Record<string, unknown>;

/** Byte limits from the docs (https://developer.work.weixin.qq.com/document/path/90236, /99110). */
export const limits = {
  appText: 2048,
  appMarkdown: 2048,
  textcardTitle: 128,
  textcardDescription: 512,
  robotMarkdown: 4096,
  /** Parts one structured message may take (a member gets at most 30 app messages a minute). */
  markdownParts: 8,
  buttons: 6,
  voteOptions: 20,
} as const;

/**
 * An app message (to members or an app group chat), as one or more bodies sent in order:
 * - choices → `template_card` (button_interaction up to 6, vote_interaction up to 20), keyed with
 *   the text they stand for and their label (decode.ts maps the `template_card_event` back to the
 *   text; the label is what the card says once tapped, see `chosenButtonName`). A short question
 *   (which customer?) is the card alone, its text as the card's title and sub title; a structured
 *   message with choices (a page of a long answer and its "next page") is its sections as below, then
 *   a card with a short title and the buttons, so the page is never squeezed into a card's sub title;
 * - sections (digests, leaderboards, a day's plan with a check-in link per stop) → `markdown`, split
 *   between lines at 2,048 bytes (see `sectionsMarkdown`), unless `markdown: false`;
 * - an action → `textcard` (the link as a button) when the text fits the card;
 * - otherwise `text`, split on UTF-8 boundaries at 2,048 bytes.
 * `taskId` must be unique per app and stable across retries: the outbox id is.
 */
export function encodeAppMessage(
  message: WeComOutbound,
  taskId: string,
  options: { cards?: boolean; markdown?: boolean } = {},
): WeComMessageBody[] {
  const { cards = true, markdown = true } = options;
  const choices = message.choices ?? [];
  const keys = cards && choices.length > 0 && choices.length <= limits.voteOptions ? cardKeys(choices, message.language, message.questionId) : undefined;
  if (keys && !message.sections?.length) return [templateCard(message, choices, keys, taskId)];
  const content = contentBodies(message, markdown);
  // One card per message, after the content: the task id stays unique per app (the outbox id's).
  return keys ? [...content, buttonsCard(message, choices, keys, taskId)] : content;
}

/** A message's content without its choices: markdown sections, a textcard for a link, or text. */
function contentBodies(message: WeComOutbound, markdown: boolean): WeComMessageBody[] {
  const text = withTitle(message);
  // Markdown is off where members read WeCom inside WeChat (the plugin shows no markdown): then the
  // plain rendering below carries the digest.
  if (markdown && message.sections?.length) {
    return sectionsMarkdown(message, limits.appMarkdown).map((content) => ({ msgtype: 'markdown', markdown: { content } }));
  }
  const action = message.actions?.[0];
  if (action && Buffer.byteLength(message.text, 'utf8') <= limits.textcardDescription) {
    return [
      {
        msgtype: 'textcard',
        textcard: {
          title: truncateUtf8(message.title ?? firstLine(message.text), limits.textcardTitle),
          description: message.text,
          url: action.url,
          // WeCom shows at most 4 characters and defaults to 详情; a longer label would be cut mid-word.
          ...([...action.label].length <= 4 ? { btntxt: action.label } : {}),
        },
      },
    ];
  }
  return splitUtf8(text, limits.appText).map((content) => ({ msgtype: 'text', text: { content } }));
}

/**
 * A group robot message: markdown (4,096 bytes per message), split on line breaks / character
 * boundaries; links as markdown links. Group robots cannot send interactive cards back to us.
 */
export function encodeRobotMessage(message: OutboundMessage): WeComMessageBody[] {
  if (message.sections?.length) {
    return sectionsMarkdown(message, limits.robotMarkdown).map((content) => ({ msgtype: 'markdown', markdown: { content } }));
  }
  const parts: string[] = [];
  if (message.title) parts.push(`**${message.title}**`);
  parts.push(message.text);
  for (const action of message.actions ?? []) {
    if (!message.text.includes(action.url)) parts.push(`[${action.label}](${action.url})`);
  }
  return splitUtf8(parts.join('\n'), limits.robotMarkdown).map((content) => ({ msgtype: 'markdown', markdown: { content } }));
}

/**
 * A structured message as WeCom markdown (the subset app messages and group robots render, see
 * https://developer.work.weixin.qq.com/document/path/90236: headings, bold, links, quotes, font
 * colours; no lists, so list items keep their `•`): `### title`, each section after a blank line
 * with its heading in bold, one line each, links at the end. Split between lines into messages of
 * at most `maxBytes`, a heading never left at the end of one; beyond `limits.markdownParts` messages
 * the rest is left out and the last message says how many lines.
 */
export function sectionsMarkdown(message: OutboundMessage, maxBytes: number): string[] {
  const lines: { text: string; counts: boolean; heading?: boolean }[] = [];
  if (message.title) lines.push({ text: `### ${message.title}`, counts: false, heading: true });
  for (const section of message.sections ?? []) {
    if (lines.length) lines.push({ text: '', counts: false });
    if (section.heading) lines.push({ text: `**${section.heading}**`, counts: true, heading: true });
    for (const line of section.lines) {
      const { text, bullet } = sectionLine(line);
      lines.push({ text: bullet ? `• ${text}` : text, counts: true });
    }
    // A section's own button (a plan stop's check-in): cards carry at most 6 link buttons and too
    // little text for a day's plan, so it is a link under the section's lines.
    if (section.action) lines.push({ text: `[${section.action.label.replace(/[[\]]/g, ' ')}](${section.action.url})`, counts: true });
  }
  for (const action of message.actions ?? []) lines.push({ text: `[${action.label}](${action.url})`, counts: true });
  // A line longer than a message (never in practice) is cut at character boundaries.
  const pieces = lines.flatMap((line) => (bytes(line.text) <= maxBytes ? [line] : splitUtf8(line.text, maxBytes).map((text) => ({ ...line, text }))));
  const parts = packLines(pieces, maxBytes);
  if (parts.length <= limits.markdownParts) return parts.map((part) => render(pieces, part));
  // Too many messages: keep the first ones and fill the last allowed one up to room for the note.
  const kept = parts.slice(0, limits.markdownParts - 1).map((part) => render(pieces, part));
  const start = parts[limits.markdownParts - 1]![0]!;
  const reserve = bytes(omittedNote(message.language, 99_999)) + 2;
  const [last] = packLines(pieces.slice(start), maxBytes - reserve);
  const end = start + last!.at(-1)! + 1;
  const omitted = pieces.slice(end).filter((line) => line.counts).length;
  const tail = render(pieces, last!.map((i) => i + start));
  return [...kept, `${tail}\n\n${omittedNote(message.language, omitted)}`];
}

/** Greedy packing of line indices into parts of at most `maxBytes` (joined with line breaks). */
function packLines(lines: readonly { text: string; heading?: boolean }[], maxBytes: number): number[][] {
  const parts: number[][] = [];
  let current: number[] = [];
  const size = (indices: readonly number[]) => indices.reduce((n, j, k) => n + bytes(lines[j]!.text) + (k ? 1 : 0), 0);
  const dangling = (j: number) => lines[j]!.heading === true || lines[j]!.text === '';
  for (const [i, line] of lines.entries()) {
    if (current.length && size([...current, i]) > maxBytes) {
      // Carry a heading (and the blank line before it) over to the part its lines are in.
      const carried: number[] = [];
      while (current.length > 1 && dangling(current.at(-1)!)) carried.unshift(current.pop()!);
      parts.push(current);
      current = carried.filter((j) => lines[j]!.text !== '');
      if (current.length && size([...current, i]) > maxBytes) {
        parts.push(current);
        current = [];
      }
    }
    if (!current.length && line.text === '') continue;
    current.push(i);
  }
  if (current.length) parts.push(current);
  return parts;
}

function render(lines: readonly { text: string }[], indices: readonly number[]): string {
  return indices.map((i) => lines[i]!.text).join('\n').trim();
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A question's card: its text as the title (the message's title or first line) and sub title. */
function templateCard(message: WeComOutbound, choices: readonly MessageChoice[], keys: readonly string[], taskId: string): WeComMessageBody {
  const title = message.title ?? firstLine(message.text);
  const rest = message.title ? message.text : message.text.split('\n').slice(1).join('\n');
  return interactionCard(choices, keys, { taskId, title, ...(rest.trim() ? { subTitle: rest } : {}) });
}

/**
 * The card under a structured message: the sections already went out as markdown (or text), so the
 * card has only a short title (the message's title, else "快捷回复") and the buttons.
 */
function buttonsCard(message: WeComOutbound, choices: readonly MessageChoice[], keys: readonly string[], taskId: string): WeComMessageBody {
  return interactionCard(choices, keys, { taskId, title: choicesHeading(message.title, message.language) });
}

function interactionCard(
  choices: readonly MessageChoice[],
  keys: readonly string[],
  card: { taskId: string; title: string; subTitle?: string },
): WeComMessageBody {
  const common = {
    task_id: card.taskId,
    main_title: { title: truncateUtf8(card.title, 120) },
    ...(card.subTitle ? { sub_title_text: card.subTitle } : {}),
  };
  if (choices.length <= limits.buttons) {
    return {
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        ...common,
        button_list: choices.map((choice, i) => ({ text: choice.label, style: i === 0 ? 1 : 2, key: keys[i]! })),
      },
    };
  }
  return {
    msgtype: 'template_card',
    template_card: {
      card_type: 'vote_interaction',
      ...common,
      checkbox: {
        question_key: 'choice',
        mode: 0,
        option_list: choices.map((choice, i) => ({ id: keys[i]!, text: choice.label })),
      },
      // Without a text WeCom shows its default label (提交); the card's language is not known here.
      submit_button: { key: 'submit' },
    },
  };
}

/**
 * The card's keys: the question's id, reply and label (`answer:[…]`), or the id and reply alone (the
 * card then says only "chosen" once tapped) where that is too long. A message without a question id
 * keeps the older keys (`choice:[…]`, `reply:…`). Button keys may be 1,024 bytes, vote option ids
 * 128: undefined when even the shortest key does not fit, and the choices fall back to typed text.
 */
function cardKeys(choices: readonly MessageChoice[], language: Language | undefined, questionId: string | undefined): string[] | undefined {
  const maxBytes = choices.length <= limits.buttons ? 1024 : 128;
  const fits = (key: string) => Buffer.byteLength(key, 'utf8') <= maxBytes;
  const keys: string[] = [];
  for (const choice of choices) {
    const candidates = questionId
      ? [answerKey(questionId, choice, language), answerKey(questionId, { reply: choice.reply })]
      : [choiceKey(choice, language), replyKey(choice.reply)];
    const key = candidates.find(fits);
    if (!key) return undefined;
    keys.push(key);
  }
  return keys;
}

/**
 * What a tapped card shows instead of its buttons (`update_template_card` → `button.replace_name`, one
 * disabled button): the label chosen, in the card's language, Chinese when the message had none
 * (whole phrases per language); just "chosen" for cards whose keys do not carry the label.
 */
export function chosenButtonName(label: string | undefined, language: Language | undefined): string {
  if (language === 'en-US') return label ? `Chosen: ${label}` : 'Chosen';
  return label ? `已选择：${label}` : '已选择';
}

function withTitle(message: OutboundMessage): string {
  return message.title && !message.text.startsWith(message.title) ? `${message.title}\n${message.text}` : message.text;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim() || text.slice(0, 40);
}
