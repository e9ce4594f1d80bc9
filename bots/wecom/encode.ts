import type { OutboundMessage } from '../../src/conversation/types.ts';
import { replyKey } from './refs.ts';
import { splitUtf8, truncateUtf8 } from './split-utf8.ts';

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
  textcardTitle: 128,
  textcardDescription: 512,
  robotMarkdown: 4096,
  buttons: 6,
  voteOptions: 20,
} as const;

/**
 * An app message (to members or an app group chat), as one or more bodies sent in order:
 * - choices → `template_card` (button_interaction up to 6, vote_interaction up to 20), keyed with
 *   the text they stand for (decode.ts maps the `template_card_event` back to it);
 * - an action → `textcard` (the link as a button) when the text fits the card;
 * - otherwise `text`, split on UTF-8 boundaries at 2,048 bytes.
 * `taskId` must be unique per app and stable across retries: the outbox id is.
 */
export function encodeAppMessage(message: WeComOutbound, taskId: string, options: { cards: boolean } = { cards: true }): WeComMessageBody[] {
  const text = withTitle(message);
  const choices = message.choices ?? [];
  if (options.cards && choices.length > 0 && choices.length <= limits.voteOptions && choices.every((c) => keyFits(c, choices.length))) {
    return [templateCard(message, choices, taskId)];
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
  const parts: string[] = [];
  if (message.title) parts.push(`**${message.title}**`);
  parts.push(message.text);
  for (const action of message.actions ?? []) {
    if (!message.text.includes(action.url)) parts.push(`[${action.label}](${action.url})`);
  }
  return splitUtf8(parts.join('\n'), limits.robotMarkdown).map((content) => ({ msgtype: 'markdown', markdown: { content } }));
}

function templateCard(message: WeComOutbound, choices: readonly MessageChoice[], taskId: string): WeComMessageBody {
  const title = truncateUtf8(message.title ?? firstLine(message.text), 120);
  const rest = message.title ? message.text : message.text.split('\n').slice(1).join('\n');
  const common = {
    task_id: taskId,
    main_title: { title },
    ...(rest.trim() ? { sub_title_text: rest } : {}),
  };
  if (choices.length <= limits.buttons) {
    return {
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        ...common,
        button_list: choices.map((choice, i) => ({ text: choice.label, style: i === 0 ? 1 : 2, key: replyKey(choice.reply) })),
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
        option_list: choices.map((choice) => ({ id: replyKey(choice.reply), text: choice.label })),
      },
      // Without a text WeCom shows its default label (提交); the card's language is not known here.
      submit_button: { key: 'submit' },
    },
  };
}

/** Button keys may be 1,024 bytes, vote option ids 128: a longer reply falls back to typed text. */
function keyFits(choice: MessageChoice, count: number): boolean {
  return Buffer.byteLength(replyKey(choice.reply), 'utf8') <= (count <= limits.buttons ? 1024 : 128);
}

function withTitle(message: OutboundMessage): string {
  return message.title && !message.text.startsWith(message.title) ? `${message.title}\n${message.text}` : message.text;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim() || text.slice(0, 40);
}
