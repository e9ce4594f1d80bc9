import type { Db } from '../shared/db.ts';
import type { Customer, User } from '../../db/schema.ts';
import { audit } from '../shared/audit.ts';
import { DomainError } from '../shared/domain-error.ts';
import { adminNames, loadActor, loadPerson } from '../access/load-actor.ts';
import { can, type Actor } from '../access/permissions.ts';
import { findPersonByName } from '../users/find-person.ts';
import { findCustomers } from './find-customers.ts';
import { parseRadius } from './radius.ts';

/**
 * A customer's tier, owner or own check-in radius from chat (`客户 华为 级别 A`). Who may: an admin,
 * or the manager of the team of the customer's owner (any manager for a customer nobody owns) — the
 * one `changeCustomer` check. Moving a customer to a new owner is checked a second time against the
 * new owner, so a manager moves customers within their own teams only. Every change is audited.
 */
export type CustomerChange = { field: 'tier' | 'owner' | 'radius'; value: string };

export async function changeCustomer(
  { db }: { db: Db },
  input: { user: User; customer: string; change: CustomerChange; now: Date },
): Promise<{ customer: Customer; ownerName?: string }> {
  const customer = await findOneCustomer(db, input.user.org_id, input.customer);
  const actor = await loadActor(db, input.user);
  const owner = customer.owner_id ? await db.selectFrom('users').select(['id', 'org_id']).where('id', '=', customer.owner_id).executeTakeFirst() : undefined;
  const ownerSubject = owner ? await loadPerson(db, owner) : null;
  if (!can(actor, { action: 'changeCustomer', orgId: customer.org_id, owner: ownerSubject })) {
    // An owner in no team has no manager: only an admin may (naming "a team manager" misled managers).
    if (ownerSubject && ownerSubject.teamIds.length === 0) {
      throw new DomainError('customerChangeAdminsOnly', { customer: customer.name, admins: await adminNames(db, actor.orgId) });
    }
    const team = ownerSubject
      ? await db.selectFrom('teams').select('name').where('id', 'in', ownerSubject.teamIds).orderBy('created_at').executeTakeFirst()
      : undefined;
    throw new DomainError('customerChangeRefused', { customer: customer.name, admins: await adminNames(db, actor.orgId), ...(team ? { team: team.name } : {}) });
  }
  const { field, value } = input.change;
  if (field === 'tier') {
    const tier = value.replace(/\s+/gu, '').toUpperCase().replace(/^(?:级|类)|(?:级|类)$/gu, '');
    if (tier !== 'A' && tier !== 'B' && tier !== 'C') throw new DomainError('tierUnknown', { typed: value });
    return { customer: await update(db, input, customer, { tier }) };
  }
  if (field === 'radius') {
    const meters = parseRadius(value);
    return { customer: await update(db, input, customer, { radius_m: meters }) };
  }
  const person = await findPersonByName(db, input.user.org_id, value);
  await requireMayOwn(db, actor, await loadPerson(db, person));
  return { customer: await update(db, input, customer, { owner_id: person.id }), ownerName: person.display_name };
}

/** The one customer meant by name; several or none are answered, never guessed (a change is not a lookup). */
async function findOneCustomer(db: Db, orgId: string, query: string): Promise<Customer> {
  const matches = await findCustomers({ db }, { orgId, query });
  if (matches.kind === 'one') return matches.customer;
  if (matches.kind === 'none') throw new DomainError('customerNotFoundToChange', { name: query.trim() });
  throw new DomainError('customerAmbiguousToChange', { name: query.trim(), options: matches.options.slice(0, 5).map((o) => o.name) });
}

/** The new owner must be someone the actor could hand a customer to: the same rule, about them. */
async function requireMayOwn(db: Db, actor: Actor, person: Awaited<ReturnType<typeof loadPerson>>): Promise<void> {
  if (can(actor, { action: 'changeCustomer', orgId: person.orgId, owner: person })) return;
  const row = await db.selectFrom('users').select('display_name').where('id', '=', person.userId).executeTakeFirstOrThrow();
  throw new DomainError('ownerOutsideYourTeams', { person: row.display_name, admins: await adminNames(db, actor.orgId) });
}

async function update(
  db: Db,
  input: { user: User; now: Date },
  customer: Customer,
  set: Partial<Pick<Customer, 'tier' | 'owner_id' | 'radius_m'>>,
): Promise<Customer> {
  const updated = await db
    .updateTable('customers')
    .set({ ...set, updated_at: input.now })
    .where('id', '=', customer.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const before = Object.fromEntries(Object.keys(set).map((key) => [key, customer[key as keyof typeof set]]));
  await audit(db, input.user, 'customer.changed', customer.id, { before, after: set });
  return updated;
}
