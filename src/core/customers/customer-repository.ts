import type { Db } from '../shared/db.ts';
import type { Customer } from '../../db/schema.ts';

/** Every customer of an org with the fields name matching needs. */
export async function listCustomersForMatching(db: Db, orgId: string): Promise<Customer[]> {
  return db.selectFrom('customers').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
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
