import { sql, type Kysely } from 'kysely';

/**
 * When each person joined the org, by the app's clock (the turn that registered them), apart from
 * the row's created_at: a manager's look back at a week does not count days before it as missing
 * reports. Existing people joined when their row was made. Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)).execute();
  await sql`update users set joined_at = created_at`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('joined_at').execute();
}
