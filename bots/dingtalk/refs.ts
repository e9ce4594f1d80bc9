/**
 * Conversation refs the DingTalk adapter issues. They carry everything `send` needs, so a reminder
 * stored weeks ago can still be delivered without any other lookup:
 * - `dingtalk:user:<staffId>`: a person 1:1 (OpenAPI `oToMessages/batchSend` takes staff ids);
 * - `dingtalk:group:<openConversationId>`: a group chat (`groupMessages/send`). For app robots the
 *   callback's `conversationId` is the group's openConversationId.
 */
export const DINGTALK_PLATFORM = 'dingtalk';

export type DingTalkTarget = { kind: 'user'; userId: string } | { kind: 'group'; openConversationId: string };

export const dingtalkUserRef = (userId: string) => `${DINGTALK_PLATFORM}:user:${userId}`;
export const dingtalkGroupRef = (openConversationId: string) => `${DINGTALK_PLATFORM}:group:${openConversationId}`;

/** The target behind a ref this adapter issued, or undefined for anything else. */
export function parseDingTalkRef(ref: string): DingTalkTarget | undefined {
  const match = /^dingtalk:(user|group):(.+)$/s.exec(ref);
  if (!match) return undefined;
  const id = match[2]!;
  return match[1] === 'user' ? { kind: 'user', userId: id } : { kind: 'group', openConversationId: id };
}

/**
 * Whether a user id is a staff id (userid) that the OpenAPI accepts. When DingTalk leaves
 * `senderStaffId` empty (people from outside the org), the adapter falls back to `senderId`, an
 * opaque `$:LWCP_v1:$…` id that only a session webhook can reach.
 */
export function isStaffId(userId: string): boolean {
  return !userId.startsWith('$:');
}
