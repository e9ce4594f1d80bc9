import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema.ts';

/**
 * Direct-to-database fixtures for scheduler tests: an org, people with a local-chat identity (so
 * scheduled messages reach `local:user:<name>`), teams bound to local channels, customers, visits,
 * check-ins and reports at given instants. Names double as external ids.
 */
export class Seed {
  readonly users = new Map<string, string>();
  readonly teams = new Map<string, string>();
  readonly customers = new Map<string, string>();
  orgId = '';

  constructor(private readonly db: Kysely<Database>) {}

  async org(input: { deadline?: string } = {}): Promise<string> {
    const org = await this.db
      .insertInto('orgs')
      .values({ name: 'Acme', checkin_radius_m: 500, report_deadline: input.deadline ?? '20:00', default_time_zone: 'Asia/Shanghai', default_language: 'zh-CN' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.db.insertInto('org_tenants').values({ platform: 'local', tenant_id: 'local', org_id: org.id }).execute();
    this.orgId = org.id;
    return org.id;
  }

  async user(name: string, input: { zone: string; language?: 'zh-CN' | 'en-US'; role?: 'admin' | 'manager' | 'rep'; reachable?: boolean; createdAt?: Date }): Promise<string> {
    const user = await this.db
      .insertInto('users')
      .values({ org_id: this.orgId, display_name: name, role: input.role ?? 'rep', time_zone: input.zone, language: input.language ?? 'en-US', created_at: input.createdAt,
        // Seeded people have been in the org all along, unless a test says when they came: days before
        // joining owe no report (weekly digest, a rep's week), so the wall clock's today would not do.
        joined_at: input.createdAt ?? new Date('2026-01-01T00:00:00Z') })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto('identities')
      .values({ platform: 'local', tenant_id: 'local', external_id: name, user_id: user.id, direct_ref: input.reachable === false ? null : `local:user:${name}` })
      .execute();
    this.users.set(name, user.id);
    return user.id;
  }

  async team(name: string, input: { manager: string; reps: string[]; channel?: string }): Promise<string> {
    const team = await this.db
      .insertInto('teams')
      .values({ org_id: this.orgId, name, manager_id: this.id(input.manager), bound_channel_ref: input.channel === undefined ? `local:channel:${name}` : input.channel })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.db.insertInto('team_memberships').values({ team_id: team.id, user_id: this.id(input.manager), role: 'manager' }).execute();
    for (const [i, rep] of input.reps.entries()) {
      await this.db
        .insertInto('team_memberships')
        .values({ team_id: team.id, user_id: this.id(rep), role: 'rep', joined_at: new Date(Date.UTC(2026, 0, 1, 0, i)) })
        .execute();
    }
    this.teams.set(name, team.id);
    return team.id;
  }

  async customer(name: string, input: { tier?: 'A' | 'B' | 'C'; owner?: string; createdAt?: Date } = {}): Promise<string> {
    const row = await this.db
      .insertInto('customers')
      .values({ org_id: this.orgId, name, tier: input.tier ?? 'C', owner_id: input.owner ? this.id(input.owner) : null, lat: 31.2, lng: 121.4, created_at: input.createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.customers.set(name, row.id);
    return row.id;
  }

  /** A visit; with `status`, it began with a check-in of that status (and distance). */
  async visit(
    rep: string,
    customer: string,
    input: {
      at: string;
      endedAt?: string | null;
      status?: 'verified' | 'outside' | 'unverified';
      distance?: number;
      /** The check-in's location was reported as simulated / was less precise than the radius. */
      mocked?: boolean;
      accuracyFlagged?: boolean;
      notes?: string;
      nextStep?: string;
      followUp?: string;
    },
  ): Promise<string> {
    const visit = await this.db
      .insertInto('visits')
      .values({
        org_id: this.orgId,
        user_id: this.id(rep),
        customer_id: this.customerId(customer),
        source: input.status ? 'check_in' : 'note_only',
        started_at: input.at,
        ended_at: input.endedAt === undefined ? new Date(new Date(input.at).getTime() + (input.status ? 3_600_000 : 0)) : input.endedAt === null ? null : new Date(input.endedAt),
        notes: input.notes ?? null,
        next_step: input.nextStep ?? null,
        follow_up_date: input.followUp ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.status) {
      await this.db
        .insertInto('check_ins')
        .values({
          org_id: this.orgId,
          user_id: this.id(rep),
          customer_id: this.customerId(customer),
          visit_id: visit.id,
          kind: 'in',
          at: input.at,
          status: input.status,
          distance_m: input.distance ?? (input.status === 'verified' ? 120 : input.status === 'outside' ? 2400 : null),
          radius_m: 500,
          mocked: input.mocked ?? false,
          accuracy_flagged: input.accuracyFlagged ?? false,
          source_platform: 'local',
        })
        .execute();
    }
    return visit.id;
  }

  async report(rep: string, date: string, input: { late?: boolean; at?: string } = {}): Promise<void> {
    await this.db
      .insertInto('daily_reports')
      .values({
        org_id: this.orgId,
        user_id: this.id(rep),
        report_date: date,
        summary: JSON.stringify({ visits: 0, customers: [], verified: 0, outside: 0, unverified: 0, noteOnly: 0, notes: [], followUps: 0 }),
        body: 'done',
        submitted_at: input.at ?? `${date}T10:00:00Z`,
        late: input.late ?? false,
      })
      .execute();
  }

  id(name: string): string {
    const id = this.users.get(name);
    if (!id) throw new Error(`no user ${name}`);
    return id;
  }

  customerId(name: string): string {
    const id = this.customers.get(name);
    if (!id) throw new Error(`no customer ${name}`);
    return id;
  }
}
