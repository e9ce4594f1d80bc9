import { sql, type Kysely } from 'kysely';

/**
 * The days each person said they were away (`请假 到 周五`), kept as periods so a manager's look back
 * at a week can say 请假 instead of "report missing" (user_schedule_prefs.away_until only knows the
 * current one). Local dates, inclusive; `恢复` / `back` shortens the open period to yesterday.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('away_periods')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_date', 'date', (c) => c.notNull())
    .addColumn('last_date', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('away_periods_user_idx').on('away_periods').columns(['user_id', 'last_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('away_periods').ifExists().execute();
}
