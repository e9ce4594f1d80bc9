import type { Db } from '../shared/db.ts';
import { haversineMeters, type LatLng } from '../../geo/index.ts';

export interface NearbyCustomer {
  id: string;
  name: string;
  distanceMeters: number;
}

/**
 * The customers nearest to a WGS-84 point, for "which customer is this location?". The rep's own
 * customers are offered when they have any with a position; otherwise the whole org's.
 */
export async function nearestCustomers(
  db: Db,
  input: { orgId: string; userId: string; point: LatLng; limit: number },
): Promise<NearbyCustomer[]> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name', 'lat', 'lng', 'owner_id'])
    .where('org_id', '=', input.orgId)
    .where('lat', 'is not', null)
    .where('lng', 'is not', null)
    .execute();
  const own = rows.filter((r) => r.owner_id === input.userId);
  return (own.length ? own : rows)
    .map((r) => ({ id: r.id, name: r.name, distanceMeters: haversineMeters(input.point, { lat: r.lat!, lng: r.lng! }) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.name.localeCompare(b.name))
    .slice(0, input.limit);
}
