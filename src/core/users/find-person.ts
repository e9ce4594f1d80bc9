import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';

/** A person picked from a numbered list stands in the command for the name typed: `person:<id>`. */
const PICKED = /^person:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/iu;

/** The token that names exactly this person in a command (what a numbered choice puts in its place). */
export const personToken = (userId: string) => `person:${userId}`;

/** One of several people with the name typed, with their teams to tell them apart. */
export interface PersonCandidate {
  id: string;
  name: string;
  teams: string[];
}

/**
 * Two or more people have the name typed: the chat asks which one with a numbered list and runs the
 * command again with the one picked (see the engine's refusal path and `choosePerson`).
 */
export class AmbiguousPersonError extends DomainError<'personAmbiguous'> {
  /** The command to run again when it is not the message's text (a name answering the report prompt). */
  rerun?: string;
  constructor(
    readonly typed: string,
    readonly candidates: PersonCandidate[],
  ) {
    super('personAmbiguous', { name: typed });
  }
}

/**
 * A colleague named in a command (`设为经理 张三 华东`), by display name, case-insensitive, or by the
 * token a numbered choice left in its place. Two people with the same name are not guessed between:
 * the sender is asked which ({@link AmbiguousPersonError}).
 */
export async function findPersonByName(db: Db, orgId: string, name: string): Promise<User> {
  const typed = name.trim().replace(/^@/, '');
  const picked = PICKED.exec(typed);
  if (picked) {
    const row = await db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('id', '=', picked[1]!).executeTakeFirst();
    if (!row) throw new DomainError('personNotFound', { name: typed });
    return row;
  }
  const rows = await peopleNamed(db, orgId, typed);
  if (rows.length === 0) throw new DomainError('personNotFound', { name: typed });
  if (rows.length > 1) throw new AmbiguousPersonError(typed, await candidatesOf(db, rows));
  return rows[0]!;
}

/** Everyone in the org with this display name (case-insensitive), oldest first. */
export async function peopleNamed(db: Db, orgId: string, typed: string): Promise<User[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['display_name']), '=', typed.toLowerCase()))
    .orderBy('created_at')
    .orderBy('id')
    .limit(20)
    .execute();
}

/** The people with their teams (as a member or as its manager), to tell them apart in a list. */
export async function candidatesOf(db: Db, people: readonly User[]): Promise<PersonCandidate[]> {
  const ids = people.map((p) => p.id);
  const rows = await db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.user_id', 't.name'])
    .where('m.user_id', 'in', ids)
    .orderBy('t.name')
    .execute();
  return people.map((p) => ({ id: p.id, name: p.display_name, teams: rows.filter((r) => r.user_id === p.id).map((r) => r.name) }));
}
