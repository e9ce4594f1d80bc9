import type { Message as MessageInterface, Wechaty as WechatyInterface } from 'wechaty';
import type { InboundAttachment, InboundEvent } from '../../src/conversation/types.ts';
import { wechatyContactRef, wechatyRoomRef, wechatyTenantId } from './refs.ts';

export interface WechatyDecodeContext {
  bot: WechatyInterface;
  /** `types.Message` from the lazily imported wechaty module (no value import of wechaty here). */
  messageTypes: WechatyMessageTypes;
  receivedAt: Date;
  /** Whether the talker is already a Legwork user (see transport.ts for why rooms need it). */
  knowsTalker(externalId: string): Promise<boolean>;
}

/** The `types.Message` values the decoder tells apart (numbers from the lazily imported module). */
export interface WechatyMessageTypes {
  Text: number;
  Location: number;
  Image: number;
  Attachment: number;
  Audio: number;
  Video: number;
  Url: number;
}

export type WechatyDecoded = { kind: 'event'; event: InboundEvent } | { kind: 'ignored'; reason: string };

/**
 * A Wechaty message as a platform-neutral event, or why it is ignored:
 * - our own messages (`msg.self()`): ignored, else every reply would be answered;
 * - 1:1 chats: text and locations; pictures, files, voice, video and links as an attachment;
 * - rooms: text only when it @mentions the bot (the mention is stripped), so ordinary group chatter
 *   gets no answers; a location from someone already using Legwork (a rep finishing a check-in in
 *   the team group), not from strangers sharing a place for other reasons.
 * Locations are read with `new bot.Location(await bot.puppet.messageLocation(id))`:
 * `message.toLocation()` throws in wechaty 1.20.2. WeChat's map picker gives GCJ-02.
 */
export async function decodeWechatyMessage(msg: MessageInterface, context: WechatyDecodeContext): Promise<WechatyDecoded> {
  if (msg.self()) return { kind: 'ignored', reason: 'own message' };
  const type = msg.type();
  const talker = msg.talker();
  const room = msg.room();
  const attachment = attachmentKind(type, context.messageTypes);
  if (type !== context.messageTypes.Text && type !== context.messageTypes.Location && !(attachment && !room)) {
    // Photos and files in a room cannot @mention the bot: they are the group's own conversation.
    return { kind: 'ignored', reason: `message type ${type}${room ? ' in a room' : ''}` };
  }
  const base = {
    platform: 'wechaty',
    eventId: msg.id,
    tenantId: wechatyTenantId,
    sender: { externalId: talker.id, displayName: talker.name() || talker.id, directRef: wechatyContactRef(talker.id) },
    conversation: room ? { ref: wechatyRoomRef(room.id), kind: 'group' as const } : { ref: wechatyContactRef(talker.id), kind: 'direct' as const },
    receivedAt: context.receivedAt,
  } satisfies Omit<InboundEvent, 'text' | 'location'>;

  if (attachment) return { kind: 'event', event: { ...base, attachment: { kind: attachment } } };

  if (type === context.messageTypes.Location) {
    if (room && !(await context.knowsTalker(talker.id))) return { kind: 'ignored', reason: 'location in a room from a stranger' };
    const location = new context.bot.Location(await context.bot.puppet.messageLocation(msg.id));
    const label = location.name() || location.address();
    const accuracy = location.payload.accuracy;
    return {
      kind: 'event',
      event: {
        ...base,
        location: {
          lat: location.latitude(),
          lng: location.longitude(),
          system: 'gcj02',
          ...(Number.isFinite(accuracy) && accuracy > 0 ? { accuracy } : {}),
          ...(label ? { label } : {}),
        },
      },
    };
  }

  if (room) {
    if (!(await msg.mentionSelf())) return { kind: 'ignored', reason: 'room text without @mention' };
    return { kind: 'event', event: { ...base, text: await msg.mentionText() } };
  }
  return { kind: 'event', event: { ...base, text: msg.text() } };
}

/** A 1:1 picture, file, voice message, video or shared link: nothing Legwork reads, answered once by the engine. */
function attachmentKind(type: number, types: WechatyMessageTypes): InboundAttachment['kind'] | undefined {
  if (type === types.Image) return 'image';
  if (type === types.Attachment) return 'file';
  if (type === types.Audio) return 'voice';
  if (type === types.Video) return 'video';
  if (type === types.Url) return 'link';
  return undefined;
}
