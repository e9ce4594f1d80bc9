import type { Context } from 'hono';
import type { Logger } from '../../src/logger.ts';
import { failureStatus } from '../../src/http/failure-status.ts';
import type { SlackAck } from './handlers.ts';

/** Below Slack's 3 s (https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response). */
export const DEFAULT_ACK_DEADLINE_MS = 2500;

type Outcome = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'deadline' };

export interface AnswerOptions {
  /** The verified payload (for the log lines and to tell Events API deliveries apart). */
  body: Record<string, unknown>;
  logger: Logger;
  ackDeadlineMs: number;
  /** Runs the payload's listener; `ack` records what Slack should see in the HTTP answer. */
  process(ack: SlackAck): Promise<void>;
  /**
   * Processing outlived the deadline and goes on after the answer: the Worker hands it to
   * `ctx.waitUntil`; the Node receiver has it tracked already (`InFlight`).
   */
  continueAfterAnswer?(processing: Promise<void>): void;
}

/**
 * The back half of `POST /slack/events`, shared by the Node and Worker receivers: answer as soon as
 * processing is done (the conversation engine committed the turn), or at the deadline, whichever
 * comes first; past the deadline the work goes on (`continueAfterAnswer`). If processing of an
 * Events API delivery fails before the deadline, the answer is 500 (503 with the database away) so
 * Slack redelivers it: the engine recorded nothing for the failed turn and dedupes by event id, so
 * the retry is handled once. Acking first and failing later would lose the message. A command or
 * form that failed after it was acked keeps its ack (Slack does not retry those).
 */
export async function answerWithinDeadline(c: Context, options: AnswerOptions): Promise<Response> {
  const { body, logger } = options;
  let acked: { body: unknown } | undefined;
  const ack: SlackAck = async (response?: unknown) => {
    if (acked) {
      logger.warn({ type: body.type }, 'slack ack called twice; the second is ignored');
      return;
    }
    acked = { body: response };
  };
  const processing = options.process(ack);
  const outcome = await withDeadline(processing, options.ackDeadlineMs);
  if (outcome.kind === 'deadline') {
    options.continueAfterAnswer?.(processing.catch((error: unknown) => logger.error({ err: error, type: body.type }, 'slack request processing failed after the ack')));
  }
  if (outcome.kind === 'failed') {
    logger.error({ err: outcome.error, type: body.type }, 'slack request processing failed');
    if (body.type === 'event_callback' || !acked) return c.text('processing failed', failureStatus(outcome.error));
  }
  return ackResponse(c, acked?.body);
}

async function withDeadline(processing: Promise<void>, ms: number): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'deadline' }), ms);
    // On Node the deadline alone must not keep the process alive (unref, where the runtime has it).
    (timer as { unref?: () => void }).unref?.();
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

/** What `ack(response)` asked Slack to see: nothing, a text, or JSON (modal errors, ephemeral text). */
function ackResponse(c: Context, response: unknown): Response {
  if (response === undefined || response === null || response === '') return c.body(null, 200);
  if (typeof response === 'string') return c.text(response, 200);
  return c.json(response as object, 200);
}
