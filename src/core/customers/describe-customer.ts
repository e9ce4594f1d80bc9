import type { Db } from '../shared/db.ts';
import type { CheckInStatus } from '../../db/schema.ts';
import { can, type Actor } from '../access/permissions.ts';
import { loadPeople } from '../access/load-actor.ts';

export interface CustomerCard {
  ownerName: string | null;
  lastVisits: { startedAt: Date; repName: string; status: CheckInStatus | 'note_only'; notes: string | null }[];
  openFollowUps: { date: string; nextStep: string | null; repName: string }[];
}

/**
 * The customer's owner, five latest visits and follow-ups due today or later, as `viewer` may see
 * them: the customer's facts and everyone's visit dates for all, but the notes and next steps of a
 * visit only for its author, their team's manager and admins (and teammates when the org shares
 * notes within teams), by the one access rule.
 */
export async function describeCustomer(
  db: Db,
  input: { customerId: string; today: string; viewer: Actor; shareNotesInTeam: boolean },
): Promise<CustomerCard> {
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
    .select(['visits.started_at', 'visits.user_id', 'users.display_name', 'visits.source', 'check_ins.status', 'visits.notes'])
    .where('visits.customer_id', '=', input.customerId)
    .orderBy('visits.started_at', 'desc')
    .limit(5)
    .execute();
  const followUps = await db
    .selectFrom('visits')
    .innerJoin('users', 'users.id', 'visits.user_id')
    .select(['visits.follow_up_date', 'visits.user_id', 'visits.next_step', 'users.display_name'])
    .where('visits.customer_id', '=', input.customerId)
    .where('visits.follow_up_date', '>=', input.today)
    .orderBy('visits.follow_up_date')
    .limit(10)
    .execute();
  const authors = await loadPeople(db, input.viewer.orgId, [...new Set([...visits, ...followUps].map((v) => v.user_id))]);
  const readable = (authorId: string) =>
    can(input.viewer, { action: 'viewVisitNotes', author: authors.get(authorId)!, shareNotesInTeam: input.shareNotesInTeam });
  return {
    ownerName: owner?.display_name ?? null,
    lastVisits: visits.map((v) => ({
      startedAt: new Date(v.started_at),
      repName: v.display_name,
      status: v.source === 'note_only' ? 'note_only' : (v.status ?? 'unverified'),
      notes: readable(v.user_id) ? v.notes : null,
    })),
    openFollowUps: followUps.map((f) => ({
      date: f.follow_up_date as string,
      nextStep: readable(f.user_id) ? f.next_step : null,
      repName: f.display_name,
    })),
  };
}
