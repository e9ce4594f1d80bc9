import { sql, type Kysely } from 'kysely';

/**
 * Privacy (issue 16): people who left (deactivated, erased and shown by number), the org's retention
 * and erasure choices, and the access log of who opened one person's individual history.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    // Set when an admin deactivates the person: no reminders, off boards and digests, messages refused.
    .addColumn('deactivated_at', 'timestamptz')
    // Set when the person's data was erased; `former_number` is the N of "Former employee #N" in the org.
    .addColumn('erased_at', 'timestamptz')
    .addColumn('former_number', 'integer')
    .execute();
  await sql`create unique index users_org_former_number_uq on users (org_id, former_number) where former_number is not null`.execute(db);

  await db.schema
    .alterTable('orgs')
    // Days exact check-in coordinates are kept (null: LOCATION_RETENTION_DAYS); only ever shorter.
    .addColumn('location_retention_days', 'integer')
    // Erasure keeps the words of visit notes and reports (work records the company must keep).
    .addColumn('keep_work_records', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('access_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('viewer_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('subject_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // What was opened ('day', 'week', 'report', 'plan', 'history', ...) and through what ('chat', 'api', 'console').
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('access_log_subject_at_idx').on('access_log').columns(['subject_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('access_log').ifExists().execute();
  await db.schema.alterTable('orgs').dropColumn('location_retention_days').dropColumn('keep_work_records').execute();
  await sql`drop index if exists users_org_former_number_uq`.execute(db);
  await db.schema.alterTable('users').dropColumn('deactivated_at').dropColumn('erased_at').dropColumn('former_number').execute();
}
