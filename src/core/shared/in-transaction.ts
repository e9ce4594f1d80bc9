import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db } from './db.ts';

/**
 * Runs `work` in the caller's transaction when `db` is one (a chat turn), else in a new one (the admin
 * API): use cases that must be all-or-nothing (erasure) are so either way.
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
