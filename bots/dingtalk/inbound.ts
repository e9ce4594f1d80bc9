import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { decodeRobotMessage } from './decode.ts';
import type { SessionWebhooks } from './session-webhooks.ts';

export type InboundOutcome =
  | { kind: 'handled'; eventId: string; duplicate: boolean }
  /** The payload can never be handled (not JSON, missing fields): retrying would not help. */
  | { kind: 'invalid'; reason: string }
  /** Handling failed every attempt; nothing was recorded (the engine rolls back). */
  | { kind: 'failed'; eventId: string; error: unknown };

export interface InboundDeps {
  engine: Pick<ConversationEngine, 'handle'>;
  clock: Clock;
  logger: Logger;
  sessions: SessionWebhooks;
}

/**
 * Robot messages from either transport: decode, remember the session webhook for the replies, and
 * hand the event to the conversation engine (which dedupes redelivered msgIds durably).
 *
 * Messages of one conversation are handled one after another, in arrival order (a quick "checkin"
 * then "checkout" must not race). An unexpected failure is retried a few times in-process: DingTalk
 * robot messages are fire-and-forget (developerpedia Stream protocol FAQ: "机器人消息当前是fire-forgot
 * 模式"), so unlike event subscriptions an unacknowledged message is not pushed again.
 */
export function createInboundHandler(deps: InboundDeps, options: { retryDelaysMs?: readonly number[] } = {}) {
  const retryDelaysMs = options.retryDelaysMs ?? [250, 1000];
  const tails = new Map<string, Promise<unknown>>();
  const inflight = new Set<Promise<unknown>>();

  async function handleWithRetries(event: Parameters<ConversationEngine['handle']>[0]): Promise<InboundOutcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await deps.engine.handle(event);
        return { kind: 'handled', eventId: event.eventId, duplicate: result.duplicate };
      } catch (error) {
        const delay = retryDelaysMs[attempt];
        deps.logger.error({ err: error, platform: 'dingtalk', eventId: event.eventId, attempt: attempt + 1, retryInMs: delay }, 'handling a DingTalk message failed');
        if (delay === undefined) return { kind: 'failed', eventId: event.eventId, error };
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Handles one payload (a Stream frame's `data` string or an HTTP body); never rejects. */
  function handle(raw: unknown, options: { retry: boolean } = { retry: true }): Promise<InboundOutcome> {
    const decoded = decodeRobotMessage(raw, deps.clock.now());
    if (!decoded.ok) {
      deps.logger.warn({ platform: 'dingtalk', reason: decoded.reason }, 'ignoring a malformed DingTalk robot message');
      return Promise.resolve({ kind: 'invalid', reason: decoded.reason });
    }
    const { event, session } = decoded.value;
    // Kept (durably when the adapter has a store) before the turn runs, so its replies, and their
    // retries by another process or a later Worker invocation, find it. A failed write is only
    // logged: the replies then fall back to the OpenAPI.
    const kept = session
      ? deps.sessions.keep(event.eventId, session).then(
          (ok) => {
            if (!ok) deps.logger.debug({ platform: 'dingtalk', eventId: event.eventId }, 'session webhook expired or not on a DingTalk host; replies use the OpenAPI');
          },
          (error: unknown) => deps.logger.warn({ err: error, platform: 'dingtalk', eventId: event.eventId }, 'session webhook could not be stored; replies retried later use the OpenAPI'),
        )
      : Promise.resolve();
    const key = event.conversation.ref;
    const run = () =>
      kept.then(() => turn());
    const turn = () =>
      options.retry
        ? handleWithRetries(event)
        : deps.engine.handle(event).then(
            (r): InboundOutcome => ({ kind: 'handled', eventId: event.eventId, duplicate: r.duplicate }),
            (error: unknown): InboundOutcome => {
              deps.logger.error({ err: error, platform: 'dingtalk', eventId: event.eventId }, 'handling a DingTalk message failed');
              return { kind: 'failed', eventId: event.eventId, error };
            },
          );
    const previous = tails.get(key) ?? Promise.resolve();
    const current = previous.then(run, run);
    tails.set(key, current);
    inflight.add(current);
    void current.finally(() => {
      inflight.delete(current);
      if (tails.get(key) === current) tails.delete(key);
    });
    return current;
  }

  return {
    handle,
    /** Resolves when every message received so far has been handled (for shutdown). */
    async idle(): Promise<void> {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
  };
}

export type InboundHandler = ReturnType<typeof createInboundHandler>;
