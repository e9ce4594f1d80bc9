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
