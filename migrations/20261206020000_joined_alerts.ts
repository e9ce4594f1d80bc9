import { sql, type Kysely } from 'kysely';

/**
 * A fifth alert kind, `joined`: someone joined one of the manager's teams without asking (the org's
 * open joining, or an admin joining), so the manager hears of it as they would of a join request.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table manager_alerts drop constraint if exists manager_alerts_kind_check`.execute(db);
  await sql`alter table manager_alerts add constraint manager_alerts_kind_check
    check (kind in ('offsite', 'mocked', 'lateReport', 'joinRequest', 'joined'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from manager_alerts where kind = 'joined'`.execute(db);
  await sql`alter table manager_alerts drop constraint if exists manager_alerts_kind_check`.execute(db);
  await sql`alter table manager_alerts add constraint manager_alerts_kind_check
    check (kind in ('offsite', 'mocked', 'lateReport', 'joinRequest'))`.execute(db);
}
