import { sql, type Kysely } from 'kysely';

/**
 * `scheduled_sends` becomes a plain ledger: no foreign keys. Every reminder, board and digest writes
 * one row, up to a row per person per kind per day; three foreign-key checks per row were 40% of a
 * 100,000-person reminder pass on the embedded database (`npm run bench:scheduler`). The ledger only
 * answers "was this key written?" for recent dates and is pruned after 60 days by housekeeping, so
 * a row outliving its user, team or org is harmless, and nothing deletes those through the app.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['org_id', 'user_id', 'team_id']) {
    await sql`alter table scheduled_sends drop constraint if exists ${sql.raw(`scheduled_sends_${column}_fkey`)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table scheduled_sends add foreign key (org_id) references orgs (id) on delete cascade`.execute(db);
  await sql`alter table scheduled_sends add foreign key (user_id) references users (id) on delete cascade`.execute(db);
  await sql`alter table scheduled_sends add foreign key (team_id) references teams (id) on delete cascade`.execute(db);
}
