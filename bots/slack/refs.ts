/**
 * Slack conversation refs: opaque to the core, but complete enough that `send(ref, …)` needs no
 * lookup beyond Slack itself. One workspace per bot token, so refs carry no team id.
 *
 * - `slack:user:<U…>`                 the person's DM with the app (reminders, digests): conversations.open
 * - `slack:channel:<C…|G…|D…>`        a channel, private channel or DM: chat.postMessage
 * - `slack:ephemeral:<channel>:<U…>`  visible only to that person in that channel (slash command
 *                                      answers, which may carry personal location links): chat.postEphemeral,
 *                                      falling back to the DM where Slack cannot show it
 */
export type SlackTarget =
  | { kind: 'user'; user: string }
  | { kind: 'channel'; channel: string }
  | { kind: 'ephemeral'; channel: string; user: string };

/** Slack ids are upper-case letters and digits (U…, W…, C…, G…, D…). */
const SLACK_ID = /^[A-Z0-9]{2,40}$/;

export const slackUserRef = (user: string) => `slack:user:${user}`;
export const slackChannelRef = (channel: string) => `slack:channel:${channel}`;
export const slackEphemeralRef = (channel: string, user: string) => `slack:ephemeral:${channel}:${user}`;

/** Parses a ref this adapter issued; undefined for anything else (the caller decides how to fail). */
export function parseSlackRef(ref: string): SlackTarget | undefined {
  const [platform, kind, a, b, ...rest] = ref.split(':');
  if (platform !== 'slack' || rest.length > 0 || !a || !SLACK_ID.test(a)) return undefined;
  if (kind === 'user' && b === undefined) return { kind: 'user', user: a };
  if (kind === 'channel' && b === undefined) return { kind: 'channel', channel: a };
  if (kind === 'ephemeral' && b !== undefined && SLACK_ID.test(b)) return { kind: 'ephemeral', channel: a, user: b };
  return undefined;
}

export function formatSlackRef(target: SlackTarget): string {
  switch (target.kind) {
    case 'user':
      return slackUserRef(target.user);
    case 'channel':
      return slackChannelRef(target.channel);
    case 'ephemeral':
      return slackEphemeralRef(target.channel, target.user);
  }
}
