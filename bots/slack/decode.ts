import { z } from 'zod';
import type { InboundAttachment, InboundEvent } from '../../src/conversation/types.ts';
import type { Language } from '../../src/conversation/intents/types.ts';
import { parseIntent } from '../../src/conversation/intents/parse-intent.ts';
import { slackChannelRef, slackEphemeralRef, slackUserRef } from './refs.ts';

/** Profile hints from users.info, fetched only for people the engine has not met yet. */
export interface SenderHints {
  displayName?: string;
  timeZone?: string;
  language?: Language;
}

const slackId = z.string().regex(/^[A-Z0-9]{2,40}$/);

/** The Events API wrapper (https://docs.slack.dev/apis/events-api/#callback-field). */
const envelopeSchema = z.object({
  type: z.literal('event_callback'),
  team_id: slackId,
  event_id: z.string().min(1).max(200),
});

/**
 * Files shared with a message (https://docs.slack.dev/reference/objects/file-object): only the type
 * is read, to answer that Legwork does not read them; the files themselves are never fetched.
 */
const filesSchema = z.array(z.object({ mimetype: z.string().max(255).optional() }).passthrough()).max(100).optional();

/** message.im (https://docs.slack.dev/reference/events/message.im). */
const directMessageSchema = z.object({
  type: z.literal('message'),
  channel: slackId,
  channel_type: z.literal('im'),
  user: slackId,
  text: z.string().max(40_000).optional(),
  ts: z.string(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  files: filesSchema,
});

/**
 * Subtypes that are a person's own new message: none, or `file_share` (a message with files attached,
 * https://docs.slack.dev/reference/events/message/file_share). Edits, deletions, joins and bot posts
 * have other subtypes and are not for us.
 */
const personMessageSubtypes = new Set([undefined, 'file_share']);

/** app_mention (https://docs.slack.dev/reference/events/app_mention). */
const mentionSchema = z.object({
  type: z.literal('app_mention'),
  channel: slackId,
  user: slackId,
  text: z.string().max(40_000),
  ts: z.string(),
  bot_id: z.string().optional(),
  files: filesSchema,
});

/** A slash command's form fields (https://docs.slack.dev/interactivity/implementing-slash-commands). */
export const slashCommandSchema = z.object({
  command: z.string().regex(/^\/[\w-]{1,31}$/u),
  text: z.string().max(8_000),
  team_id: slackId,
  channel_id: slackId,
  user_id: slackId,
  user_name: z.string().optional(),
  trigger_id: z.string().min(1).max(200),
});

export type SlashCommand = z.infer<typeof slashCommandSchema>;

/** The command words our slash commands stand for; `/legwork <anything>` passes the text through. */
export const SLASH_COMMAND_WORDS: Readonly<Record<string, string>> = {
  '/checkin': 'checkin',
  '/checkout': 'checkout',
  '/visit': 'visit',
  '/report': 'report',
  '/leaderboard': 'leaderboard',
  '/legwork': '',
};

/**
 * The core's text command a slash command stands for: `/checkin Huawei` → `checkin Huawei`,
 * `/legwork 今天` → `今天`, bare `/legwork` → `help`.
 */
export function slashCommandText(command: string, text: string): string {
  const args = slackTextToPlain(text).trim();
  const word = SLASH_COMMAND_WORDS[command] ?? command.slice(1);
  if (!word) return args || 'help';
  return args ? `${word} ${args}` : word;
}

/**
 * Slack's message markup back to what the person typed: `<https://x|label>` → label, `<@U1>` → @U1,
 * `<#C1|sales>` → #sales, and the escaped `&amp;` `&lt;` `&gt;`
 * (https://docs.slack.dev/messaging/formatting-message-text).
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<([@#!]?)([^<>|]+)\|([^<>]*)>/g, (_m, sigil: string, _target: string, label: string) => `${sigil === '!' ? '@' : sigil}${label}`)
    .replace(/<([@#])([^<>]+)>/g, '$1$2')
    .replace(/<!([^<>]+)>/g, '@$1')
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The sender of an event. `directRef` is how to reach them alone later (reminders, digests): their IM
 * channel with the app when the event came from it (`slack:channel:D…`, one chat.postMessage), else
 * the person (`slack:user:U…`, which costs a conversations.open first).
 */
export function senderOf(user: string, hints: SenderHints, directRef?: string): InboundEvent['sender'] {
  return {
    externalId: user,
    ...(hints.displayName ? { displayName: hints.displayName } : {}),
    ...(hints.timeZone ? { timeZone: hints.timeZone } : {}),
    ...(hints.language ? { language: hints.language } : {}),
    ...(directRef ? { directRef } : {}),
  };
}

/**
 * Where answers to something said in a shared channel go: privately to the person (answers may carry
 * their personal, single-use location link), except binding a team, which must record the channel
 * itself for leaderboards and is worth announcing there.
 */
export function channelConversation(channel: string, user: string, text: string): InboundEvent['conversation'] {
  if (parseIntent(text).kind === 'bindTeam') return { ref: slackChannelRef(channel), kind: 'group' };
  return { ref: slackEphemeralRef(channel, user), kind: channel.startsWith('D') ? 'direct' : 'group' };
}

/** Ids of the sender and workspace of an Events API delivery, or undefined when it is not one we handle. */
export function eventSender(body: unknown): { teamId: string; user: string } | undefined {
  const envelope = envelopeSchema.safeParse(body);
  const user = (body as { event?: { user?: unknown } })?.event?.user;
  if (!envelope.success || typeof user !== 'string') return undefined;
  return { teamId: envelope.data.team_id, user };
}

/** A person's message in their DM with the app (with or without files); undefined for edits, bot posts and other subtypes. */
export function decodeDirectMessage(body: unknown, hints: SenderHints, receivedAt: Date): InboundEvent | undefined {
  const envelope = envelopeSchema.safeParse(body);
  const event = directMessageSchema.safeParse((body as { event?: unknown })?.event);
  if (!envelope.success || !event.success) return undefined;
  const m = event.data;
  if (!personMessageSubtypes.has(m.subtype) || m.bot_id !== undefined) return undefined;
  const attachment = attachmentOf(m.files);
  return {
    platform: 'slack',
    eventId: envelope.data.event_id,
    tenantId: envelope.data.team_id,
    sender: senderOf(m.user, hints, slackChannelRef(m.channel)),
    conversation: { ref: slackChannelRef(m.channel), kind: 'direct' },
    text: slackTextToPlain(m.text ?? ''),
    ...(attachment ? { attachment } : {}),
    receivedAt,
  };
}

/** `@Legwork bind East` in a channel. Mentions in DMs also arrive as message.im and are skipped here. */
export function decodeMention(body: unknown, botUserId: string | undefined, hints: SenderHints, receivedAt: Date): InboundEvent | undefined {
  const envelope = envelopeSchema.safeParse(body);
  const event = mentionSchema.safeParse((body as { event?: unknown })?.event);
  if (!envelope.success || !event.success) return undefined;
  const m = event.data;
  if (m.bot_id !== undefined || m.channel.startsWith('D')) return undefined;
  const text = slackTextToPlain(stripLeadingMention(m.text, botUserId)).trim();
  const attachment = attachmentOf(m.files);
  return {
    platform: 'slack',
    eventId: envelope.data.event_id,
    tenantId: envelope.data.team_id,
    sender: senderOf(m.user, hints, slackUserRef(m.user)),
    conversation: channelConversation(m.channel, m.user, text),
    text,
    ...(attachment ? { attachment } : {}),
    receivedAt,
  };
}

/** The first shared file's kind by its MIME type (an image, a video, an audio clip, or any file). */
function attachmentOf(files: z.infer<typeof filesSchema>): InboundAttachment | undefined {
  const file = files?.[0];
  if (!file) return undefined;
  const mime = file.mimetype ?? '';
  if (mime.startsWith('image/')) return { kind: 'image' };
  if (mime.startsWith('video/')) return { kind: 'video' };
  if (mime.startsWith('audio/')) return { kind: 'voice' };
  return { kind: 'file' };
}

/**
 * A slash command as the core's text command. Slack does not retry slash commands, and each
 * invocation has its own trigger_id, which makes a stable id for the delivery.
 */
export function decodeSlashCommand(command: SlashCommand, hints: SenderHints, receivedAt: Date): InboundEvent {
  const text = slashCommandText(command.command, command.text);
  return {
    platform: 'slack',
    eventId: `command:${command.trigger_id}`,
    tenantId: command.team_id,
    sender: senderOf(command.user_id, hints, slackUserRef(command.user_id)),
    conversation: channelConversation(command.channel_id, command.user_id, text),
    text,
    receivedAt,
  };
}

function stripLeadingMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/, '');
  return text.replace(new RegExp(`^\\s*<@${botUserId}(?:\\|[^>]*)?>[\\s,:]*`), '');
}
