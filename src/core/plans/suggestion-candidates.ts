import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { TierDays } from '../schedules/overdue-customers.ts';
import type { SuggestedStop } from './suggest-plans.ts';

/**
 * The customers a plan suggestion chooses from, in one statement (one round trip, one snapshot):
 * - follow-ups: customers with a visit by this person whose follow-up falls on `date`, by name, at
 *   most `followUpLimit` (every one of them is a must-have stop, so more are never shown);
 * - then the person's own customers past their tier's interval at `dueBy` (the end of that day), in
 *   the order of `findOverdueCustomers` (tier, never visited first, then most days, then name), at
 *   most `overdueLimit`.
 * Customers already planned that day (not cancelled) are left out of both, and a follow-up is not
 * listed again as overdue. A customer never visited counts from when it was added.
 */
export async function findSuggestionCandidates(
  db: Db,
  input: { userId: string; date: string; dueBy: Date; days: TierDays; followUpLimit: number; overdueLimit: number },
): Promise<SuggestedStop[]> {
  const tracked = (['A', 'B', 'C'] as const).filter((tier) => input.days[tier] !== null);
  const overdueLimit = tracked.length === 0 ? 0 : Math.max(0, input.overdueLimit);
  const followUpLimit = Math.max(0, input.followUpLimit);
  const limitDays = sql<number>`case c.tier when 'A' then ${input.days.A ?? 0}::int when 'B' then ${input.days.B ?? 0}::int else ${input.days.C ?? 0}::int end`;
  const trackedTiers = tracked.length === 0 ? sql`null` : sql.join([...tracked]);
  const notPlanned = sql`not exists (
    select 1 from visit_plans p
    where p.user_id = ${input.userId} and p.local_date = ${input.date}::date and p.state <> 'cancelled' and p.customer_id = c.id)`;
  // Follow-ups and the not-exists below read visits_follow_up_user_idx (date, user, customer) alone.
  // The overdue customers come from customers_owner_tier_idx in tier order, so the database stops
  // after the first tier that has enough of them; each one's last visit is computed once in a
  // lateral (a subquery in the select list would run again for the filter and the order). A union
  // keeps no order of its parts, hence the row numbers.
  const { rows } = await sql<{ kind: 'followUp' | 'overdue'; id: string; name: string; tier: 'A' | 'B' | 'C'; lat: number | null; lng: number | null; visited: boolean; days: number | null }>`
    with follow_ups as (
      select c.id, c.name, c.tier, c.lat, c.lng
      from customers c
      where c.id in (select f.customer_id from visits f where f.user_id = ${input.userId} and f.follow_up_date = ${input.date}::date)
        and ${notPlanned}
      order by c.name
      limit ${followUpLimit}
    ), overdue as (
      select c.id, c.name, c.tier, c.lat, c.lng, lv.last_visit is not null as visited, d.days
      from customers c
      cross join lateral (select max(v.started_at) as last_visit from visits v where v.customer_id = c.id) lv
      cross join lateral (select floor(extract(epoch from (${input.dueBy}::timestamptz - coalesce(lv.last_visit, c.created_at))) / 86400)::int as days) d
      where c.owner_id = ${input.userId} and c.tier in (${trackedTiers}) and d.days >= ${limitDays}
        and ${notPlanned}
        and not exists (select 1 from visits f where f.user_id = ${input.userId} and f.follow_up_date = ${input.date}::date and f.customer_id = c.id)
      order by c.tier, (lv.last_visit is not null), case when lv.last_visit is null then 0 else d.days end desc, c.name
      limit ${overdueLimit}
    )
    select * from (select 0 as part, 'followUp' as kind, id, name, tier, lat, lng, true as visited, null::int as days, row_number() over (order by name) as n from follow_ups) fu
    union all
    select * from (select 1, 'overdue', id, name, tier, lat, lng, visited, days, row_number() over (order by tier, visited, case when visited then days else 0 end desc, name) from overdue) od
    order by part, n`.execute(db);
  return rows.map((r) =>
    r.kind === 'followUp'
      ? { customerId: r.id, name: r.name, tier: r.tier, reason: 'followUp' as const, days: null, lat: r.lat, lng: r.lng }
      : { customerId: r.id, name: r.name, tier: r.tier, reason: r.visited ? ('overdue' as const) : ('never' as const), days: r.visited ? Number(r.days) : null, lat: r.lat, lng: r.lng },
  );
}
