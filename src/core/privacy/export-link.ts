import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../shared/db.ts';
import { spendLocationToken } from '../location-links/spend-location-token.ts';

/** A data export link lives 15 minutes and works once (issue 16). */
export const EXPORT_LINK_TTL_MINUTES = 15;

interface ExportPayload {
  v: 1;
  k: 'export';
  o: string;
  u: string;
  exp: number;
  n: string;
}

/**
 * Signed like a location link (same secret, see location-token.ts) but under its own domain, so a
 * location token can never pass for an export token or the other way round. Single use is enforced
 * by spending the nonce in `location_tokens`, the deployment's table of spent link nonces.
 */
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`legwork-export.${body}`).digest();

export function issueExportLink(
  settings: { publicUrl: string; linkSecret: string },
  input: { orgId: string; userId: string; now: Date },
): { url: string; expiresAt: Date } {
  const expiresAt = new Date(input.now.getTime() + EXPORT_LINK_TTL_MINUTES * 60_000);
  const payload: ExportPayload = { v: 1, k: 'export', o: input.orgId, u: input.userId, exp: Math.floor(expiresAt.getTime() / 1000), n: randomBytes(12).toString('base64url') };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { url: `${settings.publicUrl}/privacy/export/${body}.${sign(settings.linkSecret, body).toString('base64url')}`, expiresAt };
}

export type ExportTokenCheck = { ok: true; orgId: string; userId: string; nonce: string } | { ok: false; problem: 'invalid' | 'expired' };

export function verifyExportToken(secret: string, token: string, now: Date): ExportTokenCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(signature)) return { ok: false, problem: 'invalid' };
  const expected = sign(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'invalid' };
  let p: Partial<ExportPayload>;
  try {
    p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (p.v !== 1 || p.k !== 'export' || typeof p.o !== 'string' || typeof p.u !== 'string' || typeof p.n !== 'string' || typeof p.exp !== 'number') {
    return { ok: false, problem: 'invalid' };
  }
  if (p.exp * 1000 <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, orgId: p.o, userId: p.u, nonce: p.n };
}

/** Spends the link's nonce in the caller's transaction; false when it was used before. */
export function spendExportToken(db: Db, check: { userId: string; nonce: string }, now: Date): Promise<boolean> {
  return spendLocationToken(db, { n: `export:${check.nonce}`, u: check.userId }, now);
}

/** Whether the link's nonce was spent already (its page then says so instead of offering the button). */
export async function exportTokenSpent(db: Db, check: { nonce: string }): Promise<boolean> {
  return (await db.selectFrom('location_tokens').select('nonce').where('nonce', '=', `export:${check.nonce}`).executeTakeFirst()) !== undefined;
}
