import type { Context, Hono } from 'hono';
import type { App, Receiver } from '@slack/bolt';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { limitBody } from '../../src/http/body-limit.ts';
import { readSlackRequest } from './request-intake.ts';
import { answerWithinDeadline, DEFAULT_ACK_DEADLINE_MS } from './answer-deadline.ts';

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

/**
 * Bolt's HTTP receivers bring their own node:http or Express server; this one mounts
 * `POST /slack/events` on our Hono app instead (https://docs.slack.dev/tools/bolt-js/concepts/receiver).
 * Verifying and parsing (`request-intake.ts`) and when to answer (`answer-deadline.ts`: once Bolt
 * has processed the delivery or at the deadline; a failed Events API delivery gets 500 so Slack
 * redelivers it) are shared with the Worker's receiver (`edge-transport.ts`); here Bolt routes.
 */
export class HonoSlackReceiver implements Receiver {
  private app: App | undefined;
  private readonly ackDeadlineMs: number;
  private readonly maxBodyBytes: number;

  constructor(private readonly options: HttpReceiverOptions) {
    this.ackDeadlineMs = options.ackDeadlineMs ?? DEFAULT_ACK_DEADLINE_MS;
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
    const { signingSecret, clock, logger } = this.options;
    const intake = await readSlackRequest(c, { signingSecret, clock, logger, maxBodyBytes: this.maxBodyBytes });
    if (intake.kind === 'answered') return intake.response;
    const app = this.app;
    if (!app) return c.text('not ready', 503);
    const { body } = intake;
    // Work past the deadline needs no hand-off: the adapter's TrackedApp tracks every processEvent.
    return answerWithinDeadline(c, {
      body,
      logger,
      ackDeadlineMs: this.ackDeadlineMs,
      process: (ack) =>
        app.processEvent({
          body,
          ack,
          retryNum: parseRetryNum(c.req.header('x-slack-retry-num')),
          retryReason: c.req.header('x-slack-retry-reason'),
        }),
    });
  }
}

function parseRetryNum(header: string | undefined): number | undefined {
  if (!header || !/^\d{1,3}$/.test(header)) return undefined;
  return Number(header);
}
