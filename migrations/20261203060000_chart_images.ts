import { sql, type Kysely } from 'kysely';

/**
 * Charts sent in chat (issue 18): one PNG per post, keyed by what it shows (`leaderboard:<team>:<period
 * start>:<period>:<language>` …), kept 7 days by housekeeping and served at a signed URL. In the
 * database (bytea) rather than files under DATA_DIR so every process of a PostgreSQL deployment sees
 * it. `orgs.charts`: an admin's `图表 关` / `charts off` makes posts text only. Frozen: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chart_images')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('png', 'bytea', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chart_images_created_at_idx').on('chart_images').column('created_at').execute();
  await db.schema.alterTable('orgs').addColumn('charts', 'boolean', (c) => c.notNull().defaultTo(true)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orgs').dropColumn('charts').execute();
  await db.schema.dropTable('chart_images').execute();
}
