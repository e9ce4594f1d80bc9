import type { Db } from '../../core/shared/db.ts';
import type { Org, User } from '../../db/schema.ts';
import type { Language } from '../../conversation/intents/types.ts';
import { verifyLocationToken, type LocationTokenPayload } from '../../core/location-links/location-token.ts';
import { isLocationTokenSpent } from '../../core/location-links/spend-location-token.ts';

/** Why a link cannot be used; each has its own page and HTTP status. */
export type LinkProblem = 'malformed' | 'tampered' | 'expired' | 'used' | 'userGone';

export const problemStatus = {
  malformed: 400,
  tampered: 403,
  expired: 410,
  used: 410,
  userGone: 410,
} as const satisfies Record<LinkProblem, number>;

const maxTokenLength = 2048;

/** A link that may be used now: signed, unexpired, unspent, for a user who still exists. */
export interface OpenLink {
  payload: LocationTokenPayload;
  user: User;
  org: Org;
  language: Language;
}

export type LinkResolution =
  | { ok: true; link: OpenLink }
  /**
   * `language` is the rep's when the link was signed by us (expired, used), else undefined;
   * `payload` comes with an expired link, so the page can say how to get a fresh one.
   */
  | { ok: false; problem: LinkProblem; language?: Language; payload?: LocationTokenPayload };

/**
 * Checks a link without changing anything: signature and expiry, then whether its nonce was spent
 * and whether its user still exists. The nonce is spent later, in the transaction that records.
 */
export async function resolveLink(db: Db, secret: string, token: string, now: Date): Promise<LinkResolution> {
  if (token.length > maxTokenLength) return { ok: false, problem: 'malformed' };
  const verified = verifyLocationToken(secret, token, now);
  if (!verified.ok && verified.problem !== 'expired') return { ok: false, problem: verified.problem };
  const payload = verified.payload;
  const user = await db.selectFrom('users').selectAll().where('id', '=', payload.u).where('org_id', '=', payload.o).executeTakeFirst();
  if (!user) return { ok: false, problem: 'userGone' };
  if (!verified.ok) return { ok: false, problem: 'expired', language: user.language, payload };
  if (await isLocationTokenSpent(db, payload.n)) return { ok: false, problem: 'used', language: user.language };
  const org = await db.selectFrom('orgs').selectAll().where('id', '=', payload.o).executeTakeFirstOrThrow();
  return { ok: true, link: { payload, user, org, language: user.language } };
}
