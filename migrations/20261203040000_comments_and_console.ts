import { sql, type Kysely } from 'kysely';

/**
 * Feedback and the web console (issue 15).
 * - `comments`: a manager's reply or 👍 on a daily report or a visit (exactly one of the two), with
 *   `read_at` set when the rep has seen it (`今天` / `today`, the report card, the console).
 * - `report_reads`: who (a manager, an admin) opened which report and when, so the daily digest can
 *   mark the reports already read or answered.
 * - `console_link_nonces`: spent one-time console links (the signed link is self-contained).
 * - `console_sessions`: console sessions by the SHA-256 of their cookie value (never the value
 *   itself), with expiry and revocation.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('report_id', 'uuid', (c) => c.references('daily_reports.id').onDelete('cascade'))
    .addColumn('visit_id', 'uuid', (c) => c.references('visits.id').onDelete('cascade'))
    // Whose report or visit: the person the comment is for.
    .addColumn('subject_user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text', 'like')`))
    .addColumn('text', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    // Order of writing: two replies in the same instant still list in the order they were made.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addCheckConstraint('comments_one_subject', sql`(report_id is null) <> (visit_id is null)`)
    .addCheckConstraint('comments_text_when_text', sql`(kind = 'text') = (text is not null)`)
    .execute();
  await sql`create index comments_report_idx on comments (report_id, created_at) where report_id is not null`.execute(db);
  await sql`create index comments_visit_idx on comments (visit_id, created_at) where visit_id is not null`.execute(db);
  await db.schema.createIndex('comments_subject_idx').on('comments').columns(['subject_user_id', 'created_at']).execute();

  await db.schema
    .createTable('report_reads')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('daily_reports.id').onDelete('cascade'))
    .addColumn('reader_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('report_reads_pk', ['report_id', 'reader_id'])
    .execute();

  await db.schema
    .createTable('console_link_nonces')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('used_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('console_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('console_sessions_user_idx').on('console_sessions').columns(['user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['console_sessions', 'console_link_nonces', 'report_reads', 'comments']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
