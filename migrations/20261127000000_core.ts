import { sql, type Kysely } from 'kysely';

/**
 * The core schema: orgs, people, customers, check-ins, visits, daily reports, and the plumbing that
 * keeps chat delivery exact (processed inbound events, outbox). Frozen in time: `Kysely<any>`.
 * Only PostgreSQL 15 features: PGlite is PG 18, the CI server is PG 15.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = (col: any) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
  const now = sql`now()`;

  await db.schema
    .createTable('orgs')
    .addColumn('id', 'uuid', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('checkin_radius_m', 'integer', (c) => c.notNull())
    .addColumn('report_deadline', 'text', (c) => c.notNull())
    .addColumn('default_time_zone', 'text', (c) => c.notNull())
    .addColumn('default_language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // Which platform workspace (Slack team, DingTalk corp, WeCom corp, local) belongs to which org.
  await db.schema
    .createTable('org_tenants')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('org_tenants_pk', ['platform', 'tenant_id'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', id)
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'manager', 'rep')`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('zh-CN', 'en-US')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('users_org_idx').on('users').column('org_id').execute();

  await db.schema
    .createTable('identities')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Opaque, platform-prefixed address of the 1:1 conversation so reminders can reach the person later.
    .addColumn('direct_ref', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('identities_pk', ['platform', 'tenant_id', 'external_id'])
    .execute();
  await db.schema.createIndex('identities_user_idx').on('identities').column('user_id').execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'uuid', id)
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('bound_channel_ref', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create unique index teams_org_name_uq on teams (org_id, lower(name))`.execute(db);

  await db.schema
    .createTable('team_memberships')
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('manager', 'rep')`))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('team_memberships_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_memberships_user_idx').on('team_memberships').column('user_id').execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'uuid', id)
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('tier', 'text', (c) => c.notNull().defaultTo('C').check(sql`tier in ('A', 'B', 'C')`))
    // Position normalised to WGS-84 for distance checks; the original as given is kept beside it.
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('original_lat', 'double precision')
    .addColumn('original_lng', 'double precision')
    .addColumn('original_system', 'text', (c) => c.check(sql`original_system in ('wgs84', 'gcj02')`))
    .addColumn('address', 'text')
    .addColumn('owner_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create unique index customers_org_name_uq on customers (org_id, lower(name))`.execute(db);

  await db.schema
    .createTable('visits')
    .addColumn('id', 'uuid', id)
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    // 'check_in' when it began with a check-in; 'note_only' when logged without one (marked so in reports).
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('check_in', 'note_only')`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('notes', 'text')
    .addColumn('next_step', 'text')
    .addColumn('follow_up_date', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('visits_user_started_idx').on('visits').columns(['user_id', 'started_at']).execute();
  await db.schema.createIndex('visits_customer_started_idx').on('visits').columns(['customer_id', 'started_at']).execute();
  // At most one open visit per rep: a second check-in must close or refuse, never silently overlap.
  await sql`create unique index visits_one_open_per_user on visits (user_id) where ended_at is null and source = 'check_in'`.execute(db);

  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'uuid', id)
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('visit_id', 'uuid', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('in', 'out')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('original_lat', 'double precision')
    .addColumn('original_lng', 'double precision')
    .addColumn('original_system', 'text')
    .addColumn('accuracy_m', 'double precision')
    .addColumn('accuracy_flagged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('mocked', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('distance_m', 'double precision')
    .addColumn('radius_m', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('verified', 'outside', 'unverified')`))
    .addColumn('source_platform', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('check_ins_user_at_idx').on('check_ins').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('check_ins_org_at_idx').on('check_ins').columns(['org_id', 'at']).execute();

  await db.schema
    .createTable('daily_reports')
    .addColumn('id', 'uuid', id)
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('report_date', 'date', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('late', 'boolean', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('daily_reports_user_date_uq', ['user_id', 'report_date'])
    .execute();

  // What the bot is waiting for from a person (a number from a list, checkout notes, a location).
  await db.schema
    .createTable('conversation_states')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Durable inbound dedupe: platforms redeliver; a repeated (platform, event id) changes nothing.
  await db.schema
    .createTable('processed_events')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('processed_events_pk', ['platform', 'event_id'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.references('orgs.id').onDelete('cascade'))
    .addColumn('target_ref', 'text', (c) => c.notNull())
    .addColumn('message', 'jsonb', (c) => c.notNull())
    // Natural key for scheduled messages (`digest:<manager>:<date>`): enqueuing twice stores one row.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await sql`create index outbox_due_idx on outbox (available_at, id) where status = 'pending'`.execute(db);

  // Signed location links are single-use: the nonce is spent here.
  await db.schema
    .createTable('location_tokens')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('used_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // What the local web chat adapter "delivered": its stand-in for a platform's message store.
  await db.schema
    .createTable('local_deliveries')
    .addColumn('outbox_id', 'bigint', (c) => c.primaryKey())
    .addColumn('target_ref', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('local_deliveries_target_idx').on('local_deliveries').columns(['target_ref', 'outbox_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.references('orgs.id').onDelete('cascade'))
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'settings', 'audit_log', 'local_deliveries', 'location_tokens', 'outbox', 'processed_events',
    'conversation_states', 'daily_reports', 'check_ins', 'visits', 'customers', 'team_memberships',
    'teams', 'identities', 'users', 'org_tenants', 'orgs',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
