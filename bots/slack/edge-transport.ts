import type { Hono } from 'hono';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { limitBody } from '../../src/http/body-limit.ts';
import { readSlackRequest } from './request-intake.ts';
import { answerWithinDeadline, DEFAULT_ACK_DEADLINE_MS } from './answer-deadline.ts';
import type { SlackAck, SlackHandlers } from './handlers.ts';

export interface EdgeSlackTransportDeps {
  signingSecret: string;
  clock: Clock;
  logger: Logger;
  handlers: SlackHandlers;
  /** The bot's user id (to strip the leading @mention), from config or auth.test. */
  botUserId(): Promise<string | undefined>;
  /** Keeps work going after the response (`ctx.waitUntil` on Workers). */
  defer(work: Promise<unknown>): void;
  /** Below Slack's 3 s, as the Node receiver's (default 2.5 s). */
  ackDeadlineMs?: number;
  maxBodyBytes?: number;
}

/**
 * `POST /slack/events` without Bolt, for the Cloudflare Worker: the same intake (`request-intake.ts`:
 * size cap, signature, parsing, URL check), answer rules (`answer-deadline.ts`) and handlers
 * (`handlers.ts`) as the Node adapter, with Bolt's routing (event type, slash command, view
 * callback id, block actions) done here. Work that outlives the deadline goes to `defer`
 * (`ctx.waitUntil`), so Slack has its answer within 3 s however slow the turn.
 */
export function mountEdgeSlackRoutes(http: Hono, deps: EdgeSlackTransportDeps): void {
  const maxBodyBytes = deps.maxBodyBytes ?? 1024 * 1024;
  const ackDeadlineMs = deps.ackDeadlineMs ?? DEFAULT_ACK_DEADLINE_MS;

  http.post('/slack/events', limitBody(maxBodyBytes), async (c) => {
    const { signingSecret, clock, logger } = deps;
    const intake = await readSlackRequest(c, { signingSecret, clock, logger, maxBodyBytes });
    if (intake.kind === 'answered') return intake.response;
    return answerWithinDeadline(c, {
      body: intake.body,
      logger,
      ackDeadlineMs,
      process: (ack) => dispatch(deps, intake.body, ack),
      continueAfterAnswer: (processing) => deps.defer(processing),
    });
  });
}

/** Bolt's routing: which handler a payload goes to (https://docs.slack.dev/tools/bolt-js/concepts/event-listening). */
async function dispatch(deps: EdgeSlackTransportDeps, body: Record<string, unknown>, ack: SlackAck): Promise<void> {
  const { handlers } = deps;
  if (body.type === 'event_callback') {
    // Events are acknowledged before their listener runs (as Bolt does); a failure still answers 500.
    await ack();
    const event = (body.event ?? {}) as { type?: string; tab?: string; user?: string };
    if (event.type === 'message') return handlers.message(body);
    if (event.type === 'app_mention') return handlers.mention(body, await deps.botUserId());
    if (event.type === 'app_home_opened' && typeof event.user === 'string') return handlers.appHomeOpened({ tab: event.tab, user: event.user }, body);
    return;
  }
  if (typeof body.command === 'string') {
    if (handlers.commandPattern.test(body.command)) return handlers.command(body, ack);
    return ack();
  }
  if (body.type === 'view_submission') {
    const callbackId = (body.view as { callback_id?: unknown } | undefined)?.callback_id;
    const handler = typeof callbackId === 'string' ? handlers.views[callbackId] : undefined;
    return handler ? handler(body, ack) : ack();
  }
  // block_actions: as Bolt's `app.action(...)` listeners on Node, a quick answer's tap is the person's
  // answer; our link buttons' taps are acked (the button opened its URL; Slack still posts the tap).
  // Legwork handles no other action.
  if (body.type === 'block_actions') {
    const actions = Array.isArray(body.actions) ? (body.actions as { action_id?: unknown }[]) : [];
    const ours = (pattern: RegExp) => actions.some((a) => typeof a.action_id === 'string' && pattern.test(a.action_id));
    if (ours(handlers.choiceActionPattern)) return handlers.choice(body, ack);
    if (ours(handlers.linkActionPattern)) return ack();
  }
  // Anything no listener takes (another app's action, view_closed, shortcuts) is not acked, as on
  // Node where no Bolt listener matches: the transport's answer is then the same on both (an
  // empty 200 once processing is done, answer-deadline.ts), and nothing is stored or called.
}
