import { sql, type Kysely } from 'kysely';

/**
 * Per-org API tokens for the admin API (issue 15): an admin creates one in chat, sees it once, and
 * only its SHA-256 is kept, so a leaked database (or backup) holds no usable token. A revoked token
 * keeps its row (the audit log names it); a live name is unique per org, any case.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await sql`create unique index api_tokens_live_name on api_tokens (org_id, lower(name)) where revoked_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute();
}
