import type { Db } from '../shared/db.ts';
import type { Customer } from '../../db/schema.ts';
import { listCustomersForMatching } from './customer-repository.ts';
import { matchCustomers } from './match-customer-name.ts';

/**
 * Customers whose name or alias matches what a rep typed (case, full/half width, pinyin initials),
 * best first. Zero, one or several: the conversation decides what to ask.
 */
export async function findCustomers({ db }: { db: Db }, input: { orgId: string; query: string }): Promise<Customer[]> {
  const all = await listCustomersForMatching(db, input.orgId);
  return matchCustomers(input.query, all);
}
