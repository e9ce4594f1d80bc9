import type { Db } from '../../core/shared/db.ts';
import type { User } from '../../db/schema.ts';
import { loadPerson } from '../../core/access/load-actor.ts';
import { can, type Actor } from '../../core/access/permissions.ts';

export interface ScopedTeam {
  /** Null for the reps in no team, listed to those who see the whole org (`viewOrg`). */
  id: string | null;
  name: string;
  reps: User[];
}

/**
 * The teams a console viewer oversees with their reps: those the `viewTeam` check lets them look at
 * (an admin every team of the org, a manager the teams they manage, a rep none), and for whoever sees
 * the whole org (`viewOrg`: an admin) the reps in no team at all, last, with a null id: they file
 * reports and check in like anyone, and no team page would show them otherwise. Every person listed
 * also passes the `viewPerson` check. Nobody deactivated (left the company, src/core/privacy) is
 * listed: these are today's lists; their past records stay in the history exports.
 */
export async function scopedTeams(db: Db, actor: Actor): Promise<ScopedTeam[]> {
  if (!can(actor, { action: 'openManagerConsole', orgId: actor.orgId })) return [];
  const all = await db.selectFrom('teams').select(['id', 'name', 'org_id']).where('org_id', '=', actor.orgId).orderBy('name').orderBy('id').execute();
  const teams = all.filter((team) => can(actor, { action: 'viewTeam', orgId: team.org_id, teamId: team.id })).map(({ id, name }) => ({ id, name }));
  const unteamed = can(actor, { action: 'viewOrg', orgId: actor.orgId }) ? await repsInNoTeam(db, actor) : [];
  if (teams.length === 0) return unteamed.length > 0 ? [{ id: null, name: '', reps: unteamed }] : [];
  const members = await db
    .selectFrom('team_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('u')
    .select('m.team_id')
    .where('m.team_id', 'in', teams.map((t) => t.id))
    .where('m.role', '=', 'rep')
    .where('u.org_id', '=', actor.orgId)
    .where('u.deactivated_at', 'is', null)
    .orderBy('u.display_name')
    .execute();
  const scoped: ScopedTeam[] = teams.map((team) => ({
    ...team,
    reps: members
      .filter((m) => m.team_id === team.id)
      .map(({ team_id: _team, ...user }) => user)
      .filter((u) => can(actor, { action: 'viewPerson', person: { userId: u.id, orgId: u.org_id, teamIds: [team.id] } })),
  }));
  return unteamed.length > 0 ? [...scoped, { id: null, name: '', reps: unteamed }] : scoped;
}

/** Reps of the org in no team (a newcomer not yet placed, someone whose team was wound up). */
async function repsInNoTeam(db: Db, actor: Actor): Promise<User[]> {
  const people = await db
    .selectFrom('users as u')
    .selectAll('u')
    .where('u.org_id', '=', actor.orgId)
    // Whom Legwork asks for a daily report (as the reminders do); who may see them is can() below.
    .where('u.role', '=', 'rep')
    .where('u.deactivated_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('team_memberships as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id'))))
    .orderBy('u.display_name')
    .execute();
  return people.filter((u) => can(actor, { action: 'viewPerson', person: { userId: u.id, orgId: u.org_id, teamIds: [] } }));
}

/**
 * Everyone whose reports the viewer's console lists: the reps of the teams they oversee; someone who
 * oversees no team (a rep, a manager by title who manages no team) only themself.
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
