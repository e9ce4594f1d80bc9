import type { Context, Hono } from 'hono';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { verifySlackSignature } from './verify.ts';
import { failureStatus } from '../../src/http/failure-status.ts';
import { limitBody } from '../../src/http/body-limit.ts';
import { parseSlackBody } from './parse-body.ts';

export { parseSlackBody } from './parse-body.ts';

export interface HttpReceiverOptions {
  signingSecret: string;
  clock: Clock;
  logger: Logger;
  /**
   * How long the HTTP answer may wait for processing before acking anyway. Slack gives up after
   * 3 s (the user sees a timeout for a slash command; events are retried), so stay well below.
   */
  ackDeadlineMs?: number;
  /** Slack's payloads are a few kilobytes; anything far larger is not from Slack. */
  maxBodyBytes?: number;
}

type Outcome = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'deadline' };

/**
 * Bolt's HTTP receivers bring their own node:http or Express server; this one mounts
 * `POST /slack/events` on our Hono app instead (https://docs.slack.dev/tools/bolt-js/concepts/receiver).
 * One endpoint takes Events API JSON, form-encoded slash commands and `payload=` interactivity.
 *
 * When to answer: as soon as Bolt finished processing (the conversation engine committed the turn),
 * or at `ackDeadlineMs`, whichever comes first; in the second case the work continues after the
 * answer. If processing of an Events API delivery fails before the deadline, we answer 500 so Slack
 * redelivers it: the engine records nothing for a failed turn and dedupes by event id, so the retry
 * is handled once. Acking first and failing later would lose the message.
 */
export class HonoSlackReceiver implements Receiver {
  private app: App | undefined;
  private readonly ackDeadlineMs: number;
  private readonly maxBodyBytes: number;

  constructor(private readonly options: HttpReceiverOptions) {
    this.ackDeadlineMs = options.ackDeadlineMs ?? 2500;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  }

  init(app: App): void {
    this.app = app;
  }

  // Nothing to listen on: the main HTTP server serves the route.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  routes(http: Hono): void {
    http.post('/slack/events', limitBody(this.maxBodyBytes), (c) => this.handle(c));
  }

  private async handle(c: Context): Promise<Response> {
    const { logger } = this.options;
    if (Number(c.req.header('content-length') ?? 0) > this.maxBodyBytes) return c.text('payload too large', 413);
    const rawBody = Buffer.from(await c.req.arrayBuffer());
    if (rawBody.length > this.maxBodyBytes) return c.text('payload too large', 413);
    const contentType = c.req.header('content-type') ?? '';

    // Slack's SSL certificate probe for slash command URLs is unsigned; it carries nothing to process.
    if (contentType.startsWith('application/x-www-form-urlencoded') && new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1') {
      return c.body(null, 200);
    }

    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      timestamp: c.req.header('x-slack-request-timestamp'),
      signature: c.req.header('x-slack-signature'),
      rawBody,
      now: this.options.clock.now(),
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
    if (!this.app) return c.text('not ready', 503);

    let acked: { body: unknown } | undefined;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) {
          logger.warn({ type: body.type }, 'slack ack called twice; the second is ignored');
          return;
        }
        acked = { body: response };
      },
      retryNum: parseRetryNum(c.req.header('x-slack-retry-num')),
      retryReason: c.req.header('x-slack-retry-reason'),
    };

    const outcome = await this.processWithDeadline(event);
    if (outcome.kind === 'failed') {
      logger.error({ err: outcome.error, type: body.type }, 'slack request processing failed');
      // Events were acked by Bolt before the listeners ran, but nothing was recorded: let Slack retry.
      // 503 when the database is away: Slack retries either way, and the status says why.
      if (body.type === 'event_callback' || !acked) return c.text('processing failed', failureStatus(outcome.error));
    }
    return ackResponse(c, acked?.body);
  }

  private async processWithDeadline(event: ReceiverEvent): Promise<Outcome> {
    const processing: Promise<Outcome> = this.app!.processEvent(event).then(
      () => ({ kind: 'done' }) as const,
      (error: unknown) => ({ kind: 'failed', error }) as const,
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'deadline' }), this.ackDeadlineMs);
      timer.unref();
    });
    try {
      return await Promise.race([processing, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** What `ack(response)` asked Slack to see: nothing, a text, or JSON (modal errors, ephemeral text). */
function ackResponse(c: Context, response: unknown): Response {
  if (response === undefined || response === null || response === '') return c.body(null, 200);
  if (typeof response === 'string') return c.text(response, 200);
  return c.json(response as object, 200);
}

function parseRetryNum(header: string | undefined): number | undefined {
  if (!header || !/^\d{1,3}$/.test(header)) return undefined;
  return Number(header);
}
