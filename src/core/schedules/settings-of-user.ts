import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import { resolveSettings, type ScheduleOverrides, type ScheduleSettings } from './settings.ts';

/**
 * The schedule settings in force for one person, in one statement: their team's (the team
 * `teamOfUser` picks: the first they joined as a rep, else the first they manage) over their org's,
 * or the org's alone when they are in no team. The same result as
 * `teamOfUser(db, await loadSettingsBook(db), userId)?.settings ?? book.for(orgId, null)`, for a
 * chat command that needs one person's settings: it reads two override rows instead of every org's
 * and takes one round trip instead of three.
 */
export async function loadSettingsOfUser(db: Db, user: { id: string; org_id: string }): Promise<ScheduleSettings> {
  const { rows } = await sql<{ org_settings: ScheduleOverrides | null; team_settings: ScheduleOverrides | null }>`
    select
      (select s.settings from schedule_settings s where s.scope = 'org' and s.scope_id = coalesce(t.org_id, ${user.org_id})) as org_settings,
      (select s.settings from schedule_settings s where s.scope = 'team' and s.scope_id = t.id) as team_settings
    from (select 1) as one
    left join lateral (
      select t.id, t.org_id
      from team_memberships m
      join teams t on t.id = m.team_id
      join users mgr on mgr.id = t.manager_id
      where m.user_id = ${user.id}
      order by case when m.role = 'rep' then 0 else 1 end, m.joined_at, t.id
      limit 1
    ) t on true`.execute(db);
  const row = rows[0];
  return resolveSettings(row?.org_settings, row?.team_settings);
}
