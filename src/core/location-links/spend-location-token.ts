import type { Db } from '../shared/db.ts';
import type { LocationTokenPayload } from './location-token.ts';

/**
 * Spends a link's nonce inside the caller's transaction. Returns false when it was spent already
 * (a reused link, or a second tap racing the first): the caller must then change nothing.
 */
export async function spendLocationToken(db: Db, payload: Pick<LocationTokenPayload, 'n' | 'u'>, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('location_tokens')
    .values({ nonce: payload.n, user_id: payload.u, used_at: now })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst();
  return row !== undefined;
}

/** True when the link's nonce was spent: the page shows "already used" and offers nothing to submit. */
export async function isLocationTokenSpent(db: Db, nonce: string): Promise<boolean> {
  const row = await db.selectFrom('location_tokens').select('nonce').where('nonce', '=', nonce).executeTakeFirst();
  return row !== undefined;
}
