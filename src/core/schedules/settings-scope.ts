import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import type { SettingsScope } from '../../conversation/intents/types.ts';
import { findTeamByName } from '../teams/team-repository.ts';
import { loadActor } from '../access/load-actor.ts';
import { can, type Actor } from '../access/permissions.ts';

/** The org or team whose schedule settings a chat command reads or changes. */
export interface SettingsTarget {
  level: 'org' | 'team';
  /** The org's or the team's id: the `scope_id` of its overrides. */
  id: string;
  orgId: string;
  /** For a team: its name and manager. */
  team?: { name: string; managerId: string };
  /** Whether the sender may change these settings ({@link can}: org settings or the team's). */
  changeable: boolean;
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
 *
 * Who may change what is asked of {@link can} (`changeOrgSettings`, `changeTeamSettings`), like every
 * other permission.
 */
export async function settingsTarget(
  db: Db,
  user: User,
  requested: SettingsScope | undefined,
  purpose: 'read' | 'change',
): Promise<SettingsTarget | ScopeRefusal> {
  const actor = await loadActor(db, user);
  const org: SettingsTarget = { level: 'org', id: user.org_id, orgId: user.org_id, changeable: can(actor, { action: 'changeOrgSettings', orgId: user.org_id }) };
  if (requested?.level === 'org') {
    return purpose === 'change' && !org.changeable ? { refusal: 'onlyAdminForOrg' } : org;
  }
  if (requested?.level === 'team') {
    const team = await findTeamByName(db, user.org_id, requested.name);
    if (!team) return { refusal: 'teamNotFound', name: requested.name.trim() };
    const target = teamTarget(team, actor);
    if (purpose === 'change' && !target.changeable) return { refusal: 'onlyManagerOfTeam', team: team.name };
    return target;
  }
  const managed = await db
    .selectFrom('teams')
    .select(['id', 'org_id', 'name', 'manager_id'])
    .where('manager_id', '=', user.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (managed.length === 1) return teamTarget(managed[0]!, actor);
  if (managed.length > 1) return { refusal: 'whichTeam', teams: managed.map((t) => t.name) };
  if (purpose === 'change') return org.changeable ? org : { refusal: 'notAllowed' };
  const member = await db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['t.id', 't.org_id', 't.name', 't.manager_id'])
    .where('m.user_id', '=', user.id)
    .orderBy((eb) => eb.case().when('m.role', '=', 'rep').then(0).else(1).end())
    .orderBy('m.joined_at')
    .orderBy('t.id')
    .executeTakeFirst();
  return member ? teamTarget(member, actor) : org;
}

export function isRefusal(value: SettingsTarget | ScopeRefusal): value is ScopeRefusal {
  return 'refusal' in value;
}

function teamTarget(team: { id: string; org_id: string; name: string; manager_id: string }, actor: Actor): SettingsTarget {
  return {
    level: 'team',
    id: team.id,
    orgId: team.org_id,
    team: { name: team.name, managerId: team.manager_id },
    changeable: can(actor, { action: 'changeTeamSettings', orgId: team.org_id, teamId: team.id }),
  };
}
