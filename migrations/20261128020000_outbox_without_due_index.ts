import { sql, type Kysely } from 'kysely';

/**
 * Drops `outbox_due_idx` (available_at, id): the delivery loop has claimed by conversation
 * (`outbox_pending_target_idx`, each conversation's head in order) since the scheduler migration,
 * so nothing reads this index while every reply and every scheduled message still paid to write it.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists outbox_due_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index outbox_due_idx on outbox (available_at, id) where status = 'pending'`.execute(db);
}
