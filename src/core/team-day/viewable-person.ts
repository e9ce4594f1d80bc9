import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { adminNames, loadActor, loadPerson } from '../access/load-actor.ts';
import { can } from '../access/permissions.ts';
import { findPersonByName } from '../users/find-person.ts';

/**
 * The colleague `name` names, when `viewer` may see their day (the one `viewPerson` check: admins
 * anyone, managers the people in their teams, anyone themself). A refusal names who can see it: the
 * person's managers (never the person, who may manage a team of their own) and the org's admins.
 */
export async function findViewablePerson(db: Db, viewer: User, name: string): Promise<User> {
  const person = await findPersonByName(db, viewer.org_id, name);
  const subject = await loadPerson(db, person);
  if (can(await loadActor(db, viewer), { action: 'viewPerson', person: subject })) return person;
  const managers =
    subject.teamIds.length === 0
      ? []
      : await db
          .selectFrom('teams as t')
          .innerJoin('users as u', 'u.id', 't.manager_id')
          .select('u.display_name')
          .where('t.id', 'in', subject.teamIds)
          // Their own team is not where anyone else may ask to see them.
          .where('u.id', '<>', person.id)
          .orderBy('u.display_name')
          .execute();
  throw new DomainError('teamDayNotYours', {
    person: person.display_name,
    managers: [...new Set(managers.map((m) => m.display_name))],
    admins: await adminNames(db, viewer.org_id),
  });
}
