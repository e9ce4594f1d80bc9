import type { Db } from '../shared/db.ts';
import { searchKeysFor } from './match-customer-name.ts';
import type { Customer } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { toWgs84, type CoordinateSystem } from '../../geo/index.ts';
import { findCustomerByExactName } from './customer-repository.ts';

export interface NewCustomerInput {
  orgId: string;
  name: string;
  ownerId?: string | null;
  aliases?: string[];
  tier?: 'A' | 'B' | 'C';
  address?: string | null;
  position?: { lat: number; lng: number; system: CoordinateSystem };
  actorId?: string;
}

/** Columns for a position: WGS-84 for distance checks, the original kept as given. */
export function positionColumns(position: NewCustomerInput['position']) {
  if (!position) return { lat: null, lng: null, original_lat: null, original_lng: null, original_system: null };
  const wgs = toWgs84(position, position.system);
  return {
    lat: wgs.lat,
    lng: wgs.lng,
    original_lat: position.lat,
    original_lng: position.lng,
    original_system: position.system,
  };
}

/** Creates a customer; a name already taken in the org (any case) is refused. */
export async function createCustomer({ db }: { db: Db }, input: NewCustomerInput): Promise<Customer> {
  const name = input.name.trim();
  const existing = await findCustomerByExactName(db, input.orgId, name);
  // Name the customer as it is stored ("Acme Corp"), not as typed this time ("ACME CORP").
  if (existing) throw new DomainError('customerAlreadyExists', { name: existing.name });
  const customer = await db
    .insertInto('customers')
    .values({
      org_id: input.orgId,
      name,
      aliases: input.aliases ?? [],
      search_keys: searchKeysFor(name, input.aliases ?? []),
      tier: input.tier ?? 'C',
      address: input.address ?? null,
      owner_id: input.ownerId ?? null,
      ...positionColumns(input.position),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('audit_log')
    .values({ org_id: input.orgId, actor_user_id: input.actorId ?? null, action: 'customer.created', subject_id: customer.id, detail: JSON.stringify({ name }) })
    .execute();
  return customer;
}
