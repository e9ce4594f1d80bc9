import type { Db } from '../shared/db.ts';

export async function findTeamByName(db: Db, orgId: string, name: string) {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .executeTakeFirst();
}
