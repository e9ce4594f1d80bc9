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
  // The shortest interval per tier among these owners: a customer visited within it is overdue for
  // none of them, so its row (name, position) is never read; the exact per-owner test is below.
  const shortest: Record<'A' | 'B' | 'C', number | null> = { A: null, B: null, C: null };
  for (const ownerId of new Set(input.ownerIds)) {
    const days = input.daysFor(ownerId);
    for (const tier of ['A', 'B', 'C'] as const) {
      const limit = days[tier];
      if (limit !== null && (shortest[tier] === null || limit < shortest[tier]!)) shortest[tier] = limit;
    }
  }
  const tracked = (['A', 'B', 'C'] as const).filter((tier) => shortest[tier] !== null);
  if (tracked.length === 0) return out;
  // Hours, not days: "N days" of a timestamptz follows daylight saving in the session's zone.
  const hoursOf = sql<number>`24 * case k.tier when 'A' then ${shortest.A ?? 0}::int when 'B' then ${shortest.B ?? 0}::int else ${shortest.C ?? 0}::int end`;
  // The owner's customers and their last visits come from indexes alone (customers_owner_idx carries id,
  // tier and created_at, visits_customer_started_idx the visit times); OFFSET 0 keeps that scan
  // apart, so the table is read only for the customers that may be overdue.
  const rows = await sql<{ id: string; name: string; tier: 'A' | 'B' | 'C'; owner_id: string; created_at: Date; lat: number | null; lng: number | null; last_visit: Date | null }>`
    select c.id, c.name, c.tier, c.owner_id, c.created_at, c.lat, c.lng, k.last_visit
    from (
      select k.id, k.tier, k.created_at,
        (select max(v.started_at) from visits v where v.customer_id = k.id) as last_visit
      from customers k
      where k.owner_id in (${sql.join(input.ownerIds)}) and k.tier in (${sql.join([...tracked])})
      offset 0
    ) k
    join customers c on c.id = k.id
    where coalesce(k.last_visit, k.created_at) <= ${input.now}::timestamptz - make_interval(hours => ${hoursOf})`.execute(db);
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
