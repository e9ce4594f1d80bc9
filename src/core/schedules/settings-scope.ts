import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import type { SettingsScope } from '../../conversation/intents/types.ts';
import { findTeamByName } from '../teams/team-repository.ts';

/** The org or team whose schedule settings a chat command reads or changes. */
export interface SettingsTarget {
  level: 'org' | 'team';
  /** The org's or the team's id: the `scope_id` of its overrides. */
  id: string;
  orgId: string;
  /** For a team: its name and manager. */
  team?: { name: string; managerId: string };
}

/** Why the sender cannot use that scope; each is answered in their language. */
export type ScopeRefusal =
  | { refusal: 'notAllowed' }
  | { refusal: 'onlyAdminForOrg' }
  | { refusal: 'onlyManagerOfTeam'; team: string }
  | { refusal: 'whichTeam'; teams: string[] }
  | { refusal: 'teamNotFound'; name: string };

/**
 * Works out which settings a command means.
 *
 * - `全公司` / `org`: the org's defaults; anyone may read them, only an admin may change them.
 * - `团队 华东` / `team East`: that team; anyone in the org may read, its manager or an admin change.
 * - Neither: the team the sender manages, if exactly one (several: they are asked which). Someone
 *   managing no team changes the org's defaults if an admin and nothing otherwise, and reads the
 *   settings of the team they belong to (else the org's).
 */
export async function settingsTarget(
  db: Db,
  user: User,
  requested: SettingsScope | undefined,
  purpose: 'read' | 'change',
): Promise<SettingsTarget | ScopeRefusal> {
  const org: SettingsTarget = { level: 'org', id: user.org_id, orgId: user.org_id };
  if (requested?.level === 'org') {
    return purpose === 'change' && user.role !== 'admin' ? { refusal: 'onlyAdminForOrg' } : org;
  }
  if (requested?.level === 'team') {
    const team = await findTeamByName(db, user.org_id, requested.name);
    if (!team) return { refusal: 'teamNotFound', name: requested.name.trim() };
    if (purpose === 'change' && team.manager_id !== user.id && user.role !== 'admin') {
      return { refusal: 'onlyManagerOfTeam', team: team.name };
    }
    return teamTarget(team);
  }
  const managed = await db
    .selectFrom('teams')
    .select(['id', 'org_id', 'name', 'manager_id'])
    .where('manager_id', '=', user.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (managed.length === 1) return teamTarget(managed[0]!);
  if (managed.length > 1) return { refusal: 'whichTeam', teams: managed.map((t) => t.name) };
  if (purpose === 'change') return user.role === 'admin' ? org : { refusal: 'notAllowed' };
  const member = await db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['t.id', 't.org_id', 't.name', 't.manager_id'])
    .where('m.user_id', '=', user.id)
    .orderBy((eb) => eb.case().when('m.role', '=', 'rep').then(0).else(1).end())
    .orderBy('m.joined_at')
    .orderBy('t.id')
    .executeTakeFirst();
  return member ? teamTarget(member) : org;
}

/** Whether `user` may change the target's settings (to say so when showing them). */
export function canChange(user: User, target: SettingsTarget): boolean {
  return user.role === 'admin' || (target.level === 'team' && target.team?.managerId === user.id);
}

export function isRefusal(value: SettingsTarget | ScopeRefusal): value is ScopeRefusal {
  return 'refusal' in value;
}

function teamTarget(team: { id: string; org_id: string; name: string; manager_id: string }): SettingsTarget {
  return { level: 'team', id: team.id, orgId: team.org_id, team: { name: team.name, managerId: team.manager_id } };
}
