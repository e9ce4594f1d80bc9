import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { ScheduleSettings } from './settings.ts';

export type TierDays = ScheduleSettings['reminders']['keyCustomerDays'];

export interface OverdueCustomer {
  customerId: string;
  name: string;
  tier: 'A' | 'B' | 'C';
  /** Whole days since the last visit by anyone; null when never visited. */
  days: number | null;
  /** The customer's position (WGS-84), read in the same statement for callers that group by place. */
  lat?: number | null;
  lng?: number | null;
}

const dayMs = 86_400_000;

/**
 * Customers owned by these people with no visit (by anyone) within their tier's interval (default A
 * 7 days, B 30, C 90). A customer never visited counts from when it was added, so a fresh import is
 * not overdue on day one. Most overdue first. `daysFor` gives each owner's intervals (their team's
 * settings).
 */
export async function findOverdueCustomers(
  db: Db,
  input: { ownerIds: readonly string[]; now: Date; daysFor: (ownerId: string) => TierDays },
): Promise<Map<string, OverdueCustomer[]>> {
  const out = new Map<string, OverdueCustomer[]>();
  if (input.ownerIds.length === 0) return out;
  const rows = await sql<{ id: string; name: string; tier: 'A' | 'B' | 'C'; owner_id: string; created_at: Date; lat: number | null; lng: number | null; last_visit: Date | null }>`
    select c.id, c.name, c.tier, c.owner_id, c.created_at, c.lat, c.lng,
      (select max(v.started_at) from visits v where v.customer_id = c.id) as last_visit
    from customers c
    where c.owner_id in (${sql.join(input.ownerIds)})`.execute(db);
  for (const row of rows.rows) {
    const limit = input.daysFor(row.owner_id)[row.tier];
    if (limit === null) continue;
    const since = new Date(row.last_visit ?? row.created_at).getTime();
    const days = Math.floor((input.now.getTime() - since) / dayMs);
    if (days < limit) continue;
    const list = out.get(row.owner_id) ?? [];
    list.push({ customerId: row.id, name: row.name, tier: row.tier, days: row.last_visit ? days : null, lat: row.lat, lng: row.lng });
    out.set(row.owner_id, list);
  }
  const order = (c: OverdueCustomer) => [c.tier, -(c.days ?? Number.MAX_SAFE_INTEGER), c.name] as const;
  for (const list of out.values()) {
    list.sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] !== y[1] ? x[1] - y[1] : x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0;
    });
  }
  return out;
}
