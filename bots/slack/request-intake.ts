import type { Context } from 'hono';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { verifySlackSignature } from './verify.ts';
import { parseSlackBody } from './parse-body.ts';

export interface SlackIntakeOptions {
  signingSecret: string;
  clock: Clock;
  logger: Logger;
  /** Slack's payloads are a few kilobytes; anything far larger is not from Slack. */
  maxBodyBytes: number;
}

/** Either the answer Slack gets at once (refused, a probe, the URL check), or a verified payload to process. */
export type SlackIntake = { kind: 'answered'; response: Response } | { kind: 'payload'; body: Record<string, unknown> };

/**
 * The front half of `POST /slack/events`, shared by the Node receiver (`transport.ts`, Bolt) and the
 * Worker's (`edge-transport.ts`, no Bolt): the raw bytes (size-capped), Slack's unsigned SSL probe,
 * the signature over the raw bytes (401 when it fails: nothing is parsed or stored), the body as
 * Bolt sees it (`parseSlackBody`) and the Events API URL check. One endpoint takes Events API JSON,
 * form-encoded slash commands and `payload=` interactivity (https://docs.slack.dev/apis/events-api/).
 */
export async function readSlackRequest(c: Context, options: SlackIntakeOptions): Promise<SlackIntake> {
  const { logger, maxBodyBytes } = options;
  const answered = (response: Response): SlackIntake => ({ kind: 'answered', response });
  if (Number(c.req.header('content-length') ?? 0) > maxBodyBytes) return answered(c.text('payload too large', 413));
  const rawBody = Buffer.from(await c.req.arrayBuffer());
  if (rawBody.length > maxBodyBytes) return answered(c.text('payload too large', 413));
  const contentType = c.req.header('content-type') ?? '';

  // Slack's SSL certificate probe for slash command URLs is unsigned; it carries nothing to process.
  if (contentType.startsWith('application/x-www-form-urlencoded') && new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1') {
    return answered(c.body(null, 200));
  }

  const check = verifySlackSignature({
    signingSecret: options.signingSecret,
    timestamp: c.req.header('x-slack-request-timestamp'),
    signature: c.req.header('x-slack-signature'),
    rawBody,
    now: options.clock.now(),
  });
  if (!check.ok) {
    logger.warn({ reason: check.reason }, 'slack request rejected: bad signature');
    return answered(c.text('invalid signature', 401));
  }

  const body = parseSlackBody(contentType, rawBody);
  if (!body) return answered(c.text('malformed body', 400));
  if (body.type === 'url_verification' && typeof body.challenge === 'string') {
    // https://docs.slack.dev/reference/events/url_verification
    return answered(c.json({ challenge: body.challenge }));
  }
  return { kind: 'payload', body };
}
