import { sql, type Kysely } from 'kysely';

/**
 * Joining a team with the manager's approval (issue #13): a request per (team, person) waiting for a
 * decision, and two org switches: `open_joining` (a small company lets anyone join without asking)
 * and `share_team_notes` (members of a team read each other's visit notes on customer cards).
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('join_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'declined')`))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // One open request per person and team: asking twice must not ask the manager twice.
  await sql`create unique index join_requests_one_pending on join_requests (team_id, user_id) where status = 'pending'`.execute(db);
  await db.schema.createIndex('join_requests_user_idx').on('join_requests').column('user_id').execute();
  await db.schema.alterTable('orgs').addColumn('open_joining', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.alterTable('orgs').addColumn('share_team_notes', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orgs').dropColumn('share_team_notes').execute();
  await db.schema.alterTable('orgs').dropColumn('open_joining').execute();
  await db.schema.dropTable('join_requests').execute();
}
