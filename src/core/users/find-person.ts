import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';

/** A person picked from a numbered list stands in the command for the name typed: `person:<id>`. */
const PICKED = /^person:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/iu;

/** The token that names exactly this person in a command (what a numbered choice puts in its place). */
export const personToken = (userId: string) => `person:${userId}`;

/** One of several people with the name typed, with their teams to tell them apart. */
export interface PersonCandidate {
  id: string;
  name: string;
  teams: string[];
  /** Their latest check-in (customer, their local date), for people the teams do not tell apart. */
  lastCheckIn: { customer: string; date: string } | null;
  /** The local date they started using Legwork. */
  since: string;
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
  const latest = await Promise.all(
    people.map((p) =>
      db
        .selectFrom('check_ins as c')
        .innerJoin('customers as k', 'k.id', 'c.customer_id')
        .select(['k.name', 'c.at'])
        .where('c.user_id', '=', p.id)
        .where('c.kind', '=', 'in')
        .orderBy('c.at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ),
  );
  return people.map((p, i) => {
    const last = latest[i];
    return {
      id: p.id,
      name: p.display_name,
      teams: rows.filter((r) => r.user_id === p.id).map((r) => r.name),
      lastCheckIn: last ? { customer: last.name, date: localDateOf(new Date(last.at), p.time_zone) } : null,
      since: localDateOf(new Date(p.created_at), p.time_zone),
    };
  });
}
