import { sql, type Kysely } from 'kysely';

/**
 * Drops `daily_reports_date_idx` (report_date). Today's reports are always newer than the table's
 * statistics, which then estimate "one row" for today's date; with this index on hand PostgreSQL
 * answered "is this person's report in?" by reading all of today's reports for every person asked
 * (the reminder pass each minute after 18:00, every manager's daily digest): O(people²). Without it
 * the unique (user_id, report_date) key answers each question in one probe; org-wide ranges keep
 * `daily_reports_org_date_idx`. Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists daily_reports_date_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists daily_reports_date_idx on daily_reports (report_date)`.execute(db);
}
