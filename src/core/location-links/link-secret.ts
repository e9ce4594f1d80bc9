import { randomBytes } from 'node:crypto';
import type { Db } from '../shared/db.ts';

/**
 * The secret that signs location links: from config when given, otherwise generated once and kept in
 * the database so links survive restarts and every process of a deployment agrees on it.
 */
export async function resolveLinkSecret(db: Db, configured?: string): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('settings')
    .values({ key: 'location_link_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'location_link_secret').executeTakeFirstOrThrow();
  return row.value;
}
