import type { Db } from '../shared/db.ts';
import type { Customer, User } from '../../db/schema.ts';
import { audit } from '../shared/audit.ts';
import { DomainError } from '../shared/domain-error.ts';
import { adminNames, loadActor, loadPerson } from '../access/load-actor.ts';
import { can } from '../access/permissions.ts';
import { validateCoordinates, type CoordinateSystem } from '../../geo/index.ts';
import { findCustomerByExactName } from './customer-repository.ts';
import { positionColumns } from './create-customer.ts';
import { searchKeysFor } from './match-customer-name.ts';

export interface CustomerEdit {
  name: string;
  tier: 'A' | 'B' | 'C';
  /** Null: nobody owns it. */
  ownerId: string | null;
  /** Null: no position. */
  position: { lat: number; lng: number; system: CoordinateSystem } | null;
  address: string | null;
}

/**
 * A customer's name, tier, owner, position and address from a form (the console; the API can call
 * it too). The `changeCustomer` rule decides, about the current owner and again about the new one, so
 * a manager edits and hands over customers within their own teams. Audited with before and after.
 */
export async function editCustomer(
  { db }: { db: Db },
  input: { user: User; customerId: string; edit: CustomerEdit; now: Date },
): Promise<Customer> {
  const customer = await db.selectFrom('customers').selectAll().where('id', '=', input.customerId).where('org_id', '=', input.user.org_id).executeTakeFirst();
  if (!customer) throw new DomainError('customerNotFoundToChange', { name: input.edit.name });
  const actor = await loadActor(db, input.user);
  const ownerOf = async (id: string | null) => {
    if (!id) return null;
    const owner = await db.selectFrom('users').select(['id', 'org_id']).where('id', '=', id).where('org_id', '=', input.user.org_id).executeTakeFirst();
    if (!owner) throw new DomainError('customerNotFoundToChange', { name: input.edit.name });
    return loadPerson(db, owner);
  };
  for (const owner of [await ownerOf(customer.owner_id), ...(input.edit.ownerId !== customer.owner_id ? [await ownerOf(input.edit.ownerId)] : [])]) {
    if (!can(actor, { action: 'changeCustomer', orgId: customer.org_id, owner })) {
      throw new DomainError('customerChangeRefused', { customer: customer.name, admins: await adminNames(db, actor.orgId) });
    }
  }
  const name = input.edit.name.trim().replace(/\s+/g, ' ');
  const clash = name.toLowerCase() !== customer.name.toLowerCase() ? await findCustomerByExactName(db, customer.org_id, name) : undefined;
  if (clash) throw new DomainError('customerAlreadyExists', { name: clash.name });
  if (input.edit.position && !validateCoordinates(input.edit.position.lat, input.edit.position.lng).ok) throw new DomainError('consoleBadPosition');
  if (name === '') throw new DomainError('consoleBadName');
  const set = {
    name,
    tier: input.edit.tier,
    owner_id: input.edit.ownerId,
    address: input.edit.address?.trim() || null,
    search_keys: searchKeysFor(name, customer.aliases),
    ...positionColumns(input.edit.position ?? undefined),
  };
  const updated = await db.updateTable('customers').set({ ...set, updated_at: input.now }).where('id', '=', customer.id).returningAll().executeTakeFirstOrThrow();
  const keys = ['name', 'tier', 'owner_id', 'address', 'lat', 'lng', 'original_system'] as const;
  const before = Object.fromEntries(keys.map((k) => [k, customer[k]]));
  const after = Object.fromEntries(keys.map((k) => [k, updated[k]]));
  await audit(db, input.user, 'customer.edited', customer.id, { before, after });
  return updated;
}
