import type { Db } from '../shared/db.ts';
import type { SettingsBook } from '../schedules/settings-repository.ts';
import type { ScheduleSettings } from '../schedules/settings.ts';

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
  const rows = await db
    .selectFrom('teams as t')
    .leftJoin('team_memberships as m', (join) => join.onRef('m.team_id', '=', 't.id').on('m.role', '=', 'rep'))
    // Someone deactivated (left) is no longer in the digest.
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'm.user_id').on('u.deactivated_at', 'is', null))
    .select(['t.id as team_id', 't.name as team_name', 't.org_id', 'u.id as user_id', 'u.display_name', 'u.time_zone'])
    .where('t.manager_id', '=', managerId)
    .orderBy('t.name')
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
