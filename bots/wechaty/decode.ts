import type { Message as MessageInterface, Wechaty as WechatyInterface } from 'wechaty';
import type { InboundEvent } from '../../src/conversation/types.ts';
import { wechatyContactRef, wechatyRoomRef, wechatyTenantId } from './refs.ts';

export interface WechatyDecodeContext {
  bot: WechatyInterface;
  /** `types.Message` from the lazily imported wechaty module (no value import of wechaty here). */
  messageTypes: { Text: number; Location: number };
  receivedAt: Date;
  /** Whether the talker is already a Legwork user (see transport.ts for why rooms need it). */
  knowsTalker(externalId: string): Promise<boolean>;
}

export type WechatyDecoded = { kind: 'event'; event: InboundEvent } | { kind: 'ignored'; reason: string };

/**
 * A Wechaty message as a platform-neutral event, or why it is ignored:
 * - our own messages (`msg.self()`): ignored, else every reply would be answered;
 * - 1:1 chats: text and locations;
 * - rooms: text only when it @mentions the bot (the mention is stripped), so ordinary group chatter
 *   gets no answers; a location from someone already using Legwork (a rep finishing a check-in in
 *   the team group), not from strangers sharing a place for other reasons.
 * Locations are read with `new bot.Location(await bot.puppet.messageLocation(id))`:
 * `message.toLocation()` throws in wechaty 1.20.2. WeChat's map picker gives GCJ-02.
 */
export async function decodeWechatyMessage(msg: MessageInterface, context: WechatyDecodeContext): Promise<WechatyDecoded> {
  if (msg.self()) return { kind: 'ignored', reason: 'own message' };
  const type = msg.type();
  if (type !== context.messageTypes.Text && type !== context.messageTypes.Location) {
    return { kind: 'ignored', reason: `message type ${type}` };
  }
  const talker = msg.talker();
  const room = msg.room();
  const base = {
    platform: 'wechaty',
    eventId: msg.id,
    tenantId: wechatyTenantId,
    sender: { externalId: talker.id, displayName: talker.name() || talker.id, directRef: wechatyContactRef(talker.id) },
    conversation: room ? { ref: wechatyRoomRef(room.id), kind: 'group' as const } : { ref: wechatyContactRef(talker.id), kind: 'direct' as const },
    receivedAt: context.receivedAt,
  } satisfies Omit<InboundEvent, 'text' | 'location'>;

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
