import type { InboundAttachment, InboundEvent } from '../../src/conversation/types.ts';
import type { Language } from '../../src/conversation/intents/types.ts';
import { field, type XmlNode, type XmlValue } from './xml.ts';
import { parseChoiceKey, textOfReplyKey, wecomUserRef, wecomWebhookRef, type ChoiceKey } from './refs.ts';

/** What decoding needs besides the message: whose corp it is and how to read its coordinates. */
export interface WeComDecodeContext {
  corpId: string;
  locationSystem: 'gcj02' | 'wgs84';
  receivedAt: Date;
}

/**
 * A tap on one of our template cards (`template_card_event`), with what updating that person's card
 * afterwards takes: the single-use `ResponseCode` (valid 72 hours) and the label chosen.
 */
export interface WeComCardTap {
  userId: string;
  responseCode: string;
  taskId?: string;
  cardType?: string;
  /** The chosen button's / option's label, when the card's key carries it. */
  label?: string;
  language?: Language;
}

export type WeComDecoded =
  | { kind: 'event'; event: InboundEvent; cardTap?: WeComCardTap }
  | { kind: 'ignored'; reason: string };

/**
 * The card types `update_template_card` can turn into a disabled button
 * (https://developer.work.weixin.qq.com/document/path/94888); Legwork sends the first two.
 */
const updatableCardTypes: ReadonlySet<string> = new Set(['button_interaction', 'vote_interaction', 'multiple_interaction']);

/**
 * A decrypted callback message (https://developer.work.weixin.qq.com/document/path/90239 messages,
 * /90240 events) as a platform-neutral event, or why it is ignored. Only text, location, pictures,
 * voice, video, files and links (as attachments), and the events that stand for something the rep
 * would type (template-card buttons, menu clicks) reach the conversation; LOCATION reports are ignored (Legwork never tracks people, it only takes the
 * locations they send).
 */
export function decodeWeComMessage(message: XmlNode, context: WeComDecodeContext): WeComDecoded {
  const from = field(message, 'FromUserName');
  const msgType = field(message, 'MsgType');
  if (!from || !msgType) return { kind: 'ignored', reason: 'no sender or type' };

  if (msgType === 'event') return decodeEvent(message, from, context);

  const msgId = field(message, 'MsgId');
  if (!msgId) return { kind: 'ignored', reason: 'message without MsgId' };
  if (msgType === 'text') {
    const content = field(message, 'Content') ?? '';
    const binding = webhookBinding(content);
    if (binding) {
      // The group robot's group cannot talk to the app; the manager names it by its webhook URL.
      return { kind: 'event', event: base(from, msgId, context, { ref: wecomWebhookRef(binding.key), kind: 'group' }, binding.command) };
    }
    return { kind: 'event', event: base(from, msgId, context, direct(from), content) };
  }
  if (msgType === 'location') {
    // Location_X is the LATITUDE and Location_Y the longitude (the names suggest otherwise).
    const lat = Number.parseFloat(field(message, 'Location_X') ?? '');
    const lng = Number.parseFloat(field(message, 'Location_Y') ?? '');
    const label = field(message, 'Label');
    const event = base(from, msgId, context, direct(from), undefined);
    // NaN is passed on on purpose: the engine answers a broken position specifically.
    event.location = { lat, lng, system: context.locationSystem, ...(label ? { label } : {}) };
    return { kind: 'event', event };
  }
  const attachment = attachmentKinds[msgType];
  if (attachment) {
    // Nothing to read in these: the engine answers with what Legwork does understand.
    const event = base(from, msgId, context, direct(from), undefined);
    event.attachment = { kind: attachment };
    return { kind: 'event', event };
  }
  return { kind: 'ignored', reason: `message type ${msgType}` };
}

/**
 * Message types that carry no words Legwork reads ("接收普通消息",
 * https://developer.work.weixin.qq.com/document/path/90239: image, voice, video, link; file as
 * WeCom sends it from the chat's file picker).
 */
const attachmentKinds: Readonly<Record<string, InboundAttachment['kind']>> = {
  image: 'image',
  voice: 'voice',
  video: 'video',
  file: 'file',
  link: 'link',
};

