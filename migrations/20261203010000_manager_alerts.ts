import { sql, type Kysely } from 'kysely';

/**
 * Real-time alerts to a rep's managers (issue #13): an off-site check-in, a simulated position, a
 * report filed after the digest went out, a join request (its own message with buttons, held only by
 * quiet hours). Each alert is a row waiting to be sent, keyed by what it is
 * about (so raising it twice stores one), and each manager has a window: at most one alert message per
 * 10 minutes, later alerts wait in the table and go out together when the window (or quiet hours)
 * ends. Managers switch kinds off in `user_schedule_prefs.alerts_off`.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('manager_alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('manager_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('subject_user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('offsite', 'mocked', 'lateReport', 'joinRequest')`))
    .addColumn('natural_key', 'text', (c) => c.notNull().unique())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    /** The outbox dedupe_key of the message that carried it. */
    .addColumn('batch_key', 'text')
    .execute();
  await sql`create index manager_alerts_pending_idx on manager_alerts (manager_id, created_at) where sent_at is null`.execute(db);
  await db.schema
    .createTable('alert_windows')
    .addColumn('manager_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('last_sent_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('user_schedule_prefs')
    .addColumn('alerts_off', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_schedule_prefs').dropColumn('alerts_off').execute();
  await db.schema.dropTable('alert_windows').execute();
  await db.schema.dropTable('manager_alerts').execute();
}
