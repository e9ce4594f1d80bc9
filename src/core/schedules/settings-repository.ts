import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import { resolveSettings, type ScheduleOverrides, type ScheduleSettings } from './settings.ts';

/**
 * Every org's and team's overrides, loaded once per scheduler pass (the table holds one small row
 * per org or team that changed anything), with the merged settings cached per (org, team).
 */
export class SettingsBook {
  private readonly cache = new Map<string, ScheduleSettings>();
  private everything: ScheduleSettings[] | undefined;
  constructor(
    private readonly orgs: ReadonlyMap<string, ScheduleOverrides>,
    private readonly teams: ReadonlyMap<string, { orgId: string; overrides: ScheduleOverrides }>,
    /** Whether some org runs on the defaults alone (else they are in force nowhere). */
    private readonly defaultsInUse = true,
  ) {}

  /** The settings for someone in `teamId` (or in no team) of `orgId`. */
  for(orgId: string, teamId: string | null | undefined): ScheduleSettings {
    const key = `${orgId}/${teamId ?? ''}`;
    let settings = this.cache.get(key);
    if (!settings) {
      settings = resolveSettings(this.orgs.get(orgId), teamId ? this.teams.get(teamId)?.overrides : undefined);
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** Every distinct settings object in force anywhere (for cheap "could anything be due?" checks). */
  all(): ScheduleSettings[] {
    if (!this.everything) {
      const out = this.defaultsInUse ? [resolveSettings()] : [];
      for (const [orgId] of this.orgs) out.push(this.for(orgId, null));
      for (const [teamId, { orgId }] of this.teams) out.push(this.for(orgId, teamId));
      this.everything = out;
    }
    return this.everything;
  }
}

/**
 * Loads every override row into a SettingsBook, in one statement: the rows, and one org without
 * org-level overrides if there is any (whether the defaults alone are in force somewhere). Every
 * scheduler pass and every `团队` reads it, so it is one round trip, not two.
 */
export async function loadSettingsBook(db: Db): Promise<SettingsBook> {
  const rows = await sql<{ scope: 'org' | 'team' | 'bare'; scope_id: string; org_id: string; settings: unknown }>`
    select scope, scope_id, org_id, settings from schedule_settings
    union all
    (select 'bare', o.id, o.id, null from orgs o
      where not exists (select 1 from schedule_settings s where s.scope = 'org' and s.scope_id = o.id)
      limit 1)`.execute(db);
  const orgs = new Map<string, ScheduleOverrides>();
  const teams = new Map<string, { orgId: string; overrides: ScheduleOverrides }>();
  let bare = false;
  for (const row of rows.rows) {
    if (row.scope === 'bare') bare = true;
    else if (row.scope === 'org') orgs.set(row.scope_id, row.settings as ScheduleOverrides);
    else teams.set(row.scope_id, { orgId: row.org_id, overrides: row.settings as ScheduleOverrides });
  }
  return new SettingsBook(orgs, teams, bare);
}

/**
 * Stores an org's or a team's overrides (replacing what was there). Validated against the merged
 * result first, so a bad value is refused here instead of breaking the scheduler later.
 * @throws ZodError naming the bad field.
 */
export async function saveScheduleOverrides(
  { db }: { db: Db },
  input: { scope: 'org' | 'team'; scopeId: string; orgId: string; overrides: ScheduleOverrides; now: Date },
): Promise<void> {
  resolveSettings(input.overrides);
  await db
    .insertInto('schedule_settings')
    .values({ scope: input.scope, scope_id: input.scopeId, org_id: input.orgId, settings: JSON.stringify(input.overrides), updated_at: input.now })
    .onConflict((oc) => oc.columns(['scope', 'scope_id']).doUpdateSet({ settings: JSON.stringify(input.overrides), updated_at: input.now }))
    .execute();
}

/** One org's or team's stored overrides (empty when it never changed anything). */
export async function loadScheduleOverrides(db: Db, scope: 'org' | 'team', scopeId: string): Promise<ScheduleOverrides> {
  const row = await db
    .selectFrom('schedule_settings')
    .select('settings')
    .where('scope', '=', scope)
    .where('scope_id', '=', scopeId)
    .executeTakeFirst();
  return (row?.settings as ScheduleOverrides | undefined) ?? {};
}

/** The names of an org's teams whose own overrides set `pick` (they keep it when the org changes). */
export async function teamsOverriding(db: Db, orgId: string, pick: (overrides: ScheduleOverrides) => unknown): Promise<string[]> {
  const rows = await db
    .selectFrom('schedule_settings as s')
    .innerJoin('teams as t', 't.id', 's.scope_id')
    .select(['t.name', 's.settings'])
    .where('s.scope', '=', 'team')
    .where('s.org_id', '=', orgId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  return rows.filter((row) => pick(row.settings as ScheduleOverrides) !== undefined).map((row) => row.name);
}
