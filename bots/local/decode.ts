import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { InboundEvent } from '../../src/conversation/types.ts';

/** The body of `POST /local/messages` (DESIGN.md's local chat contract). */
export const localMessageSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    userId: z.string().min(1).max(200),
    channelId: z.string().min(1).max(200).optional(),
    text: z.string().max(100_000).optional(),
    displayName: z.string().max(200).optional(),
    /** The `questionId` of the delivered message whose quick answer this is (a tap, not typed text). */
    answers: z.string().min(1).max(200).optional(),
    location: z
      .object({
        lat: z.number(),
        lng: z.number(),
        system: z.enum(['wgs84', 'gcj02']).default('wgs84'),
        accuracy: z.number().nonnegative().optional(),
      })
      .optional(),
    /** A picture, file, voice message, video or link the person sent (only its kind: nothing is uploaded). */
    attachment: z.object({ kind: z.enum(['image', 'file', 'voice', 'video', 'link']) }).optional(),
  })
  .refine((m) => m.text !== undefined || m.location !== undefined || m.attachment !== undefined, {
    message: 'text, location or attachment is required',
  });

export type LocalMessage = z.infer<typeof localMessageSchema>;

export const localUserRef = (userId: string) => `local:user:${userId}`;
export const localChannelRef = (channelId: string) => `local:channel:${channelId}`;

/** A local chat message as a platform-neutral event. Without an id every post is a new event. */
export function decodeLocalMessage(message: LocalMessage, receivedAt: Date): InboundEvent {
  return {
    platform: 'local',
    eventId: message.id ?? randomUUID(),
    tenantId: 'local',
    sender: {
      externalId: message.userId,
      displayName: message.displayName ?? message.userId,
      directRef: localUserRef(message.userId),
    },
    conversation: message.channelId
      ? { ref: localChannelRef(message.channelId), kind: 'group' }
      : { ref: localUserRef(message.userId), kind: 'direct' },
    text: message.text,
    location: message.location,
    ...(message.attachment ? { attachment: message.attachment } : {}),
    receivedAt,
    ...(message.answers ? { quickAnswer: { questionId: message.answers } } : {}),
  };
}
