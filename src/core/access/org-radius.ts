import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { audit } from '../shared/audit.ts';
import { parseRadius } from '../customers/radius.ts';
import { loadActor } from './load-actor.ts';
import { requireAllowed } from './require-allowed.ts';

/** `签到范围 300米` / `radius 300m`: the org's check-in radius (admins); audited with the old value. */
export async function setOrgRadius({ db }: { db: Db }, input: { user: User; radius: string; before: number }): Promise<number> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'changeOrgSettings', orgId: input.user.org_id });
  const meters = parseRadius(input.radius, false)!;
  await db.updateTable('orgs').set({ checkin_radius_m: meters }).where('id', '=', input.user.org_id).execute();
  await audit(db, input.user, 'org.radius_changed', input.user.org_id, { before: input.before, after: meters });
  return meters;
}
