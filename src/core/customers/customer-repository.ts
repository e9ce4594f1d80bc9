import type { Db } from '../shared/db.ts';
import type { Customer } from '../../db/schema.ts';

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
