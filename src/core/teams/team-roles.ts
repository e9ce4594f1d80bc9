import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { audit } from '../shared/audit.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAllowed } from '../access/require-allowed.ts';
import { findPersonByName } from '../users/find-person.ts';
import { findTeamByName } from './team-repository.ts';

/** Records `person` as a manager member of the team and lifts a rep's role to manager. */
export async function makeManagerOf(db: Db, teamId: string, person: User): Promise<void> {
  await db
    .insertInto('team_memberships')
    .values({ team_id: teamId, user_id: person.id, role: 'manager' })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ role: 'manager' }))
    .execute();
  if (person.role === 'rep') await db.updateTable('users').set({ role: 'manager' }).where('id', '=', person.id).execute();
}

/**
 * `设为经理 张三 华东` / `make Zhang manager of East` (admins): the team's manager becomes the person
 * named. The previous manager leaves the team and goes back to being a rep when they manage nothing
 * else (an admin stays an admin).
 */
export async function assignManager(
  { db }: { db: Db },
  input: { user: User; personName: string; teamName: string },
): Promise<{ person: User; team: string; previous: { id: string; name: string } | null }> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'assignRole', orgId: input.user.org_id });
  const team = await findTeamByName(db, input.user.org_id, input.teamName);
  if (!team) throw new DomainError('teamNotFound', { name: input.teamName.trim() });
  const person = await findPersonByName(db, input.user.org_id, input.personName);
  if (team.manager_id === person.id) throw new DomainError('managerAlready', { person: person.display_name, team: team.name });

  await db.updateTable('teams').set({ manager_id: person.id }).where('id', '=', team.id).execute();
  await makeManagerOf(db, team.id, person);
  await db.deleteFrom('team_memberships').where('team_id', '=', team.id).where('user_id', '=', team.manager_id).execute();
  const stillManages = await db.selectFrom('teams').select('id').where('manager_id', '=', team.manager_id).executeTakeFirst();
  if (!stillManages) {
    await db.updateTable('users').set({ role: 'rep' }).where('id', '=', team.manager_id).where('role', '=', 'manager').execute();
  }
  await audit(db, input.user, 'team.manager_assigned', team.id, { managerId: person.id, previousManagerId: team.manager_id });
  const previous = await db.selectFrom('users').select(['id', 'display_name as name']).where('id', '=', team.manager_id).executeTakeFirst();
  return { person, team: team.name, previous: previous ?? null };
}

/** `设为管理员 李四` / `make Li admin` (admins). */
export async function assignAdmin({ db }: { db: Db }, input: { user: User; personName: string }): Promise<{ person: User }> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'assignRole', orgId: input.user.org_id });
  const person = await findPersonByName(db, input.user.org_id, input.personName);
  if (person.role === 'admin') throw new DomainError('adminAlready', { person: person.display_name });
  await db.updateTable('users').set({ role: 'admin' }).where('id', '=', person.id).execute();
  await audit(db, input.user, 'user.admin_assigned', person.id, { previousRole: person.role });
  return { person };
}
