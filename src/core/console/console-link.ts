import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * One-time links into the web console (issue 15): `PUBLIC_URL/console/login/<token>`, signed with the
 * deployment's link secret under its own label (a location link never opens the console, nor the
 * reverse), valid for {@link consoleLinkMinutes}, spendable once (the nonce is spent on login).
 */
export const consoleLinkMinutes = 10;

export interface ConsoleLinkPayload {
  v: 1;
  k: 'console';
  /** org id */
  o: string;
  /** user id */
  u: string;
  /** expiry, unix seconds */
  exp: number;
  /** nonce spent on use */
  n: string;
}

const label = 'legwork-console-link:';
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(label + body).digest();

export function issueConsoleLink(
  settings: { publicUrl: string; linkSecret: string },
  input: { orgId: string; userId: string; now: Date },
): { url: string; token: string; expiresAt: Date } {
  const expiresAt = new Date(input.now.getTime() + consoleLinkMinutes * 60_000);
  const payload: ConsoleLinkPayload = {
    v: 1,
    k: 'console',
    o: input.orgId,
    u: input.userId,
    exp: Math.floor(expiresAt.getTime() / 1000),
    n: randomBytes(16).toString('base64url'),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const token = `${body}.${sign(settings.linkSecret, body).toString('base64url')}`;
  return { url: `${settings.publicUrl}/console/login/${token}`, token, expiresAt };
}

export type ConsoleLinkCheck =
  | { ok: true; payload: ConsoleLinkPayload }
  | { ok: false; problem: 'expired'; payload: ConsoleLinkPayload }
  | { ok: false; problem: 'invalid' };

/** Signature, shape and expiry; spending the nonce is {@link spendConsoleLink}'s job. */
export function verifyConsoleLink(secret: string, token: string, now: Date): ConsoleLinkCheck {
  const parts = token.split('.');
  if (token.length > 1024 || parts.length !== 2 || !/^[\w-]+$/.test(parts[0]!) || !/^[\w-]+$/.test(parts[1]!)) return { ok: false, problem: 'invalid' };
  const [body, signature] = parts as [string, string];
  const expected = sign(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'invalid' };
  let payload: ConsoleLinkPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (payload?.v !== 1 || payload.k !== 'console' || typeof payload.o !== 'string' || typeof payload.u !== 'string' || typeof payload.n !== 'string' || typeof payload.exp !== 'number') {
    return { ok: false, problem: 'invalid' };
  }
  if (payload.exp * 1000 <= now.getTime()) return { ok: false, problem: 'expired', payload };
  return { ok: true, payload };
}

/** SHA-256 of a secret value, hex: what is stored instead of the value itself. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
