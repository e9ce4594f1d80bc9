import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** A database handle or an open transaction: use cases run inside the caller's transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
