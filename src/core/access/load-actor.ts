import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import type { Actor, PersonSubject } from './permissions.ts';

/**
 * The facts {@link can} needs about the person asking: their role and their teams. One statement:
 * nearly every turn that shows or changes something asks it, and a round trip costs more than both
 * lookups (they are index probes).
 */
export async function loadActor(db: Db, user: Pick<User, 'id' | 'org_id' | 'role'>): Promise<Actor> {
  const { rows } = await sql<{ managed: string[]; member: string[] }>`
    select array(select id::text from teams where manager_id = ${user.id}) as managed,
           array(select team_id::text from team_memberships where user_id = ${user.id}) as member`.execute(db);
  const managedTeamIds = rows[0]!.managed;
  return {
    userId: user.id,
    orgId: user.org_id,
    role: user.role,
    managedTeamIds,
    memberTeamIds: [...new Set([...rows[0]!.member, ...managedTeamIds])],
  };
}

/** A person as the subject of a check: the teams they belong to. */
export async function loadPerson(db: Db, person: Pick<User, 'id' | 'org_id'>): Promise<PersonSubject> {
  const rows = await db.selectFrom('team_memberships').select('team_id').where('user_id', '=', person.id).execute();
  return { userId: person.id, orgId: person.org_id, teamIds: rows.map((r) => r.team_id) };
}

/** Many people at once (a customer card's visit authors), by id. */
export async function loadPeople(db: Db, orgId: string, userIds: readonly string[]): Promise<Map<string, PersonSubject>> {
  const people = new Map<string, PersonSubject>(userIds.map((id) => [id, { userId: id, orgId, teamIds: [] as string[] }]));
  if (userIds.length === 0) return people;
  const rows = await db.selectFrom('team_memberships').select(['user_id', 'team_id']).where('user_id', 'in', [...people.keys()]).execute();
  for (const row of rows) (people.get(row.user_id)!.teamIds as string[]).push(row.team_id);
  return people;
}

/** The org's admins by name, oldest first: whom a refused rep should ask. */
export async function adminNames(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('display_name')
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.display_name);
}
