/**
 * What an adapter must remember between tries of one outbox message, behind a port so the record
 * can be durable (src/db/send-records.ts, used by the Node service and the Worker) or in memory
 * (adapters built without a database, as in unit tests).
 */

/** How many parts of a multi-part message were delivered, by outbox id. */
export interface SendProgress {
  /** Parts of the message already delivered (0 when none, or when it went out whole). */
  partsSent(outboxId: string): Promise<number>;
  /** The first `count` parts are delivered: written as each part succeeds. */
  recordPartsSent(outboxId: string, count: number): Promise<void>;
}

/** A limit on messages per key (a WeCom group robot: 20 a minute). */
export interface SendPacer {
  /** Takes one slot for `key`, or throws RateLimitedError with the wait until one frees up. */
  take(key: string): Promise<void>;
}

/** The progress of the most recent multi-part messages, for this process only. */
export function memorySendProgress(maxRemembered = 1000): SendProgress {
  const progress = new Map<string, number>();
  return {
    partsSent: async (outboxId) => progress.get(outboxId) ?? 0,
    async recordPartsSent(outboxId, count) {
      progress.delete(outboxId);
      progress.set(outboxId, count);
      if (progress.size > maxRemembered) progress.delete(progress.keys().next().value!);
    },
  };
}