function decodeEvent(message: XmlNode, from: string, context: WeComDecodeContext): WeComDecoded {
  const name = field(message, 'Event');
  const createTime = field(message, 'CreateTime');
  if (!name || !createTime) return { kind: 'ignored', reason: 'event without name or time' };
  const key = field(message, 'EventKey');
  // Events have no MsgId: WeCom's documented dedupe key is FromUserName + CreateTime (+ the event).
  const eventId = ['event', from, createTime, name, key ?? ''].join(':');
  if (name === 'click') {
    const text = textOfReplyKey(key);
    return text ? { kind: 'event', event: base(from, eventId, context, direct(from), text) } : { kind: 'ignored', reason: 'event click' };
  }
  if (name !== 'template_card_event') return { kind: 'ignored', reason: `event ${name}` };
  // A vote card's EventKey is its submit button; the answer is the chosen option's id.
  const choice = selectedOption(message) ?? parseChoiceKey(key);
  if (!choice) return { kind: 'ignored', reason: `event ${name}` };
  const event = base(from, eventId, context, direct(from), choice.reply);
  // A tap answers the question of the card it was on (older keys carry none; see dispatch.ts).
  event.quickAnswer = choice.questionId ? { questionId: choice.questionId } : {};
  const tap = cardTap(message, from, choice);
  return tap ? { kind: 'event', event, cardTap: tap } : { kind: 'event', event };
}

/** What updating the tapped card needs, or undefined when WeCom gave no ResponseCode or the card cannot be updated. */
function cardTap(message: XmlNode, userId: string, choice: ChoiceKey): WeComCardTap | undefined {
  const responseCode = field(message, 'ResponseCode');
  const cardType = field(message, 'CardType');
  if (!responseCode || (cardType && !updatableCardTypes.has(cardType))) return undefined;
  const taskId = field(message, 'TaskId');
  return {
    userId,
    responseCode,
    ...(taskId ? { taskId } : {}),
    ...(cardType ? { cardType } : {}),
    ...(choice.label ? { label: choice.label } : {}),
    ...(choice.language ? { language: choice.language } : {}),
  };
}

/** A vote card answer: the first chosen option id, when it is one of ours. */
function selectedOption(message: XmlNode): ChoiceKey | undefined {
  const items = asList(asNode(message.SelectedItems)?.SelectedItem);
  for (const item of items) {
    const node = asNode(item);
    const ids = asList(asNode(node?.OptionIds)?.OptionId);
    const choice = parseChoiceKey(typeof ids[0] === 'string' ? ids[0] : undefined);
    if (choice) return choice;
  }
  return undefined;
}

const direct = (userId: string) => ({ ref: wecomUserRef(userId), kind: 'direct' as const });

function base(
  from: string,
  eventId: string,
  context: WeComDecodeContext,
  conversation: InboundEvent['conversation'],
  text: string | undefined,
): InboundEvent {
  return {
    platform: 'wecom',
    eventId,
    tenantId: context.corpId,
    // App callbacks carry only the UserID; the name needs 通讯录 access many apps no longer get.
    sender: { externalId: from, displayName: from, directRef: wecomUserRef(from) },
    conversation,
    ...(text !== undefined ? { text } : {}),
    receivedAt: context.receivedAt,
  };
}

const bindWords = /^\s*(绑定团队|bind\s*team|bind)(?=[\s:：])/i;

/**
 * `绑定团队 华东 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…` sent to the app: the manager
 * binds the group whose robot that webhook belongs to. Returns the core's own bind command (without
 * the URL) and the robot key, or undefined for any other text.
 */
export function webhookBinding(content: string): { command: string; key: string } | undefined {
  const words = bindWords.exec(content);
  if (!words) return undefined;
  const urlMatch = /(\S*\/cgi-bin\/webhook\/send\?\S+)\s*$/.exec(content);
  if (!urlMatch) return undefined;
  let key: string | null;
  try {
    key = new URL(urlMatch[1]!).searchParams.get('key');
  } catch {
    return undefined;
  }
  if (!key || !/^[A-Za-z0-9-]{8,128}$/.test(key)) return undefined;
  const command = content.slice(0, urlMatch.index).trim();
  return { command, key };
}

function asNode(value: XmlValue | undefined): XmlNode | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function asList(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
