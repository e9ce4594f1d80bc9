import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCallbackSign, verifyCallbackSignature } from './signature.ts';

/** The documented algorithm, written independently with node:crypto. */
const reference = (secret: string, timestamp: string) => createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');

describe('DingTalk callback signature', () => {
  it('matches HmacSHA256(secret, timestamp + "\\n" + secret) in base64 for any secret', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 2 ** 45 }), async (secret, ts) => {
        expect(await computeCallbackSign(secret, String(ts))).toBe(reference(secret, String(ts)));
      }),
      { numRuns: 50 },
    );
  });

  const now = new Date('2026-11-27T02:00:00Z');
  const secret = 'SEC-test';
  const check = (timestamp: string | undefined, sign: string | undefined) => verifyCallbackSignature({ appSecret: secret, timestamp, sign, now });

  it('accepts a fresh, correct sign and refuses the rest', async () => {
    const ts = String(now.getTime());
    expect(await check(ts, reference(secret, ts))).toEqual({ ok: true });
    expect(await check(ts, reference('other', ts))).toEqual({ ok: false, reason: 'mismatch' });
    expect(await check(ts, reference(secret, ts).slice(0, -2))).toEqual({ ok: false, reason: 'mismatch' });
    const old = String(now.getTime() - 3_600_001);
    expect(await check(old, reference(secret, old))).toEqual({ ok: false, reason: 'stale' });
    expect(await check(undefined, 'x')).toEqual({ ok: false, reason: 'missing' });
    expect(await check('12ab', 'x')).toEqual({ ok: false, reason: 'missing' });
  });
});
