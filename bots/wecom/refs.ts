import type { Language } from '../../src/conversation/intents/types.ts';

/**
 * WeCom conversation refs. Each carries everything `send` needs, so no lookup is required later:
 * - `wecom:user:<UserID>`    a member, through the app (`message/send`);
 * - `wecom:appchat:<chatid>` a group chat the app created (`appchat/send`);
 * - `wecom:webhook:<key>`    a group with a group robot (`webhook/send?key=`); bound to a team with
 *   `绑定团队 <团队> <robot webhook URL>` (see decode.ts), since app callbacks never come from groups.
 */
export type WeComTarget =
  | { kind: 'user'; userId: string }
  | { kind: 'appchat'; chatId: string }
  | { kind: 'webhook'; key: string };

export const wecomUserRef = (userId: string) => `wecom:user:${userId}`;
export const wecomAppChatRef = (chatId: string) => `wecom:appchat:${chatId}`;
export const wecomWebhookRef = (key: string) => `wecom:webhook:${key}`;

/** The target behind a ref, or undefined when it is not a WeCom ref this adapter issued. */
export function parseWeComRef(ref: string): WeComTarget | undefined {
  const match = /^wecom:(user|appchat|webhook):(.+)$/.exec(ref);
  if (!match) return undefined;
  const [, kind, id] = match as unknown as [string, string, string];
  if (kind === 'user') return { kind, userId: id };
  if (kind === 'appchat') return { kind, chatId: id };
  return { kind: 'webhook', key: id };
}

/**
 * Template-card buttons and options carry the text the rep would otherwise type (a customer number,
 * `日报 …`), prefixed so that a foreign key (another app's card, a menu item) is never mistaken for one.
 */
export const replyKeyPrefix = 'reply:';

export function replyKey(text: string): string {
  return `${replyKeyPrefix}${text}`;
}

/** The text a button / option key stands for, or undefined if it is not one of ours. */
export function textOfReplyKey(key: string | undefined): string | undefined {
  if (!key?.startsWith(replyKeyPrefix)) return undefined;
  const text = key.slice(replyKeyPrefix.length);
  return text.trim() ? text : undefined;
}

/**
 * The keys of our template cards' buttons and vote options: the text the tap stands for plus the
 * label the person saw (and the card's language when the message had one), so that the card can be
 * updated to say what was chosen without anything kept between sending the card and the tap (the
 * tap may reach another process, or come after a restart): `choice:["2","华为技术"]`,
 * `choice:["2","Huawei Tech","en-US"]`. `reply:<text>` keys (cards sent before, app menu items) are
 * still read.
 */
export const choiceKeyPrefix = 'choice:';

/** What a choice key carries. */
export interface ChoiceKey {
  /** The text the tap stands for. */
  reply: string;
  /** The button / option label, when the key carries it. */
  label?: string;
  language?: Language;
  /** The question the card asked (`answer:` keys); `choice:` and `reply:` keys, sent before, have none. */
  questionId?: string;
}

/**
 * Keys of cards that ask a question (today's form): the question's id first, so that a tap on an
 * older card is never taken as the answer to a newer question, then the reply, and the label and
 * language when they fit: `answer:["q1w2e3","2","华为技术","zh-CN"]`, or `answer:["q1w2e3","2"]`.
 */
export const answerKeyPrefix = 'answer:';

export function answerKey(questionId: string, choice: { reply: string; label?: string }, language?: Language): string {
  const rest = choice.label === undefined ? [] : language ? [choice.label, language] : [choice.label];
  return `${answerKeyPrefix}${JSON.stringify([questionId, choice.reply, ...rest])}`;
}

export function choiceKey(choice: { reply: string; label: string }, language?: Language): string {
  return `${choiceKeyPrefix}${JSON.stringify(language ? [choice.reply, choice.label, language] : [choice.reply, choice.label])}`;
}

/** An `answer:`, `choice:` or `reply:` key read back, or undefined if it is not one of ours. */
export function parseChoiceKey(key: string | undefined): ChoiceKey | undefined {
  if (key?.startsWith(answerKeyPrefix)) {
    const value = jsonArray(key.slice(answerKeyPrefix.length));
    if (typeof value?.[0] !== 'string' || !value[0] || typeof value[1] !== 'string') return undefined;
    const choice = labelled(value.slice(1));
    return choice && { ...choice, questionId: value[0] };
  }
  if (!key?.startsWith(choiceKeyPrefix)) {
    const reply = textOfReplyKey(key);
    return reply === undefined ? undefined : { reply };
  }
  const value = jsonArray(key.slice(choiceKeyPrefix.length));
  if (typeof value?.[1] !== 'string') return undefined;
  return labelled(value);
}

/** `[reply, label?, language?]` as a choice, or undefined without a reply. */
function labelled(value: unknown[]): ChoiceKey | undefined {
  const [reply, label, lang] = value;
  if (typeof reply !== 'string' || !reply.trim()) return undefined;
  const language = lang === 'zh-CN' || lang === 'en-US' ? (lang as Language) : undefined;
  return { reply, ...(typeof label === 'string' && label.trim() ? { label } : {}), ...(language ? { language } : {}) };
}

function jsonArray(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
