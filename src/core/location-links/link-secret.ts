import { randomBytes } from 'node:crypto';
import type { Db } from '../shared/db.ts';
import { sealedSetting } from '../secrets/secret-store.ts';

/**
 * The secret that signs location links (and data export links): from config when given, otherwise
 * generated once and kept in the database, sealed with the data key (a dump alone does not reveal
 * it), so links survive restarts and every process of a deployment agrees on it.
 */
export async function resolveLinkSecret(db: Db, dataKey: Buffer, configured?: string): Promise<string> {
  if (configured) return configured;
  return sealedSetting(db, dataKey, 'location_link_secret', () => randomBytes(32).toString('base64url'));
}
