import { sql, type Kysely } from 'kysely';

/**
 * An index on `check_ins (visit_id)`. A visit's check-in is read beside the visit everywhere a
 * visit is shown: `今天`, a customer's card, a manager's digest and `团队`. Without it PostgreSQL
 * joined those few visits to every check-in in the database: 0.9 s per `今天` with 1 million
 * check-ins, all the chat's time at the 5 million of a 10,000-rep org (`npm run bench:org`).
 * It also serves the cascade when a visit is deleted. `if not exists`: an operator who hit this on
 * a large org may already have created it by hand under this name. Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('check_ins_visit_idx').ifNotExists().on('check_ins').column('visit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('check_ins_visit_idx').ifExists().execute();
}
