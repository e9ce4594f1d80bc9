import { AmbiguousPersonError, candidatesOf, findPersonByName, peopleNamed } from '../users/find-person.ts';
import type { Db } from '../shared/db.ts';
import type { Selectable } from 'kysely';
import type { DailyReportsTable, User } from '../../db/schema.ts';

type DailyReport = Selectable<DailyReportsTable>;
import { DomainError } from '../shared/domain-error.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { recordZone } from '../users/record-zone.ts';
import { adminNames, loadActor, loadPerson } from '../access/load-actor.ts';
import { can } from '../access/permissions.ts';
import { findReport } from './submit-daily-report.ts';

export interface PersonReport {
  person: User;
  /** The person's local date the report is for (today on their calendar). */
  date: string;
  report: DailyReport | undefined;
}

/**
 * `日报 张三` from a manager or an admin: whether the text names a colleague (then it is a request to
 * read their report, never the sender's own report reading "张三"). Undefined for a rep, and for text
 * naming nobody: then `日报 <text>` is the sender's own report as always. A manager naming someone
 * outside their teams is refused rather than filing "张三" as their report.
 */
export async function readPersonReport(db: Db, input: { viewer: User; text: string; now: Date }): Promise<PersonReport | undefined> {
  if (input.viewer.role === 'rep') return undefined;
  const typed = input.text.trim().replace(/^@/, '');
  if (typed === '' || /\s/u.test(typed)) return undefined;
  const picked = /^person:/u.test(typed) ? [await findPersonByName(db, input.viewer.org_id, typed)] : await peopleNamed(db, input.viewer.org_id, typed);
  // Two colleagues of that name: ask which (a numbered list), never file the words as a report.
  if (picked.length > 1) throw new AmbiguousPersonError(typed, await candidatesOf(db, picked));
  if (picked.length !== 1 || picked[0]!.id === input.viewer.id) return undefined;
  const person = picked[0]!;
  const actor = await loadActor(db, input.viewer);
  if (!can(actor, { action: 'viewPerson', person: await loadPerson(db, person) })) {
    throw new DomainError('reportNotYours', { person: person.display_name });
  }
  // The day their records of today are on (their team's, on a day they moved their clock).
  const date = localDateOf(input.now, await recordZone(db, person.id, input.now, person));
  return { person, date, report: await findReport(db, person.id, date) };
}

export interface TeamReports {
  /** The team's name; null for the reps in no team, listed to whoever sees the whole org (an admin). */
  team: string | null;
  members: { name: string; date: string; report: DailyReport | undefined }[];
}

/**
 * `日报 团队` / `report team`: who in the teams the sender manages filed today's report (each on their
 * own calendar). An admin managing no team sees every team, and then the reps in no team last (as the
 * console lists them): they file reports like anyone and no team would show them otherwise. A rep is
 * told whom to ask.
 */
export async function readTeamReports(db: Db, input: { viewer: User; now: Date }): Promise<TeamReports[]> {
  const actor = await loadActor(db, input.viewer);
  if (!can(actor, { action: 'leadAnyTeam', orgId: actor.orgId })) throw new DomainError('teamReportsOnlyManagers', { admins: await adminNames(db, actor.orgId) });
  const rows = await db
    .selectFrom('teams as t')
    .leftJoin('team_memberships as m', (join) => join.onRef('m.team_id', '=', 't.id').on('m.role', '=', 'rep'))
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select(['t.id', 't.name', 't.manager_id', 'u.id as user_id', 'u.display_name', 'u.time_zone', 'u.time_zone_changed_at'])
    .where('t.org_id', '=', input.viewer.org_id)
    .orderBy('t.name')
    .orderBy('u.display_name')
    .execute();
  // The teams the sender may look at (the one check); an admin who also manages teams gets theirs.
  const visible = rows.filter((row) => can(actor, { action: 'viewTeam', orgId: input.viewer.org_id, teamId: row.id }));
  const own = visible.filter((row) => row.manager_id === actor.userId);
  const teams = new Map<string, TeamReports>();
  for (const row of own.length > 0 ? own : visible) {
    const team = teams.get(row.id) ?? { team: row.name, members: [] };
    teams.set(row.id, team);
    if (!row.user_id) continue;
    // Which teams are listed is the sender's scope above; whose report is shown is the one check.
    if (!can(actor, { action: 'viewPerson', person: { userId: row.user_id, orgId: input.viewer.org_id, teamIds: [row.id] } })) continue;
    const date = localDateOf(input.now, await recordZone(db, row.user_id, input.now, { time_zone: row.time_zone!, time_zone_changed_at: row.time_zone_changed_at }));
    team.members.push({ name: row.display_name!, date, report: await findReport(db, row.user_id, date) });
  }
  const listed = [...teams.values()];
  if (own.length > 0 || !can(actor, { action: 'viewOrg', orgId: actor.orgId })) return listed;
  const loners = await repsInNoTeam(db, input.viewer.org_id);
  if (loners.length === 0) return listed;
  const members: TeamReports['members'] = [];
  for (const person of loners) {
    if (!can(actor, { action: 'viewPerson', person: { userId: person.id, orgId: person.org_id, teamIds: [] } })) continue;
    const date = localDateOf(input.now, await recordZone(db, person.id, input.now, person));
    members.push({ name: person.display_name, date, report: await findReport(db, person.id, date) });
  }
  return [...listed, { team: null, members }];
}

/** Reps of the org in no team and still with it (not deactivated), by name. */
async function repsInNoTeam(db: Db, orgId: string): Promise<User[]> {
  return db
    .selectFrom('users as u')
    .selectAll('u')
    .where('u.org_id', '=', orgId)
    // Whom Legwork asks for a daily report, as the reminders do.
    .where('u.role', '=', 'rep')
    .where('u.deactivated_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('team_memberships as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id'))))
    .orderBy('u.display_name')
    .execute();
}
