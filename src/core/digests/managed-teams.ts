import type { Db } from '../shared/db.ts';
import type { SettingsBook } from '../schedules/settings-repository.ts';
import type { ScheduleSettings } from '../schedules/settings.ts';
import type { User } from '../../db/schema.ts';
import { loadActor, loadPeople } from '../access/load-actor.ts';
import { can, type Actor } from '../access/permissions.ts';

export interface ManagedRep {
  userId: string;
  name: string;
  timeZone: string;
}

export interface ManagedTeam {
  teamId: string;
  orgId: string;
  name: string;
  settings: ScheduleSettings;
  reps: ManagedRep[];
}

/** The teams a person manages (by name), each with its reps (by name): what a digest covers. */
export async function loadManagedTeams(db: Db, book: SettingsBook, managerId: string): Promise<ManagedTeam[]> {
  return loadTeamsWithReps(db, book, { managerId });
}

/**
 * Teams with their active reps (by name), ordered by team name: the teams one person manages, or
 * the teams given by id. Nobody is checked here: see {@link visibleTeams}.
 */
export async function loadTeamsWithReps(db: Db, book: SettingsBook, which: { managerId: string } | { teamIds: readonly string[] }): Promise<ManagedTeam[]> {
  if ('teamIds' in which && which.teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('teams as t')
    .leftJoin('team_memberships as m', (join) => join.onRef('m.team_id', '=', 't.id').on('m.role', '=', 'rep'))
    // Someone deactivated (left, or erased) is no longer in the digest nor in a trend.
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'm.user_id').on('u.deactivated_at', 'is', null))
    .select(['t.id as team_id', 't.name as team_name', 't.org_id', 'u.id as user_id', 'u.display_name', 'u.time_zone'])
    .$if('managerId' in which, (q) => q.where('t.manager_id', '=', (which as { managerId: string }).managerId))
    .$if('teamIds' in which, (q) => q.where('t.id', 'in', [...(which as { teamIds: readonly string[] }).teamIds]))
    .orderBy('t.name')
    .orderBy('t.id')
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  const teams = new Map<string, ManagedTeam>();
  for (const row of rows) {
    let team = teams.get(row.team_id);
    if (!team) {
      team = { teamId: row.team_id, orgId: row.org_id, name: row.team_name, settings: book.for(row.org_id, row.team_id), reps: [] };
      teams.set(row.team_id, team);
    }
    if (row.user_id && row.display_name) team.reps.push({ userId: row.user_id, name: row.display_name!, timeZone: row.time_zone! });
  }
  return [...teams.values()];
}

/**
 * The teams a manager's digest covers, through {@link can}: each team they may read (`viewTeam`),
 * with only the reps they may see (`viewPerson`). The query already picks the manager's own teams;
 * this is the same check every other place that shows a person's data asks.
 */
export async function loadDigestTeams(db: Db, book: SettingsBook, manager: Pick<User, 'id' | 'org_id' | 'role'>): Promise<ManagedTeam[]> {
  const teams = await loadManagedTeams(db, book, manager.id);
  if (teams.length === 0) return teams;
  return visibleTeams(db, await loadActor(db, manager), teams);
}

/**
 * Of `teams`, those `actor` may read as a whole (`viewTeam`), each with only the reps they may see
 * (`viewPerson`): the one filter the digest, its trend charts and `趋势` / `trend` go through.
 */
export async function visibleTeams(db: Db, actor: Actor, teams: readonly ManagedTeam[]): Promise<ManagedTeam[]> {
  const readable = teams.filter((t) => can(actor, { action: 'viewTeam', orgId: t.orgId, teamId: t.teamId }));
  if (readable.length === 0) return [];
  const people = await loadPeople(db, actor.orgId, [...new Set(readable.flatMap((t) => t.reps.map((r) => r.userId)))]);
  return readable.map((t) => ({ ...t, reps: t.reps.filter((r) => can(actor, { action: 'viewPerson', person: people.get(r.userId)! })) }));
}
