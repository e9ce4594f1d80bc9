import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { audit } from '../shared/audit.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAllowed } from '../access/require-allowed.ts';
import { can, type Actor } from '../access/permissions.ts';
import { AmbiguousPersonError, findPersonByName, personToken } from '../users/find-person.ts';

/**
 * The sender as an actor who may act on some team: a rep (no team managed, not an admin) is refused
 * here, naming the admins, before learning anything about colleagues and their teams.
 */
async function teamAuthority(db: Db, user: User): Promise<Actor> {
  const actor = await loadActor(db, user);
  await requireAllowed(db, actor, { action: 'leadAnyTeam', orgId: actor.orgId });
  return actor;
}

/**
 * `移出团队 王五 [华东]` / `remove Wang [from East]`: a team's manager or an admin takes a member out.
 * Without a team name the person's only team is meant. A team's manager is replaced, not removed.
 */
export async function removeFromTeam(
  { db }: { db: Db },
  input: { user: User; personName: string; teamName?: string },
): Promise<{ person: User; team: { id: string; name: string } }> {
  const actor = await teamAuthority(db, input.user);
  const person = await findPersonByName(db, input.user.org_id, input.personName);
  const teams = await db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['t.id', 't.name', 't.manager_id'])
    .where('m.user_id', '=', person.id)
    .orderBy('t.name')
    .execute();
  const typed = input.teamName?.trim().toLowerCase();
  const candidates = typed ? teams.filter((t) => t.name.toLowerCase() === typed) : teams;
  if (candidates.length === 0) {
    throw typed
      ? new DomainError('notInThatTeam', { person: person.display_name, team: input.teamName!.trim() })
      : new DomainError('notInTeam', { person: person.display_name });
  }
  if (candidates.length > 1) throw new DomainError('inSeveralTeams', { person: person.display_name, teams: candidates.map((t) => t.name) });
  const team = candidates[0]!;
  await requireAllowed(db, actor, { action: 'removeFromTeam', orgId: actor.orgId, teamId: team.id }, { teamName: team.name });
  if (team.manager_id === person.id) throw new DomainError('cannotRemoveManager', { person: person.display_name, team: team.name });
  await db.deleteFrom('team_memberships').where('team_id', '=', team.id).where('user_id', '=', person.id).execute();
  await audit(db, input.user, 'team.member_removed', team.id, { userId: person.id });
  return { person, team: { id: team.id, name: team.name } };
}

/**
 * The person a decision names. Of several people with that name only those asking to join a team
 * the sender decides on are meant: one of them is taken, several are asked about (never a namesake
 * who asked nothing, as `同意 张三` listed before).
 */
async function requester(db: Db, actor: Actor, user: User, name: string): Promise<User> {
  try {
    return await findPersonByName(db, user.org_id, name);
  } catch (error) {
    if (!(error instanceof AmbiguousPersonError)) throw error;
    const asking = await db
      .selectFrom('join_requests')
      .select(['user_id', 'team_id'])
      .where('user_id', 'in', error.candidates.map((c) => c.id))
      .where('status', '=', 'pending')
      .execute();
    const ids = new Set(asking.filter((r) => can(actor, { action: 'decideJoin', orgId: actor.orgId, teamId: r.team_id })).map((r) => r.user_id));
    const candidates = error.candidates.filter((c) => ids.has(c.id));
    if (candidates.length === 1) return findPersonByName(db, user.org_id, personToken(candidates[0]!.id));
    if (candidates.length > 1) throw new AmbiguousPersonError(error.typed, candidates);
    throw error;
  }
}

/**
 * `同意 王五` / `decline Wang`: decides the person's pending join requests for the teams the sender
 * may decide on (their managed teams; every team for an admin). Anyone else's request is not theirs
 * to see, so it reads as "no request waiting for you".
 */
export async function decideJoin(
  { db, now }: { db: Db; now: Date },
  input: { user: User; personName: string; approve: boolean },
): Promise<{ person: User; teams: string[] }> {
  const actor = await teamAuthority(db, input.user);
  const person = await requester(db, actor, input.user, input.personName);
  const pending = await db
    .selectFrom('join_requests as r')
    .innerJoin('teams as t', 't.id', 'r.team_id')
    .select(['r.id', 't.id as team_id', 't.name'])
    .where('r.user_id', '=', person.id)
    .where('r.status', '=', 'pending')
    .orderBy('r.requested_at')
    .execute();
  const mine = pending.filter((r) => can(actor, { action: 'decideJoin', orgId: actor.orgId, teamId: r.team_id }));
  if (mine.length === 0) throw new DomainError('noJoinRequest', { person: person.display_name });
  for (const request of mine) {
    await db
      .updateTable('join_requests')
      .set({ status: input.approve ? 'approved' : 'declined', decided_at: now, decided_by: input.user.id })
      .where('id', '=', request.id)
      .execute();
    if (input.approve) {
      await db
        .insertInto('team_memberships')
        .values({ team_id: request.team_id, user_id: person.id, role: 'rep' })
        .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
        .execute();
    }
    await audit(db, input.user, input.approve ? 'team.join_approved' : 'team.join_declined', request.team_id, { userId: person.id });
  }
  return { person, teams: mine.map((r) => r.name) };
}
