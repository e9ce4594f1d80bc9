import { z } from 'zod';
import type { InboundAttachment, InboundEvent } from '../../src/conversation/types.ts';
import { DINGTALK_PLATFORM, dingtalkGroupRef, dingtalkUserRef } from './refs.ts';

/**
 * The robot message DingTalk pushes (Stream frame `data`, or the HTTP callback body), as documented in
 * "机器人接收消息" (https://open.dingtalk.com/document/orgapp/receive-message) and the samples in
 * https://open-dingtalk.github.io/developerpedia/docs/learn/bot/message. Fields we do not use are
 * dropped; lengths are bounded so a hostile payload cannot make us store megabytes.
 */
const id = z.string().min(1).max(256);
const optionalId = z.string().max(256).optional();

export const robotMessageSchema = z
  .object({
    msgId: id,
    conversationId: id,
    /** A string: '1' is a 1:1 chat with the robot, '2' a group chat (only @-mentions arrive there). */
    conversationType: z.enum(['1', '2']),
    conversationTitle: z.string().max(512).optional(),
    senderId: optionalId,
    senderStaffId: optionalId,
    senderNick: z.string().max(256).optional(),
    senderCorpId: optionalId,
    chatbotCorpId: optionalId,
    robotCode: optionalId,
    isInAtList: z.boolean().optional(),
    createAt: z.number().optional(),
    sessionWebhook: z.string().max(2048).optional(),
    sessionWebhookExpiredTime: z.number().optional(),
    msgtype: z.string().max(64),
    text: z.object({ content: z.string().max(100_000) }).optional(),
    content: z.unknown().optional(),
  })
  .refine((m) => Boolean(m.senderStaffId || m.senderId), { message: 'senderStaffId or senderId is required' });

export type RobotMessage = z.infer<typeof robotMessageSchema>;

/** Where a reply can go without the OpenAPI: the temporary webhook of the message's conversation. */
export interface SessionWebhook {
  url: string;
  expiresAt: Date;
  /** The conversation the webhook posts into (a ref this adapter issued). */
  conversationRef: string;
  /** The person who wrote, so a group reply can @-mention them. */
  senderUserId: string;
  group: boolean;
}

export interface DecodedRobotMessage {
  event: InboundEvent;
  session?: SessionWebhook;
}

export type DecodeResult = { ok: true; value: DecodedRobotMessage } | { ok: false; reason: string };

/** Parses and decodes a robot message; `raw` is the JSON string of a Stream frame or a parsed body. */
export function decodeRobotMessage(raw: unknown, receivedAt: Date): DecodeResult {
  let input = raw;
  if (typeof raw === 'string') {
    try {
      input = JSON.parse(raw);
    } catch {
      return { ok: false, reason: 'data is not JSON' };
    }
  }
  const parsed = robotMessageSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  }
  return { ok: true, value: toEvent(parsed.data, receivedAt) };
}

function toEvent(message: RobotMessage, receivedAt: Date): DecodedRobotMessage {
  const group = message.conversationType === '2';
  // Staff ids are what the OpenAPI sends to; people from outside the org have none, and then the
  // opaque senderId is the only stable id (reachable through session webhooks only).
  const userId = message.senderStaffId || message.senderId!;
  const directRef = dingtalkUserRef(userId);
  const conversationRef = group ? dingtalkGroupRef(message.conversationId) : directRef;
  const text = messageText(message);
  const attachment = messageAttachment(message, text);
  const event: InboundEvent = {
    platform: DINGTALK_PLATFORM,
    eventId: message.msgId,
    tenantId: message.senderCorpId || message.chatbotCorpId || DINGTALK_PLATFORM,
    sender: {
      externalId: userId,
      ...(message.senderNick ? { displayName: message.senderNick } : {}),
      directRef,
    },
    conversation: { ref: conversationRef, kind: group ? 'group' : 'direct' },
    ...(text !== undefined ? { text: group ? stripLeadingMentions(text) : text.trim() } : {}),
    ...(attachment ? { attachment } : {}),
    receivedAt,
  };
  const session =
    message.sessionWebhook && message.sessionWebhookExpiredTime
      ? {
          url: message.sessionWebhook,
          expiresAt: new Date(message.sessionWebhookExpiredTime),
          conversationRef,
          senderUserId: userId,
          group,
        }
      : undefined;
  return { event, ...(session ? { session } : {}) };
}

/**
 * The words of a message. Robots cannot receive locations; besides text, rich text carries text
 * parts and voice messages come with DingTalk's speech recognition. Pictures, files and video have
 * no text: they are decoded as an attachment, which the engine answers with what it understands.
 */
function messageText(message: RobotMessage): string | undefined {
  if (message.msgtype === 'text') return message.text?.content;
  const content = message.content as Record<string, unknown> | undefined;
  if (!content || typeof content !== 'object') return undefined;
  if (message.msgtype === 'audio' && typeof content.recognition === 'string') return content.recognition;
  if (message.msgtype === 'richText' && Array.isArray(content.richText)) {
    const parts = content.richText
      .map((part: unknown) => (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : ''))
      .filter(Boolean);
    return parts.length ? parts.join('\n') : undefined;
  }
  return undefined;
}

/** msgtypes that carry something other than words ("接收的消息类型": picture, file, video, audio). */
const attachmentKinds: Readonly<Record<string, InboundAttachment['kind']>> = {
  picture: 'image',
  file: 'file',
  video: 'video',
  audio: 'voice',
};

/**
 * What a message carried besides its words: a picture, file or video; a voice message DingTalk could
 * not transcribe (with a transcript it is just words); a picture inside rich text.
 */
function messageAttachment(message: RobotMessage, text: string | undefined): InboundAttachment | undefined {
  if (message.msgtype === 'audio') return text === undefined ? { kind: 'voice' } : undefined;
  const kind = attachmentKinds[message.msgtype];
  if (kind) return { kind };
  if (message.msgtype === 'richText') {
    const parts = (message.content as { richText?: unknown } | undefined)?.richText;
    const hasPicture = Array.isArray(parts) && parts.some((part) => (part as { type?: unknown } | null)?.type === 'picture');
    return hasPicture ? { kind: 'image' } : undefined;
  }
  return undefined;
}

/**
 * In groups DingTalk removes the robot's own @-mention but leaves a leading space (and sometimes the
 * mention itself, followed by U+2005, when the client sends it as rich text). Leading @-mentions are
 * never part of a command, so they go.
 */
export function stripLeadingMentions(text: string): string {
  return text.replace(/^[\s\u2005]*(?:@[^\s\u2005]+[\s\u2005]*)*/u, '').trim();
}
