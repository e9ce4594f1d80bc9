import type { Db } from '../shared/db.ts';
import type { CheckInStatus } from '../../db/schema.ts';

export interface CustomerCard {
  ownerName: string | null;
  lastVisits: { startedAt: Date; repName: string; status: CheckInStatus | 'note_only'; notes: string | null }[];
  openFollowUps: { date: string; nextStep: string | null; repName: string }[];
}

/** The customer's owner, five latest visits and follow-ups due today or later. */
export async function describeCustomer(db: Db, input: { customerId: string; today: string }): Promise<CustomerCard> {
  const owner = await db
    .selectFrom('customers')
    .leftJoin('users', 'users.id', 'customers.owner_id')
    .select('users.display_name')
    .where('customers.id', '=', input.customerId)
    .executeTakeFirst();
  const visits = await db
    .selectFrom('visits')
    .innerJoin('users', 'users.id', 'visits.user_id')
    .leftJoin('check_ins', (join) => join.onRef('check_ins.visit_id', '=', 'visits.id').on('check_ins.kind', '=', 'in'))
    .select(['visits.started_at', 'users.display_name', 'visits.source', 'check_ins.status', 'visits.notes'])
    .where('visits.customer_id', '=', input.customerId)
    .orderBy('visits.started_at', 'desc')
    .limit(5)
    .execute();
  const followUps = await db
    .selectFrom('visits')
    .innerJoin('users', 'users.id', 'visits.user_id')
    .select(['visits.follow_up_date', 'visits.next_step', 'users.display_name'])
    .where('visits.customer_id', '=', input.customerId)
    .where('visits.follow_up_date', '>=', input.today)
    .orderBy('visits.follow_up_date')
    .limit(10)
    .execute();
  return {
    ownerName: owner?.display_name ?? null,
    lastVisits: visits.map((v) => ({
      startedAt: new Date(v.started_at),
      repName: v.display_name,
      status: v.source === 'note_only' ? 'note_only' : (v.status ?? 'unverified'),
      notes: v.notes,
    })),
    openFollowUps: followUps.map((f) => ({ date: f.follow_up_date as string, nextStep: f.next_step, repName: f.display_name })),
  };
}
