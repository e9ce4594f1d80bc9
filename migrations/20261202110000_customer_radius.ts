import type { Kysely } from 'kysely';

/**
 * A customer's own check-in radius (issue #13: a large campus needs more than the org's radius).
 * Null means the org's `checkin_radius_m` holds. Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('radius_m', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').dropColumn('radius_m').execute();
}
