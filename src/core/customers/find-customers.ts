import type { Db } from '../shared/db.ts';
import type { Customer } from '../../db/schema.ts';
import { findCustomerById, listCustomersForMatching } from './customer-repository.ts';
import { matchCustomers } from './match-customer-name.ts';

export type CustomerMatches =
  | { kind: 'one'; customer: Customer }
  | { kind: 'none' }
  | { kind: 'several'; options: Pick<Customer, 'id' | 'name'>[] };

/**
 * The customer(s) whose name or alias matches what a rep typed (case, full/half width, pinyin
 * initials), best first. Only the chosen customer's full row is read.
 */
export async function findCustomers({ db }: { db: Db }, input: { orgId: string; query: string }): Promise<CustomerMatches> {
  const all = await listCustomersForMatching(db, input.orgId);
  const matches = matchCustomers(input.query, all);
  if (matches.length === 0) return { kind: 'none' };
  if (matches.length > 1) return { kind: 'several', options: matches.map(({ id, name }) => ({ id, name })) };
  const customer = await findCustomerById(db, input.orgId, matches[0]!.id);
  return customer ? { kind: 'one', customer } : { kind: 'none' };
}
