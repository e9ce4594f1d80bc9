import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { AccessTokenCache } from './access-token.ts';

function deferredIssuer() {
  const calls: ((token: string) => void)[] = [];
  const issue = () => new Promise<{ token: string; expiresInSec: number }>((resolve) => calls.push((token) => resolve({ token, expiresInSec: 7200 })));
  return { issue, calls };
}

describe('AccessTokenCache', () => {
  it('shares one refresh between concurrent callers and caches until shortly before expiry', async () => {
    const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
    const { issue, calls } = deferredIssuer();
    const cache = new AccessTokenCache(issue, clock);
    const waiting = Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(calls).toHaveLength(1);
    calls[0]!('t1');
    expect(await waiting).toEqual(['t1', 't1', 't1']);

    clock.advance(7200_000 - 6 * 60_000);
    expect(await cache.get()).toBe('t1');
    clock.advance(2 * 60_000); // inside the five-minute margin
    const renewed = cache.get();
    expect(calls).toHaveLength(2);
    calls[1]!('t2');
    expect(await renewed).toBe('t2');
  });

  it('drops a rejected token only if it is still the current one', async () => {
    const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
    const { issue, calls } = deferredIssuer();
    const cache = new AccessTokenCache(issue, clock);
    const first = cache.get();
    calls[0]!('t1');
    await first;
    cache.invalidate('t1');
    const second = cache.get();
    calls[1]!('t2');
    expect(await second).toBe('t2');
    cache.invalidate('t1'); // a late failure with the old token changes nothing
    expect(await cache.get()).toBe('t2');
    expect(calls).toHaveLength(2);
  });

  it('lets the next caller retry after a failed refresh', async () => {
    const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
    let n = 0;
    const cache = new AccessTokenCache(async () => {
      if (++n === 1) throw new Error('network');
      return { token: 't-ok', expiresInSec: 7200 };
    }, clock);
    await expect(cache.get()).rejects.toThrow('network');
    expect(await cache.get()).toBe('t-ok');
  });
});
