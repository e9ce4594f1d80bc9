import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signLocationToken, verifyLocationToken } from './location-token.ts';
import { issueLocationLink } from './issue-location-link.ts';

const secret = 'a-test-secret-of-enough-length';
const now = new Date('2026-11-27T02:00:00Z');
const inFifteen = new Date(now.getTime() + 15 * 60_000);
const base = { o: 'org-1', u: 'user-1', c: 'cust-1', r: 'local:user:alice', a: 'in' as const };

/** A token over an arbitrary body, correctly signed: for shapes our signer never produces. */
function signedRaw(body: string): string {
  const part = Buffer.from(body).toString('base64url');
  return `${part}.${createHmac('sha256', secret).update(part).digest('base64url')}`;
}

describe('location token', () => {
  it('round-trips a signed payload', () => {
    const token = signLocationToken(secret, { ...base, expiresAt: inFifteen });
    const result = verifyLocationToken(secret, token, now);
    expect(result).toMatchObject({ ok: true, payload: { v: 1, ...base, exp: inFifteen.getTime() / 1000 } });
  });

  it('omits customer and reply ref when not given', () => {
    const token = signLocationToken(secret, { o: 'org-1', u: 'user-1', a: 'out', expiresAt: inFifteen });
    const result = verifyLocationToken(secret, token, now);
    expect(result.ok && result.payload).toMatchObject({ a: 'out' });
    expect(result.ok && 'c' in result.payload).toBe(false);
    expect(result.ok && 'r' in result.payload).toBe(false);
  });

  it('gives every link its own nonce', () => {
    const a = verifyLocationToken(secret, signLocationToken(secret, { ...base, expiresAt: inFifteen }), now);
    const b = verifyLocationToken(secret, signLocationToken(secret, { ...base, expiresAt: inFifteen }), now);
    expect(a.ok && b.ok && a.payload.n !== b.payload.n).toBe(true);
  });

  it('rejects a payload changed after signing (another customer)', () => {
    const token = signLocationToken(secret, { ...base, expiresAt: inFifteen });
    const [body, signature] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...payload, c: 'cust-2' })).toString('base64url');
    expect(verifyLocationToken(secret, `${forged}.${signature}`, now)).toEqual({ ok: false, problem: 'tampered' });
  });

  it('rejects a changed signature and a token signed with another secret', () => {
    const token = signLocationToken(secret, { ...base, expiresAt: inFifteen });
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(verifyLocationToken(secret, flipped, now)).toEqual({ ok: false, problem: 'tampered' });
    const other = signLocationToken('another-secret-of-enough-length', { ...base, expiresAt: inFifteen });
    expect(verifyLocationToken(secret, other, now)).toEqual({ ok: false, problem: 'tampered' });
  });

  it('expires at its expiry instant and still says whose it was', () => {
    const token = signLocationToken(secret, { ...base, expiresAt: inFifteen });
    expect(verifyLocationToken(secret, token, new Date(inFifteen.getTime() - 1000)).ok).toBe(true);
    const expired = verifyLocationToken(secret, token, inFifteen);
    expect(expired).toMatchObject({ ok: false, problem: 'expired', payload: { u: 'user-1' } });
  });

  it('calls anything that is not two base64url parts malformed', () => {
    for (const token of ['', 'abc', 'a.b.c', '.abc', 'abc.', 'ab$c.def', 'abc.de f']) {
      expect(verifyLocationToken(secret, token, now)).toEqual({ ok: false, problem: 'malformed' });
    }
  });

  it('calls a correctly signed body that is not our payload malformed', () => {
    expect(verifyLocationToken(secret, signedRaw('not json'), now)).toEqual({ ok: false, problem: 'malformed' });
    expect(verifyLocationToken(secret, signedRaw('{"v":2}'), now)).toEqual({ ok: false, problem: 'malformed' });
    const noAction = JSON.stringify({ v: 1, o: 'o', u: 'u', exp: 9e9, n: 'x' });
    expect(verifyLocationToken(secret, signedRaw(noAction), now)).toEqual({ ok: false, problem: 'malformed' });
  });
});

describe('issueLocationLink', () => {
  it('builds PUBLIC_URL/c/<token> valid for the configured minutes', () => {
    const link = issueLocationLink(
      { publicUrl: 'https://legwork.example', linkSecret: secret, linkTtlMinutes: 15 },
      { orgId: 'org-1', userId: 'user-1', customerId: 'cust-1', action: 'in', now },
    );
    expect(link.url).toBe(`https://legwork.example/c/${link.token}`);
    expect(link.expiresAt).toEqual(inFifteen);
    expect(verifyLocationToken(secret, link.token, now)).toMatchObject({ ok: true, payload: { o: 'org-1', u: 'user-1', c: 'cust-1' } });
  });
});
