import type { Clock } from '../../src/core/shared/clock.ts';
import { RateLimitedError } from '../errors.ts';

/**
 * A sliding-window limit per key: WeCom group robots accept 20 messages a minute and answer 45009
 * beyond that. Taking a slot before each send keeps us under the limit, and when the window is
 * full the delivery loop is told exactly when the next slot frees up (RateLimitedError), so that
 * conversation waits while others carry on. Per process: with several senders WeCom's own 45009
 * is the backstop.
 */
export function createPacer(clock: Clock, options: { limit: number; windowMs: number }) {
  const sent = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const times = (sent.get(key) ?? []).filter((t) => now - t < options.windowMs);
    if (times.length) sent.set(key, times);
    else sent.delete(key);
    return times;
  }

  return {
    /** Takes one slot for `key`, or throws RateLimitedError with the wait until one frees up. */
    take(key: string): void {
      const now = clock.now().getTime();
      const times = recent(key, now);
      if (times.length >= options.limit) {
        throw new RateLimitedError(times[0]! + options.windowMs - now, `group robot pacing: ${options.limit} per ${options.windowMs / 1000} s`);
      }
      times.push(now);
      sent.set(key, times);
    },
  };
}
