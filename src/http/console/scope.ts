import type { Db } from '../../core/shared/db.ts';
import type { User } from '../../db/schema.ts';
import { loadPerson } from '../../core/access/load-actor.ts';
import { can, type Actor } from '../../core/access/permissions.ts';

export interface ScopedTeam {
  id: string;
  name: string;
  reps: User[];
}

/**
 * The teams a console viewer oversees with their reps: those the `viewTeam` check lets them look at
 * (an admin every team of the org, a manager the teams they manage, a rep none). Every person listed
 * also passes the `viewPerson` check.
 */
export async function scopedTeams(db: Db, actor: Actor): Promise<ScopedTeam[]> {
  if (!can(actor, { action: 'openManagerConsole', orgId: actor.orgId })) return [];
  const all = await db.selectFrom('teams').select(['id', 'name', 'org_id']).where('org_id', '=', actor.orgId).orderBy('name').orderBy('id').execute();
  const teams = all.filter((team) => can(actor, { action: 'viewTeam', orgId: team.org_id, teamId: team.id })).map(({ id, name }) => ({ id, name }));
  if (teams.length === 0) return [];
  const members = await db
    .selectFrom('team_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('u')
    .select('m.team_id')
    .where('m.team_id', 'in', teams.map((t) => t.id))
    .where('m.role', '=', 'rep')
    .where('u.org_id', '=', actor.orgId)
    .orderBy('u.display_name')
    .execute();
  return teams.map((team) => ({
    ...team,
    reps: members
      .filter((m) => m.team_id === team.id)
      .map(({ team_id: _team, ...user }) => user)
      .filter((u) => can(actor, { action: 'viewPerson', person: { userId: u.id, orgId: u.org_id, teamIds: [team.id] } })),
  }));
}

/**
 * Everyone whose reports the viewer's console lists: the reps of the teams they oversee; someone who
 * oversees no team (a rep, a manager whose team was handed on) only themself.
 */
export async function scopedPeople(db: Db, actor: Actor, self: User): Promise<User[]> {
  const teams = await scopedTeams(db, actor);
  const people = new Map<string, User>();
  for (const team of teams) for (const rep of team.reps) people.set(rep.id, rep);
  if (!can(actor, { action: 'openManagerConsole', orgId: actor.orgId })) people.set(self.id, self);
  return [...people.values()].sort((a, b) => (a.display_name < b.display_name ? -1 : a.display_name > b.display_name ? 1 : 0));
}

/** The person with this id when the viewer may see them; undefined for anyone else or another org. */
export async function viewablePerson(db: Db, actor: Actor, personId: string): Promise<User | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return undefined;
  const person = await db.selectFrom('users').selectAll().where('id', '=', personId).where('org_id', '=', actor.orgId).executeTakeFirst();
  if (!person) return undefined;
  return can(actor, { action: 'viewPerson', person: await loadPerson(db, person) }) ? person : undefined;
}
