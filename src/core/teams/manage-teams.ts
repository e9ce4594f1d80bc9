import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { findTeamByName } from './team-repository.ts';

/** Creates a team managed by its creator; a rep who creates a team becomes a manager. */
export async function createTeam({ db }: { db: Db }, input: { user: User; name: string }): Promise<{ teamId: string; name: string }> {
  const name = input.name.trim();
  const existing = await findTeamByName(db, input.user.org_id, name);
  if (existing) throw new DomainError('teamExists', { name: existing.name });
  const team = await db
    .insertInto('teams')
    .values({ org_id: input.user.org_id, name, manager_id: input.user.id })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  await db.insertInto('team_memberships').values({ team_id: team.id, user_id: input.user.id, role: 'manager' }).execute();
  if (input.user.role === 'rep') {
    await db.updateTable('users').set({ role: 'manager' }).where('id', '=', input.user.id).execute();
  }
  await audit(db, input.user, 'team.created', team.id, { name });
  return { teamId: team.id, name: team.name };
}

/** Adds the user to a team as a rep. */
export async function joinTeam({ db }: { db: Db }, input: { user: User; name: string }): Promise<{ teamId: string; name: string }> {
  const team = await findTeamByName(db, input.user.org_id, input.name);
  if (!team) throw new DomainError('teamNotFound', { name: input.name.trim() });
  const inserted = await db
    .insertInto('team_memberships')
    .values({ team_id: team.id, user_id: input.user.id, role: 'rep' })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
    .returning('team_id')
    .executeTakeFirst();
  if (!inserted) throw new DomainError('teamAlreadyMember', { name: team.name });
  await audit(db, input.user, 'team.joined', team.id, {});
  return { teamId: team.id, name: team.name };
}

/** Binds a team to the group chat the command was sent in; only its manager (or an admin) may. */
export async function bindTeam(
  { db }: { db: Db },
  input: { user: User; name: string; channelRef: string; inGroup: boolean },
): Promise<{ teamId: string; name: string }> {
  if (!input.inGroup) throw new DomainError('teamBindOnlyInGroup');
  const team = await findTeamByName(db, input.user.org_id, input.name);
  if (!team) throw new DomainError('teamNotFound', { name: input.name.trim() });
  if (team.manager_id !== input.user.id && input.user.role !== 'admin') {
    throw new DomainError('teamBindOnlyManager', { name: team.name });
  }
  await db.updateTable('teams').set({ bound_channel_ref: input.channelRef }).where('id', '=', team.id).execute();
  await audit(db, input.user, 'team.bound', team.id, { channel: input.channelRef });
  return { teamId: team.id, name: team.name };
}

async function audit(db: Db, actor: User, action: string, subjectId: string, detail: Record<string, unknown>) {
  await db
    .insertInto('audit_log')
    .values({ org_id: actor.org_id, actor_user_id: actor.id, action, subject_id: subjectId, detail: JSON.stringify(detail) })
    .execute();
}
