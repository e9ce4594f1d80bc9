import { SocketModeClient } from '@slack/socket-mode';
import type { App, Logger as SdkLogger, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { InFlight } from './in-flight.ts';

export interface SocketModeReceiverOptions {
  /** The app-level token (`xapp-…`, scope `connections:write`) for `apps.connections.open`. */
  appToken: string;
  logger: Logger;
  /** Where the Socket Mode client itself logs (see `boltLogger`). */
  sdkLogger: SdkLogger;
  /** Web API base URL for `apps.connections.open` (tests point it at a local fake). */
  slackApiUrl?: string;
  /**
   * How long the ack may wait for processing before it is sent anyway. Slack expects it within 3 s
   * (then it redelivers an event, and the person sees a timeout for a command), so stay below.
   */
  ackDeadlineMs?: number;
}

/**
 * What `SocketModeClient` emits as `slack_event` for every envelope Slack sends
 * (https://docs.slack.dev/apis/events-api/using-socket-mode#events): `ack` answers the envelope.
 */
interface SocketModeDelivery {
  ack(response?: Record<string, unknown> | string): Promise<void>;
  envelope_id?: string;
  /** `events_api`, `slash_commands` or `interactive`. */
  type?: string;
  body?: unknown;
  /** 0 on the first delivery; Slack counts up when it redelivers an envelope nobody acked. */
  retry_num?: number;
  /** '' on the first delivery, `timeout` when the previous delivery was not acked in time. */
  retry_reason?: string;
}

type Outcome = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'deadline' };

/**
 * Socket Mode for Bolt on the SDK's own `SocketModeClient`, answering envelopes the way
 * `HonoSlackReceiver` answers HTTP requests. Bolt's `SocketModeReceiver` sends the ack of an Events
 * API envelope before the listeners run, so an event whose handling then fails (the database is
 * down) is gone: Slack got its ack. Here every ack waits for `app.processEvent`:
 *
 * - done: the ack goes out, with whatever payload the listener acked (a slash command's ephemeral
 *   text, a form's field errors);
 * - still running at `ackDeadlineMs`: the ack goes out then and the work continues;
 * - failed before the deadline: an Events API envelope is left unacknowledged, so Slack redelivers
 *   it (`retry_attempt` 1, `retry_reason: 'timeout'`, then after about a minute and five minutes). The
 *   engine records nothing for a failed turn and dedupes by event id, so the redelivery is handled
 *   once. A command or form whose listener acked before failing still gets that ack (its
 *   "something went wrong"); Slack does not redeliver those.
 */
export class AckAfterProcessingSocketModeReceiver implements Receiver {
  /** The SDK client: `connected`, `reconnecting` and `disconnected` events tell the connection state. */
  readonly client: SocketModeClient;
  private app: App | undefined;
  private stopping = false;
  /** Envelopes whose ack is not settled yet (each at most until its deadline). */
  private readonly answering = new InFlight();
  private readonly ackDeadlineMs: number;

  constructor(private readonly options: SocketModeReceiverOptions) {
    this.ackDeadlineMs = options.ackDeadlineMs ?? 2500;
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: options.sdkLogger,
      // Only the URL: the client keeps its own retries for apps.connections.open.
      clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {},
    });
    this.client.on('slack_event', (delivery: SocketModeDelivery) => {
      void this.answering.track(this.answer(delivery)).catch((error: unknown) => {
        options.logger.error({ err: error, envelopeId: delivery.envelope_id }, 'slack socket mode envelope handling broke');
      });
    });
  }

  init(app: App): void {
    this.app = app;
  }

  /** Connects; resolves once Slack said `hello` (https://docs.slack.dev/reference/methods/apps.connections.open). */
  async start(): Promise<void> {
    this.stopping = false;
    await this.client.start();
  }

  /**
   * Takes no new envelopes (Slack redelivers what it sends meanwhile), sends the acks still owed
   * (each within its deadline), then closes the connection. Work past its deadline goes on; the
   * adapter waits for it.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.answering.idle();
    await this.client.disconnect();
  }

  private async answer(delivery: SocketModeDelivery): Promise<void> {
    const { logger } = this.options;
    const body = asObject(delivery.body);
    const where = { envelopeId: delivery.envelope_id, type: delivery.type, retryNum: delivery.retry_num };
    if (!body || !delivery.envelope_id) {
      logger.warn(where, 'slack socket mode frame without an envelope ignored');
      return;
    }
    if (!this.app || this.stopping) {
      logger.info(where, 'slack envelope left unacknowledged while stopping; Slack redelivers it');
      return;
    }

    let acked: { response: unknown } | undefined;
    let answered = false;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) {
          logger.warn(where, 'slack ack called twice; the second is ignored');
          return;
        }
        acked = { response };
        if (answered && !isEmpty(response)) logger.warn(where, 'slack ack came after the deadline; its payload was not sent');
      },
      retryNum: delivery.retry_num,
      retryReason: delivery.retry_reason,
    };

    const processing: Promise<Outcome> = this.app.processEvent(event).then(
      () => ({ kind: 'done' }) as const,
      (error: unknown) => ({ kind: 'failed', error }) as const,
    );
    const outcome = await withDeadline(processing, this.ackDeadlineMs);
    if (outcome.kind === 'failed') {
      // Bolt acked an event before its listeners ran, but nothing was recorded: let Slack redeliver it.
      if (delivery.type === 'events_api') {
        logger.error({ ...where, err: outcome.error }, 'slack event processing failed; left unacknowledged so Slack redelivers it');
        return;
      }
      // A command or form that failed before its listener acked: Slack shows the person an error.
      if (!acked) {
        logger.error({ ...where, err: outcome.error }, 'slack envelope processing failed before its listener acked; left unacknowledged');
        return;
      }
      logger.error({ ...where, err: outcome.error }, 'slack envelope processing failed after its listener acked');
    } else if (outcome.kind === 'deadline') {
      logger.info(where, 'slack envelope still processing at the ack deadline; acknowledged, the work goes on');
      void processing.then((late) => {
        if (late.kind === 'failed') logger.error({ ...where, err: late.error }, 'slack envelope processing failed after it was acknowledged; Slack will not redeliver it');
      });
    }
    answered = true;
    try {
      // https://docs.slack.dev/apis/events-api/using-socket-mode#acknowledge
      await delivery.ack(isEmpty(acked?.response) ? undefined : (acked!.response as Record<string, unknown> | string));
    } catch (error) {
      // The connection dropped before the ack went out: Slack redelivers an event on the next one.
      logger.warn({ ...where, err: error }, 'slack envelope could not be acknowledged');
    }
  }
}

/** The outcome of `processing`, or `deadline` if it is still running after `ms`. */
async function withDeadline(processing: Promise<Outcome>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'deadline' }), ms);
    timer.unref();
  });
  try {
    return await Promise.race([processing, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** An ack without payload: Slack gets `{ envelope_id }` with an empty payload. */
function isEmpty(response: unknown): boolean {
  return response === undefined || response === null || response === '';
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
