import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring, single-use links to the location page. The token is
 * `base64url(json payload) + '.' + base64url(HMAC-SHA256(secret, payload part))`: self-contained, so a
 * link can be checked without a lookup; single use is enforced by spending the nonce in the database.
 */
export interface LocationTokenPayload {
  v: 1;
  /** org id */
  o: string;
  /** user id */
  u: string;
  /** customer id, when the check-in names one */
  c?: string;
  /** conversation ref the confirmation goes to (where the rep asked for the link) */
  r?: string;
  /** what the page submits */
  a: 'in' | 'out';
  /** expiry, unix seconds */
  exp: number;
  /** nonce spent on use */
  n: string;
}

export type TokenProblem = 'malformed' | 'tampered' | 'expired';

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest();

export function signLocationToken(
  secret: string,
  input: Omit<LocationTokenPayload, 'v' | 'exp' | 'n'> & { expiresAt: Date },
): string {
  const payload: LocationTokenPayload = {
    v: 1,
    o: input.o,
    u: input.u,
    ...(input.c ? { c: input.c } : {}),
    ...(input.r ? { r: input.r } : {}),
    a: input.a,
    exp: Math.floor(input.expiresAt.getTime() / 1000),
    n: randomBytes(12).toString('base64url'),
  };
  const body = b64(JSON.stringify(payload));
  return `${body}.${b64(sign(secret, body))}`;
}

/** Checks signature and expiry. Spending the nonce is the caller's job (in its transaction). */
export function verifyLocationToken(
  secret: string,
  token: string,
  now: Date,
): { ok: true; payload: LocationTokenPayload } | { ok: false; problem: TokenProblem } {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, problem: 'malformed' };
  const [body, signature] = parts as [string, string];
  const expected = sign(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'tampered' };
  let payload: LocationTokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (payload?.v !== 1 || typeof payload.exp !== 'number' || typeof payload.n !== 'string') {
    return { ok: false, problem: 'malformed' };
  }
  if (payload.exp * 1000 <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, payload };
}
