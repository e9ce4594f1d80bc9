import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { can } from '../access/permissions.ts';
import { loadActor, loadPerson } from '../access/load-actor.ts';
import { normalizeName } from '../customers/match-customer-name.ts';

export type PersonLookup = { kind: 'one'; person: User } | { kind: 'none' } | { kind: 'several'; names: string[] };

/** A person of the org by the name typed (`张三`, `zhang`): exact first, then a unique prefix. */
export async function findPersonByName(db: Db, orgId: string, typed: string): Promise<PersonLookup> {
  const key = normalizeName(typed);
  const people = await db.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
  const exact = people.filter((p) => normalizeName(p.display_name) === key);
  const matches = exact.length > 0 ? exact : people.filter((p) => normalizeName(p.display_name).startsWith(key));
  if (matches.length === 1) return { kind: 'one', person: matches[0]! };
  if (matches.length === 0 || key === '') return { kind: 'none' };
  return { kind: 'several', names: matches.map((p) => p.display_name) };
}

/**
 * Whether `actor` may see (`viewPerson`) or plan for (`assignWork`) `person`: themselves, members of
 * teams they manage, anyone in the org for admins (src/core/access/permissions.ts).
 */
export async function mayActOn(db: Db, actor: User, person: User, action: 'viewPerson' | 'assignWork'): Promise<boolean> {
  if (actor.id === person.id) return true;
  const [who, subject] = await Promise.all([loadActor(db, actor), loadPerson(db, person)]);
  return action === 'viewPerson' ? can(who, { action, person: subject }) : can(who, { action, assignee: subject });
}
