import type { Db } from '../shared/db.ts';
import type { Language } from '../../conversation/intents/types.ts';
import type { SettingsBook } from './settings-repository.ts';
import type { ScheduleSettings } from './settings.ts';

/** A team as the scheduler sees it: where it posts, on whose clock, in which language. */
export interface TeamContext {
  id: string;
  orgId: string;
  name: string;
  managerId: string;
  boundChannelRef: string | null;
  /** The team's own zone from its settings, else its manager's. */
  timeZone: string;
  /** Group posts use the manager's language. */
  language: Language;
  settings: ScheduleSettings;
}

interface TeamRow {
  id: string;
  org_id: string;
  name: string;
  manager_id: string;
  bound_channel_ref: string | null;
  time_zone: string;
  language: Language;
}

function teamsQuery(db: Db) {
  return db
    .selectFrom('teams as t')
    .innerJoin('users as mgr', 'mgr.id', 't.manager_id')
    .select(['t.id', 't.org_id', 't.name', 't.manager_id', 't.bound_channel_ref', 'mgr.time_zone', 'mgr.language']);
}

function toContext(row: TeamRow, book: SettingsBook): TeamContext {
  const settings = book.for(row.org_id, row.id);
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    managerId: row.manager_id,
    boundChannelRef: row.bound_channel_ref,
    timeZone: settings.timeZone ?? row.time_zone,
    language: row.language,
    settings,
  };
}

/** Every team, for the scheduler passes. */
export async function listTeams(db: Db, book: SettingsBook): Promise<TeamContext[]> {
  return (await teamsQuery(db).orderBy('t.id').execute()).map((row) => toContext(row, book));
}

/** The given teams that exist, in the order given (one statement for all). */
export async function loadTeams(db: Db, book: SettingsBook, teamIds: readonly string[]): Promise<TeamContext[]> {
  if (teamIds.length === 0) return [];
  const byId = new Map((await teamsQuery(db).where('t.id', 'in', teamIds).execute()).map((row) => [row.id, toContext(row, book)]));
  return teamIds.flatMap((id) => byId.get(id) ?? []);
}

export async function loadTeam(db: Db, book: SettingsBook, teamId: string): Promise<TeamContext | undefined> {
  const row = await teamsQuery(db).where('t.id', '=', teamId).executeTakeFirst();
  return row ? toContext(row, book) : undefined;
}

/** The team a person means by "my team": the first they joined as a rep, else the first they manage. */
export async function teamOfUser(db: Db, book: SettingsBook, userId: string): Promise<TeamContext | undefined> {
  const row = await teamsQuery(db)
    .innerJoin('team_memberships as m', 'm.team_id', 't.id')
    .where('m.user_id', '=', userId)
    .orderBy((eb) => eb.case().when('m.role', '=', 'rep').then(0).else(1).end())
    .orderBy('m.joined_at')
    .orderBy('t.id')
    .executeTakeFirst();
  return row ? toContext(row, book) : undefined;
}
