import { sql } from 'kysely';
import type { Db } from '../../core/shared/db.ts';
import { haversineMeters, type LatLng } from '../../geo/index.ts';

/** One row of the page's customer picker. */
export interface PickableCustomer {
  id: string;
  name: string;
  /** WGS-84, or null when the customer has no position on file. */
  lat: number | null;
  lng: number | null;
  /** From the position the page sent, when it sent one and the customer has a position. */
  distanceMeters: number | null;
  /** The customer's own check-in radius; null when the org's applies (the page's `radius`). */
  radiusMeters: number | null;
}

export const pickerLimit = 30;

/**
 * An org's customers for the picker: nearest first when the rep's position is known (customers
 * without a position last), by name otherwise; optionally filtered by a name or alias fragment.
 * Ordering uses an equirectangular approximation in SQL (fine at picker scale), the distance shown
 * is the exact great-circle one.
 */
export async function listPickableCustomers(
  db: Db,
  orgId: string,
  options: { near?: LatLng; query?: string; limit?: number } = {},
): Promise<PickableCustomer[]> {
  let q = db.selectFrom('customers').select(['id', 'name', 'lat', 'lng', 'radius_m']).where('org_id', '=', orgId);
  const text = options.query?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', pattern), eb(sql<string>`array_to_string(aliases, ' ')`, 'ilike', pattern)]));
  }
  const near = options.near;
  if (near) {
    const scale = Math.cos((near.lat * Math.PI) / 180);
    q = q
      .orderBy(sql`lat is null`)
      .orderBy(sql`(lat - ${near.lat}) * (lat - ${near.lat}) + ((lng - ${near.lng}) * ${scale}) * ((lng - ${near.lng}) * ${scale})`);
  }
  const rows = await q.orderBy('name').limit(options.limit ?? pickerLimit).execute();
  return rows.map(({ radius_m, ...row }) => ({
    ...row,
    radiusMeters: radius_m,
    distanceMeters: near && row.lat !== null && row.lng !== null ? Math.round(haversineMeters(near, { lat: row.lat, lng: row.lng })) : null,
  }));
}
