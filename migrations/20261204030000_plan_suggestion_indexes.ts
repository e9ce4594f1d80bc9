import { sql, type Kysely } from 'kysely';

/**
 * Indexes for `建议计划` (src/core/plans/suggestion-candidates.ts), measured by `bench/plan-suggest.ts`
 * (a rep owning 2,000 of 100,000 customers, three visits each, 6,000 follow-ups due that day):
 * - `visits (follow_up_date, user_id) include (customer_id)` in place of `visits_follow_up_idx`
 *   (follow_up_date alone), partial like it: one person's follow-ups on one date (the suggestion,
 *   the daily digest's follow-ups for tomorrow) no longer read every follow-up of the org due that
 *   day to drop the other reps' (6,000 heap rows for the rep's 120), and with `customer_id` carried
 *   the table is not read at all once vacuumed. The follow-up reminder pass (a date, everyone) uses
 *   its leading column as before. The date leads because PostgreSQL costs heap reads by the leading
 *   column's order: led by user_id it kept choosing the old index on a freshly loaded table.
 * - `customers (owner_id, tier)` in place of `customers_owner_idx (owner_id)`: one owner's customers
 *   in tier order, so the most overdue few of the first tier are found without ranking every tier
 *   (and without the parallel sort PostgreSQL otherwise started, slower than the whole query on a
 *   busy server). Every lookup by owner alone uses its leading column. It carries id and created_at
 *   as `customers_owner_idx` did since 20261204010000_board_index_only, so a digest's overdue key
 *   customers still come from the index alone.
 * `if not exists`: an operator may already have created them by hand under these names.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists visits_follow_up_user_idx on visits (follow_up_date, user_id) include (customer_id) where follow_up_date is not null`.execute(db);
  await db.schema.dropIndex('visits_follow_up_idx').ifExists().execute();
  await sql`create index if not exists customers_owner_tier_idx on customers (owner_id, tier) include (id, created_at)`.execute(db);
  await db.schema.dropIndex('customers_owner_idx').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists customers_owner_idx on customers (owner_id) include (id, tier, created_at)`.execute(db);
  await db.schema.dropIndex('customers_owner_tier_idx').ifExists().execute();
  await sql`create index if not exists visits_follow_up_idx on visits (follow_up_date) where follow_up_date is not null`.execute(db);
  await db.schema.dropIndex('visits_follow_up_user_idx').ifExists().execute();
}
