import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';

export interface OutageGateOptions {
  clock: Clock;
  logger: Logger;
  /** First pause after a failure; doubles on each further failure (default 500 ms). */
  initialDelayMs?: number;
  /** Longest pause, so the drain resumes within this long of the database coming back (default 5 s). */
  maxDelayMs?: number;
}

/**
 * Spaces out the outbox drain while it keeps failing (the database is down): after a failure the next
 * attempt waits 0.5 s, then 1 s, 2 s … capped at 5 s, instead of every kick and tick hammering a dead
 * server and logging each time. It logs once when the drain starts failing and once when it recovers.
 */
export function createOutageGate(options: OutageGateOptions) {
  const { clock, logger } = options;
  const initialDelayMs = options.initialDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 5000;
  let failures = 0;
  let resumeAt = 0;
  let downSince: Date | undefined;

  return {
    /** False while the drain is paused after a failure. */
    open(): boolean {
      return failures === 0 || clock.now().getTime() >= resumeAt;
    },
    failed(error: unknown): void {
      const delay = Math.min(initialDelayMs * 2 ** failures, maxDelayMs);
      failures++;
      resumeAt = clock.now().getTime() + delay;
      if (!downSince) {
        downSince = clock.now();
        logger.error({ err: error, retryInMs: delay }, 'outbox drain failing; retrying with backoff until it recovers');
      }
    },
    succeeded(): void {
      if (downSince) {
        logger.info({ failedForMs: clock.now().getTime() - downSince.getTime(), attempts: failures }, 'outbox drain recovered');
      }
      failures = 0;
      downSince = undefined;
    },
  };
}
