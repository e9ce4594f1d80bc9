import type { Db } from '../shared/db.ts';
import type { Org, User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { audit } from '../shared/audit.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAllowed } from '../access/require-allowed.ts';
import { can } from '../access/permissions.ts';
import { findPersonByName } from '../users/find-person.ts';
import { findTeamByName } from './team-repository.ts';
import { makeManagerOf } from './team-roles.ts';

/**
 * `创建团队 华东 [经理 张三]`: only an admin creates teams; the team is managed by the person named,
 * else by the admin who created it.
 */
export async function createTeam(
  { db }: { db: Db },
  input: { user: User; name: string; managerName?: string },
): Promise<{ teamId: string; name: string; manager: User }> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'createTeam', orgId: input.user.org_id });
  const name = input.name.trim();
  const existing = await findTeamByName(db, input.user.org_id, name);
  if (existing) throw new DomainError('teamExists', { name: existing.name });
  const manager = input.managerName ? await findPersonByName(db, input.user.org_id, input.managerName) : input.user;
  const team = await db
    .insertInto('teams')
    .values({ org_id: input.user.org_id, name, manager_id: manager.id })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  await makeManagerOf(db, team.id, manager);
  await audit(db, input.user, 'team.created', team.id, { name, managerId: manager.id });
  return { teamId: team.id, name: team.name, manager };
}

export type JoinOutcome =
  /** Joined at once; the team's manager is told (an alert). */
  | { status: 'joined'; teamId: string; name: string; managerId: string }
  /** Waiting for the manager, who is to be asked. */
  | { status: 'requested'; teamId: string; name: string; manager: User; requestId: string };

/**
 * `加入团队 华东`: a request the team's manager approves or declines, unless the org lets anyone
 * join (`orgs.open_joining`, for small companies) or the person asking may decide joins to that team
 * themself (an admin).
 */
export async function joinTeam({ db, now }: { db: Db; now: Date }, input: { user: User; org: Org; name: string }): Promise<JoinOutcome> {
  const team = await findTeamByName(db, input.user.org_id, input.name);
  if (!team) throw new DomainError('teamNotFound', { name: input.name.trim() });
  const member = await db
    .selectFrom('team_memberships')
    .select('team_id')
    .where('team_id', '=', team.id)
    .where('user_id', '=', input.user.id)
    .executeTakeFirst();
  if (member) throw new DomainError('teamAlreadyMember', { name: team.name });
  // Whoever may approve a request to this team (an admin) may simply join it.
  if (input.org.open_joining || can(await loadActor(db, input.user), { action: 'decideJoin', orgId: team.org_id, teamId: team.id })) {
    await db.insertInto('team_memberships').values({ team_id: team.id, user_id: input.user.id, role: 'rep' }).execute();
    await audit(db, input.user, 'team.joined', team.id, {});
    return { status: 'joined', teamId: team.id, name: team.name, managerId: team.manager_id };
  }
  const requested = await db
    .insertInto('join_requests')
    .values({ org_id: team.org_id, team_id: team.id, user_id: input.user.id, requested_at: now })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).where('status', '=', 'pending').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!requested) throw new DomainError('joinAlreadyRequested', { name: team.name });
  await audit(db, input.user, 'team.join_requested', team.id, {});
  const manager = await db.selectFrom('users').selectAll().where('id', '=', team.manager_id).executeTakeFirstOrThrow();
  return { status: 'requested', teamId: team.id, name: team.name, manager, requestId: requested.id };
}

/** Binds a team to the group chat the command was sent in; only its manager (or an admin) may. */
export async function bindTeam(
  { db }: { db: Db },
  input: { user: User; name: string; channelRef: string; inGroup: boolean },
): Promise<{ teamId: string; name: string }> {
  if (!input.inGroup) throw new DomainError('teamBindOnlyInGroup');
  const team = await findTeamByName(db, input.user.org_id, input.name);
  if (!team) throw new DomainError('teamNotFound', { name: input.name.trim() });
  const actor = await loadActor(db, input.user);
  if (!can(actor, { action: 'changeTeamSettings', orgId: team.org_id, teamId: team.id })) {
    throw new DomainError('teamBindOnlyManager', { name: team.name });
  }
  await db.updateTable('teams').set({ bound_channel_ref: input.channelRef }).where('id', '=', team.id).execute();
  await audit(db, input.user, 'team.bound', team.id, { channel: input.channelRef });
  return { teamId: team.id, name: team.name };
}
