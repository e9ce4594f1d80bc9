import type { Db } from '../shared/db.ts';
import type { Org, User } from '../../db/schema.ts';
import type { Language } from '../../conversation/intents/types.ts';

export interface OrgDefaults {
  timeZone: string;
  language: Language;
  checkinRadiusMeters: number;
  reportDeadline: string;
}

export interface IdentityInput {
  platform: string;
  tenantId: string;
  externalId: string;
  displayName?: string;
  timeZone?: string;
  language?: Language;
  directRef?: string;
}

/**
 * Finds the org of a platform tenant and the user behind a platform identity, registering both on
 * first contact: an unknown tenant becomes a new org, an unknown identity a rep (the org's very
 * first user becomes its admin).
 *
 * The user's row stays locked until the caller's transaction ends: one turn per person at a time, so
 * two messages from the same rep (a double tap, a redelivery racing the original) cannot both see
 * "no open visit". A known identity, the case on nearly every message, costs one statement.
 */
export async function resolveIdentity(
  { db, defaults, now }: { db: Db; defaults: OrgDefaults; now?: Date },
  input: IdentityInput,
  /**
   * The locked lookup when the caller already ran it in one of its own statements
   * ({@link lockKnownIdentityQuery}): null for an unknown identity, undefined to look it up here.
   */
  prefetched?: KnownIdentity | null,
): Promise<{ org: Org; user: User; registered: boolean; directRef: string | null }> {
  const known = prefetched === undefined ? await findKnownIdentity(db, input) : (prefetched ?? undefined);
  if (known) {
    if (input.directRef && input.directRef !== known.directRef) {
      await db
        .updateTable('identities')
        .set({ direct_ref: input.directRef })
        .where('platform', '=', input.platform)
        .where('tenant_id', '=', input.tenantId)
        .where('external_id', '=', input.externalId)
        .execute();
    }
    return { org: known.org, user: known.user, registered: false, directRef: input.directRef ?? known.directRef };
  }

  const org = await findOrCreateOrg(db, defaults, input.platform, input.tenantId);
  const anyone = await db.selectFrom('users').select('id').where('org_id', '=', org.id).limit(1).executeTakeFirst();
  const user = await db
    .insertInto('users')
    .values({
      org_id: org.id,
      display_name: input.displayName?.trim() || input.externalId,
      role: anyone ? 'rep' : 'admin',
      time_zone: input.timeZone && isTimeZone(input.timeZone) ? input.timeZone : org.default_time_zone,
      language: input.language ?? org.default_language,
      // The turn's instant, not the database's: the day someone joined is the first a report was due.
      ...(now ? { joined_at: now } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const claimed = await db
    .insertInto('identities')
    .values({
      platform: input.platform,
      tenant_id: input.tenantId,
      external_id: input.externalId,
      user_id: user.id,
      direct_ref: input.directRef ?? null,
    })
    // A concurrent first message from the same person registered them first (PostgreSQL waited for
    // its commit): that person it is. A failed insert would abort the whole turn's transaction.
    .onConflict((oc) => oc.columns(['platform', 'tenant_id', 'external_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  if (!claimed) {
    await db.deleteFrom('users').where('id', '=', user.id).execute();
    const winner = await findKnownIdentity(db, input);
    if (!winner) throw new Error(`identity ${input.platform}/${input.externalId} vanished after a conflicting insert`);
    return { org: winner.org, user: winner.user, registered: false, directRef: input.directRef ?? winner.directRef };
  }
  await db
    .insertInto('audit_log')
    .values({ org_id: org.id, actor_user_id: user.id, action: 'user.registered', subject_id: user.id, detail: JSON.stringify({ platform: input.platform, role: user.role }) })
    .execute();
  return { org, user, registered: true, directRef: input.directRef ?? null };
}

/** A registered person as one turn sees them: their user row (locked), their org, their direct ref. */
export interface KnownIdentity {
  org: Org;
  user: User;
  directRef: string | null;
}

/**
 * The identity's user and org in one statement, the user's row locked until the transaction ends.
 * Exposed as a query so the engine can run it inside its first statement (with the dedupe insert);
 * {@link knownIdentityOf} turns a row back into a {@link KnownIdentity}.
 */
export function lockKnownIdentityQuery(db: Db, input: Pick<IdentityInput, 'platform' | 'tenantId' | 'externalId'>) {
  return db
    .selectFrom('identities')
    .innerJoin('users', 'users.id', 'identities.user_id')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .selectAll('users')
    .select([
      'identities.direct_ref',
      'orgs.name as org_name',
      'orgs.checkin_radius_m as org_checkin_radius_m',
      'orgs.report_deadline as org_report_deadline',
      'orgs.default_time_zone as org_default_time_zone',
      'orgs.default_language as org_default_language',
      'orgs.created_at as org_created_at',
      'orgs.open_joining as org_open_joining',
      'orgs.share_team_notes as org_share_team_notes',
      'orgs.charts as org_charts',
      'orgs.location_retention_days as org_location_retention_days',
      'orgs.keep_work_records as org_keep_work_records',
    ])
    .where('identities.platform', '=', input.platform)
    .where('identities.tenant_id', '=', input.tenantId)
    .where('identities.external_id', '=', input.externalId)
    .forUpdate('users');
}

export type KnownIdentityRow = NonNullable<Awaited<ReturnType<ReturnType<typeof lockKnownIdentityQuery>['executeTakeFirst']>>>;

/** Splits a {@link lockKnownIdentityQuery} row into the person, their org and their direct ref. */
export function knownIdentityOf(row: KnownIdentityRow): KnownIdentity {
  const { direct_ref, org_name, org_checkin_radius_m, org_report_deadline, org_default_time_zone, org_default_language, org_created_at, org_open_joining, org_share_team_notes, org_charts, org_location_retention_days, org_keep_work_records, ...user } = row;
  const org: Org = {
    id: user.org_id,
    name: org_name,
    checkin_radius_m: org_checkin_radius_m,
    report_deadline: org_report_deadline,
    default_time_zone: org_default_time_zone,
    default_language: org_default_language,
    created_at: org_created_at,
    open_joining: org_open_joining,
    share_team_notes: org_share_team_notes,
    charts: org_charts,
    location_retention_days: org_location_retention_days,
    keep_work_records: org_keep_work_records,
  };
  return { org, user, directRef: direct_ref };
}

/** The identity's user (locked) and org in one statement, or undefined for a first contact. */
async function findKnownIdentity(db: Db, input: IdentityInput): Promise<KnownIdentity | undefined> {
  const row = await lockKnownIdentityQuery(db, input).executeTakeFirst();
  return row ? knownIdentityOf(row) : undefined;
}

async function findOrCreateOrg(db: Db, defaults: OrgDefaults, platform: string, tenantId: string): Promise<Org> {
  const existing = await orgOfTenant(db, platform, tenantId);
  if (existing) return existing;
  const org = await db
    .insertInto('orgs')
    .values({
      name: `${platform}:${tenantId}`,
      checkin_radius_m: defaults.checkinRadiusMeters,
      report_deadline: defaults.reportDeadline,
      default_time_zone: defaults.timeZone,
      default_language: defaults.language,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const claimed = await db
    .insertInto('org_tenants')
    .values({ platform, tenant_id: tenantId, org_id: org.id })
    // Another first message from this tenant created its org concurrently (PostgreSQL waited for that
    // commit): join that org and drop ours, rather than fail the turn on the primary key.
    .onConflict((oc) => oc.columns(['platform', 'tenant_id']).doNothing())
    .returning('org_id')
    .executeTakeFirst();
  if (claimed) return org;
  await db.deleteFrom('orgs').where('id', '=', org.id).execute();
  const winner = await orgOfTenant(db, platform, tenantId);
  if (!winner) throw new Error(`org of ${platform}/${tenantId} vanished after a conflicting insert`);
  return winner;
}

async function orgOfTenant(db: Db, platform: string, tenantId: string): Promise<Org | undefined> {
  return db
    .selectFrom('org_tenants')
    .innerJoin('orgs', 'orgs.id', 'org_tenants.org_id')
    .selectAll('orgs')
    .where('org_tenants.platform', '=', platform)
    .where('org_tenants.tenant_id', '=', tenantId)
    .executeTakeFirst();
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
