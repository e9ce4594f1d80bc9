import type { Db } from '../shared/db.ts';

/** The rep's open visit (checked in, not out), with its customer's name and position (to check the check-out against). */
export async function findOpenVisit(db: Db, userId: string) {
  return openVisitQuery(db, userId).executeTakeFirst();
}

/** The person's open visit (at most one) with its customer's name, position and radius, unexecuted. */
export function openVisitQuery(db: Db, userId: string) {
  return db
    .selectFrom('visits')
    .innerJoin('customers', 'customers.id', 'visits.customer_id')
    .selectAll('visits')
    .select(['customers.name as customer_name', 'customers.lat as customer_lat', 'customers.lng as customer_lng', 'customers.radius_m as customer_radius_m'])
    .where('visits.user_id', '=', userId)
    .where('visits.source', '=', 'check_in')
    .where('visits.ended_at', 'is', null);
}

export type OpenVisit = NonNullable<Awaited<ReturnType<typeof findOpenVisit>>>;

/** Whole minutes between two instants, never negative. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
}
