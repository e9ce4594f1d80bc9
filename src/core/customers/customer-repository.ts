import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { Customer } from '../../db/schema.ts';

/**
 * Customers that may match `key` exactly: those with it among their stored search keys (an index
 * lookup) and those with no keys yet, which code must match itself. Ordered by name, as
 * `listCustomersForMatching`, so ties rank the same either way.
 */
export async function listCustomersByKeyOrUnkeyed(db: Db, orgId: string, key: string): Promise<Customer[]> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('search_keys', '&&', sql<string[]>`array[${key}]::text[]`), eb('search_keys', 'is', null)]))
    .orderBy('name')
    .execute();
}

/**
 * Stores freshly computed search keys. Rows another transaction holds are skipped (that one stores
 * them, or a later message does), so two turns repairing the same customers never wait on each other.
 */
export async function storeSearchKeys(db: Db, keyed: Array<{ id: string; keys: string[] }>): Promise<void> {
  if (keyed.length === 0) return;
  await sql`
    update customers set search_keys = fresh.keys
    from jsonb_to_recordset(${JSON.stringify(keyed)}::jsonb) as fresh(id uuid, keys text[])
    where customers.id = fresh.id
      and customers.id in (select id from customers where id = fresh.id and search_keys is null for update skip locked)`.execute(db);
}

/**
 * Every customer of an org with only the fields name matching needs: this runs on every message that
 * names a customer, so it stays narrow (the full row is loaded for the one customer chosen).
 */
export async function listCustomersForMatching(db: Db, orgId: string): Promise<Pick<Customer, 'id' | 'name' | 'aliases'>[]> {
  return db.selectFrom('customers').select(['id', 'name', 'aliases']).where('org_id', '=', orgId).orderBy('name').execute();
}

export async function findCustomerById(db: Db, orgId: string, id: string): Promise<Customer | undefined> {
  return db.selectFrom('customers').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function findCustomerByExactName(db: Db, orgId: string, name: string): Promise<Customer | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .executeTakeFirst();
}
