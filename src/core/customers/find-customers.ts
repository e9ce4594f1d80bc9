import type { Db } from '../shared/db.ts';
import type { Customer } from '../../db/schema.ts';
import { findCustomerById, listCustomersByKeyOrUnkeyed, listCustomersForMatching, storeSearchKeys } from './customer-repository.ts';
import { exactCustomerMatches, matchCustomers, normalizeName, searchKeysFor } from './match-customer-name.ts';

export type CustomerMatches =
  | { kind: 'one'; customer: Customer }
  | { kind: 'none' }
  | { kind: 'several'; options: Pick<Customer, 'id' | 'name'>[] };

/** At most this many customers get their missing search keys stored per message (bounds one turn's work after an upgrade). */
const REPAIR_LIMIT = 500;

/**
 * The customer(s) whose name or alias matches what a rep typed (case, full/half width, pinyin
 * initials), best first.
 *
 * Exact matches (the usual case: a rep types the name as known) come from the stored search keys in
 * one indexed query; only when nothing matches exactly is every customer's name read and matched
 * for partial matches, and then only the chosen customer's full row.
 */
export async function findCustomers({ db }: { db: Db }, input: { orgId: string; query: string }): Promise<CustomerMatches> {
  const key = normalizeName(input.query);
  if (key === '') return { kind: 'none' };
  const candidates = await listCustomersByKeyOrUnkeyed(db, input.orgId, key);
  await storeMissingSearchKeys(db, candidates);
  const exact = exactCustomerMatches(input.query, candidates);
  if (exact.length === 1) return { kind: 'one', customer: exact[0]! };
  if (exact.length > 1) return several(exact);

  const all = await listCustomersForMatching(db, input.orgId);
  const matches = matchCustomers(input.query, all);
  if (matches.length === 0) return { kind: 'none' };
  if (matches.length > 1) return several(matches);
  const customer = await findCustomerById(db, input.orgId, matches[0]!.id);
  return customer ? { kind: 'one', customer } : { kind: 'none' };
}

function several(matches: Array<Pick<Customer, 'id' | 'name'>>): CustomerMatches {
  return { kind: 'several', options: matches.map(({ id, name }) => ({ id, name })) };
}

async function storeMissingSearchKeys(db: Db, candidates: Customer[]): Promise<void> {
  const unkeyed = candidates.filter((c) => c.search_keys === null).slice(0, REPAIR_LIMIT);
  await storeSearchKeys(db, unkeyed.map((c) => ({ id: c.id, keys: searchKeysFor(c.name, c.aliases) })));
}
