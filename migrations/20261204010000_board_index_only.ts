import { sql, type Kysely } from 'kysely';

/**
 * Indexes that let a leaderboard's counts and a digest's overdue customers (src/core/leaderboards/load-tallies.ts) come from indexes
 * alone instead of one heap page per check-in and one visit row per verified check-in:
 *
 * - `check_ins (user_id, at)` now carries kind, status and visit id (INCLUDE): a rep's check-ins of a
 *   period are an index-only range scan. It replaces the plain index of the same key and name, so a
 *   check-in still writes the same number of indexes.
 * - `visits (user_id) include (id)` over visits with both notes and a next step: a rep's visits that
 *   score the notes bonus, read once per rep instead of a visit lookup per verified check-in.
 * - `daily_reports (user_id, report_date)` over on-time reports: the board's report count.
 * - `customers (owner_id)` now carries id, tier and created_at (INCLUDE, same key and name): a digest's
 *   overdue key customers (src/core/schedules/overdue-customers.ts) read the table only for the
 *   customers that may be overdue, not for all of their owners' customers.
 *
 * At 10,000 reps a team's weekly board went from ~1,560 buffer reads to ~450 (`npm run bench:org`,
 * EXPLAIN (ANALYZE, BUFFERS)). Building them locks writes to these tables for the duration (tens of
 * seconds at millions of rows). Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('check_ins_user_at_idx').ifExists().execute();
  await sql`create index check_ins_user_at_idx on check_ins (user_id, at) include (kind, status, visit_id)`.execute(db);
  await sql`create index visits_next_step_by_user_idx on visits (user_id) include (id) where btrim(notes) <> '' and btrim(next_step) <> ''`.execute(db);
  await sql`create index daily_reports_on_time_idx on daily_reports (user_id, report_date) where not late`.execute(db);
  await db.schema.dropIndex('customers_owner_idx').ifExists().execute();
  await sql`create index customers_owner_idx on customers (owner_id) include (id, tier, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_owner_idx').ifExists().execute();
  await db.schema.createIndex('customers_owner_idx').on('customers').column('owner_id').execute();
  await db.schema.dropIndex('daily_reports_on_time_idx').ifExists().execute();
  await db.schema.dropIndex('visits_next_step_by_user_idx').ifExists().execute();
  await db.schema.dropIndex('check_ins_user_at_idx').ifExists().execute();
  await db.schema.createIndex('check_ins_user_at_idx').on('check_ins').columns(['user_id', 'at']).execute();
}
