import type { User } from '../../db/schema.ts';
import { loadActor, loadPerson } from '../access/load-actor.ts';
import { can } from '../access/permissions.ts';
import type { Db } from '../shared/db.ts';

export interface Viewer {
  name: string;
  role: 'admin' | 'manager' | 'rep';
  /** 'records': check-ins with location and distance, visits with notes, reports, plans; 'notes': visit notes on customer cards. */
  sees: 'records' | 'notes';
}

/**
 * The people who can open `person`'s individual records, by name, each with what they see. Asked of
 * `can()` for every candidate (admins, managers of the person's teams, and teammates when the org
 * shares notes), so this list and what Legwork actually allows cannot drift apart.
 */
export async function whoSeesMe(db: Db, person: User): Promise<Viewer[]> {
  const [subject, org] = await Promise.all([
    loadPerson(db, person),
    db.selectFrom('orgs').select('share_team_notes').where('id', '=', person.org_id).executeTakeFirstOrThrow(),
  ]);
  const teamIds = subject.teamIds.length > 0 ? [...subject.teamIds] : ['00000000-0000-0000-0000-000000000000'];
  const candidates = await db
    .selectFrom('users as u')
    .selectAll('u')
    .where('u.org_id', '=', person.org_id)
    .where('u.id', '<>', person.id)
    .where('u.deactivated_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'admin'),
        eb.exists(eb.selectFrom('teams as t').select('t.id').whereRef('t.manager_id', '=', 'u.id').where('t.id', 'in', teamIds)),
        ...(org.share_team_notes
          ? [eb.exists(eb.selectFrom('team_memberships as m').select('m.team_id').whereRef('m.user_id', '=', 'u.id').where('m.team_id', 'in', teamIds))]
          : []),
      ]),
    )
    .orderBy('u.created_at')
    .orderBy('u.id')
    .execute();
  const viewers: Viewer[] = [];
  for (const candidate of candidates) {
    const actor = await loadActor(db, candidate);
    if (can(actor, { action: 'viewPerson', person: subject })) viewers.push({ name: candidate.display_name, role: candidate.role, sees: 'records' });
    else if (can(actor, { action: 'viewVisitNotes', author: subject, shareNotesInTeam: org.share_team_notes })) {
      viewers.push({ name: candidate.display_name, role: candidate.role, sees: 'notes' });
    }
  }
  return viewers;
}
