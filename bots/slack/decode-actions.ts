import { z } from 'zod';
import type { Language } from '../../src/conversation/intents/types.ts';
import type { InboundEvent } from '../../src/conversation/types.ts';
import { CHOICE_ACTION_PREFIX, parseChoicesBlockId } from './encode.ts';
import { channelConversation, senderOf } from './decode.ts';
import { slackChannelRef, slackUserRef } from './refs.ts';

const slackId = z.string().regex(/^[A-Z0-9]{2,40}$/);

/**
 * The parts of a block_actions payload a quick-answer tap needs
 * (https://docs.slack.dev/reference/interaction-payloads/block_actions-payload).
 */
const choiceTapSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: slackId, team_id: slackId.optional() }),
  team: z.object({ id: slackId }).nullable().optional(),
  channel: z.object({ id: slackId }).optional(),
  container: z
    .object({ channel_id: slackId.optional(), message_ts: z.string().optional(), is_ephemeral: z.boolean().optional() })
    .optional(),
  message: z.object({ ts: z.string(), blocks: z.array(z.record(z.string(), z.unknown())).max(50).optional() }).optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        block_id: z.string().max(255).optional(),
        value: z.string().max(2000).optional(),
        text: z.object({ text: z.string() }).optional(),
        action_ts: z.string().min(1).max(64),
      }),
    )
    .min(1)
    .max(25),
});

export type ChoiceTapPayload = z.infer<typeof choiceTapSchema>;

/** A decoded tap on a quick answer, with what the adapter needs to mark the message as answered. */
export interface ChoiceTap {
  event: InboundEvent;
  /** The tapped button's label and the message's language, for "已选择：…" in place of the buttons. */
  label: string;
  language?: Language;
  /** The message the buttons are on, when Slack sent it (not for ephemeral messages): chat.update can edit it. */
  message?: { channel: string; ts: string; blocks: Record<string, unknown>[] };
}

/**
 * A tap on one of our quick-answer buttons (`legwork_choice_<i>`, encode.ts `choiceButtons`) as the
 * person's message: the button's value is the reply, the block id gives the question it answers.
 * It is said where the buttons were, as a typed message there would be: in the person's DM with the
 * app, or privately to them in a channel (where the question itself was ephemeral).
 *
 * The event id is the action's `action_ts` and the user: unique per tap, and the same when Slack (or
 * a proxy) delivers the same payload again, so the engine's processed_events row dedupes it.
 * Undefined for any other payload.
 */
export function decodeChoiceTap(body: unknown, receivedAt: Date): ChoiceTap | undefined {
  const parsed = choiceTapSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const payload = parsed.data;
  const action = payload.actions.find((a) => a.action_id.startsWith(CHOICE_ACTION_PREFIX));
  const block = parseChoicesBlockId(action?.block_id);
  const channel = payload.channel?.id ?? payload.container?.channel_id;
  const teamId = payload.team?.id ?? payload.user.team_id;
  const text = action?.value?.trim();
  if (!action || !block || !channel || !teamId || !text) return undefined;
  const user = payload.user.id;
  const direct = channel.startsWith('D');
  const event: InboundEvent = {
    platform: 'slack',
    eventId: `action:${user}:${action.action_ts}`,
    tenantId: teamId,
    sender: senderOf(user, {}, direct ? slackChannelRef(channel) : slackUserRef(user)),
    conversation: direct ? { ref: slackChannelRef(channel), kind: 'direct' } : channelConversation(channel, user, text),
    text,
    receivedAt,
    quickAnswer: block.questionId ? { questionId: block.questionId } : {},
  };
  const message =
    payload.message?.blocks && !payload.container?.is_ephemeral ? { channel, ts: payload.message.ts, blocks: payload.message.blocks } : undefined;
  return { event, label: action.text?.text ?? text, ...(block.language ? { language: block.language } : {}), ...(message ? { message } : {}) };
}
