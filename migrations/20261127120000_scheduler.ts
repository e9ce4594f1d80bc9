import { sql, type Kysely } from 'kysely';

/**
 * Tables for reminders, leaderboards and digests: schedule settings per org and team (overrides of
 * the defaults in code), each person's schedule preferences (away, kinds off, leaderboard opt-out)
 * and the record of every scheduled message written to the outbox, keyed by its natural key.
 * Frozen in time: `Kysely<any>`. PostgreSQL 15 features only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Partial overrides of the schedule defaults (workdays, holidays, quiet hours, times, points).
  // scope 'org' → scope_id is an org id; 'team' → a team id. Validated by the code that reads it.
  await db.schema
    .createTable('schedule_settings')
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('org', 'team')`))
    .addColumn('scope_id', 'uuid', (c) => c.notNull())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('schedule_settings_pk', ['scope', 'scope_id'])
    .execute();

  await db.schema
    .createTable('user_schedule_prefs')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // Away through this local date (inclusive): no reminders or digests to the person until then.
    .addColumn('away_until', 'date')
    .addColumn('reminders_off', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('leaderboard_opt_out', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One row per scheduled message ever written (reminder, leaderboard post, digest). `key` is the
  // natural key and also the outbox row's dedupe_key, so a second writer (another worker, a double
  // fire, a catch-up tick) stores nothing.
  await db.schema
    .createTable('scheduled_sends')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id').onDelete('cascade'))
    // The local date (or first day of the period) the message is about.
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The reminder passes read one date's slice ("who already got it today?") in one go.
  await db.schema.createIndex('scheduled_sends_date_idx').on('scheduled_sends').columns(['local_date', 'kind', 'user_id']).execute();

  // The due-reminder scans look for open follow-ups by date and open visits by start.
  await sql`create index visits_follow_up_idx on visits (follow_up_date) where follow_up_date is not null`.execute(db);
  await sql`create index visits_open_idx on visits (started_at) where ended_at is null and source = 'check_in'`.execute(db);
  await db.schema.createIndex('customers_owner_idx').on('customers').column('owner_id').execute();
  await db.schema.createIndex('users_time_zone_idx').on('users').column('time_zone').execute();
  // Leaderboards and digests count an org's reports over a range of dates.
  await db.schema.createIndex('daily_reports_org_date_idx').on('daily_reports').columns(['org_id', 'report_date']).execute();
  // …and the reminder passes ask whose report is in for a date, across orgs.
  await db.schema.createIndex('daily_reports_date_idx').on('daily_reports').column('report_date').execute();
  // A scheduled fan-out leaves thousands of pending rows; the delivery loop picks the head of each
  // conversation's queue (and paces per conversation) by target.
  await sql`create index outbox_pending_target_idx on outbox (target_ref, id) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_pending_target_idx').ifExists().execute();
  await db.schema.dropIndex('daily_reports_date_idx').ifExists().execute();
  await db.schema.dropIndex('daily_reports_org_date_idx').ifExists().execute();
  await db.schema.dropIndex('users_time_zone_idx').ifExists().execute();
  await db.schema.dropIndex('customers_owner_idx').ifExists().execute();
  await db.schema.dropIndex('visits_open_idx').ifExists().execute();
  await db.schema.dropIndex('visits_follow_up_idx').ifExists().execute();
  for (const table of ['scheduled_sends', 'user_schedule_prefs', 'schedule_settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
