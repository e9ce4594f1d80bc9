import type { Context, Hono } from 'hono';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { failureStatus } from '../../src/http/failure-status.ts';
import { limitBody } from '../../src/http/body-limit.ts';
import { verifySlackSignature } from './verify.ts';
import { parseSlackBody } from './parse-body.ts';
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

type Outcome = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'deadline' };

/**
 * `POST /slack/events` without Bolt, for the Cloudflare Worker: the same signature check
 * (`verify.ts`), body parsing (`parseSlackBody`) and handlers (`handlers.ts`) as the Node adapter,
 * with Bolt's routing (event type, slash command, view callback id, block actions) done here.
 * The answer rules are the Node receiver's (`transport.ts`): answer once the turn is committed or at
 * the deadline, whichever comes first; past the deadline the work goes on in `defer` (waitUntil).
 * An Events API delivery that fails before the deadline gets 500/503 so Slack redelivers it.
 */
export function mountEdgeSlackRoutes(http: Hono, deps: EdgeSlackTransportDeps): void {
  const maxBodyBytes = deps.maxBodyBytes ?? 1024 * 1024;
  const ackDeadlineMs = deps.ackDeadlineMs ?? 2500;

  http.post('/slack/events', limitBody(maxBodyBytes), async (c) => {
    const { logger } = deps;
    const rawBody = Buffer.from(await c.req.arrayBuffer());
    if (rawBody.length > maxBodyBytes) return c.text('payload too large', 413);
    const contentType = c.req.header('content-type') ?? '';
    // Slack's SSL certificate probe for slash command URLs is unsigned; it carries nothing to process.
    if (contentType.startsWith('application/x-www-form-urlencoded') && new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1') {
      return c.body(null, 200);
    }
    const check = verifySlackSignature({
      signingSecret: deps.signingSecret,
      timestamp: c.req.header('x-slack-request-timestamp'),
      signature: c.req.header('x-slack-signature'),
      rawBody,
      now: deps.clock.now(),
    });
    if (!check.ok) {
      logger.warn({ reason: check.reason }, 'slack request rejected: bad signature');
      return c.text('invalid signature', 401);
    }
    const body = parseSlackBody(contentType, rawBody);
    if (!body) return c.text('malformed body', 400);
    if (body.type === 'url_verification' && typeof body.challenge === 'string') {
      // https://docs.slack.dev/reference/events/url_verification
      return c.json({ challenge: body.challenge });
    }

    let acked: { body: unknown } | undefined;
    const ack: SlackAck = async (response?: unknown) => {
      if (acked) return;
      acked = { body: response };
    };
    const processing = dispatch(deps, body, ack);
    const outcome = await withDeadline(processing, ackDeadlineMs);
    if (outcome.kind === 'deadline') {
      deps.defer(processing.catch((error: unknown) => logger.error({ err: error, type: body.type }, 'slack request processing failed after the ack')));
    }
    if (outcome.kind === 'failed') {
      logger.error({ err: outcome.error, type: body.type }, 'slack request processing failed');
      if (body.type === 'event_callback' || !acked) return c.text('processing failed', failureStatus(outcome.error));
    }
    return ackResponse(c, acked?.body);
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
  // block_actions (link buttons), view_closed, shortcuts: nothing to do beyond the ack.
  return ack();
}

async function withDeadline(processing: Promise<void>, ms: number): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'deadline' }), ms);
  });
  try {
    return await Promise.race([
      processing.then(
        () => ({ kind: 'done' }) as const,
        (error: unknown) => ({ kind: 'failed', error }) as const,
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function ackResponse(c: Context, response: unknown): Response {
  if (response === undefined || response === null || response === '') return c.body(null, 200);
  if (typeof response === 'string') return c.text(response, 200);
  return c.json(response as object, 200);
}
