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

export type TokenVerification =
  | { ok: true; payload: LocationTokenPayload }
  /** Signed by us but past its expiry: the payload is trustworthy enough to answer in the rep's language. */
  | { ok: false; problem: 'expired'; payload: LocationTokenPayload }
  | { ok: false; problem: 'malformed' | 'tampered' };

/** Checks signature, shape and expiry. Spending the nonce is the caller's job (in its transaction). */
export function verifyLocationToken(secret: string, token: string, now: Date): TokenVerification {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, problem: 'malformed' };
  const [body, signature] = parts as [string, string];
  if (!base64url.test(body) || !base64url.test(signature)) return { ok: false, problem: 'malformed' };
  const expected = sign(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'tampered' };
  let payload: LocationTokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (!isPayload(payload)) return { ok: false, problem: 'malformed' };
  if (payload.exp * 1000 <= now.getTime()) return { ok: false, problem: 'expired', payload };
  return { ok: true, payload };
}

const base64url = /^[A-Za-z0-9_-]+$/;

function isPayload(p: unknown): p is LocationTokenPayload {
  if (typeof p !== 'object' || p === null) return false;
  const v = p as Record<string, unknown>;
  return (
    v.v === 1 &&
    typeof v.o === 'string' &&
    typeof v.u === 'string' &&
    (v.c === undefined || typeof v.c === 'string') &&
    (v.r === undefined || typeof v.r === 'string') &&
    (v.a === 'in' || v.a === 'out') &&
    typeof v.exp === 'number' &&
    Number.isFinite(v.exp) &&
    typeof v.n === 'string' &&
    v.n.length > 0
  );
}
