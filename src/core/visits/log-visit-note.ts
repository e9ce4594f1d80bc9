import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { Customer } from '../../db/schema.ts';
import { joinNotes } from '../checkins/record-check-out.ts';
import { startOfLocalDay } from '../shared/local-day.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { recordZone } from '../users/record-zone.ts';

export interface VisitNoteInput {
  orgId: string;
  userId: string;
  timeZone: string;
  customer: Customer;
  notes: string;
  nextStep?: string;
  /** Local date 'YYYY-MM-DD', already resolved from the rep's words. */
  followUpDate?: string;
}

export interface VisitNoteResult {
  visitId: string;
  /** True when there was no visit today to attach to and a note-only visit was recorded. */
  noteOnly: boolean;
}

/**
 * Attaches notes, next step and follow-up date to the rep's open visit at the customer, or else to
 * their latest visit there today; with neither, records a visit without check-in (marked so, so
 * reports and leaderboards can tell it apart from a verified one).
 */
export async function logVisitNote({ db, clock }: { db: Db; clock: Clock }, input: VisitNoteInput): Promise<VisitNoteResult> {
  const now = clock.now();
  const target = await db
    .selectFrom('visits')
    .select(['id', 'notes'])
    .where('user_id', '=', input.userId)
    .where('customer_id', '=', input.customer.id)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('started_at', '>=', startOfLocalDay(now, input.timeZone))]))
    .orderBy((eb) => eb.case().when('ended_at', 'is', null).then(0).else(1).end())
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();

  if (target) {
    await db
      .updateTable('visits')
      .set({
        notes: joinNotes(target.notes, input.notes),
        ...(input.nextStep ? { next_step: input.nextStep } : {}),
        ...(input.followUpDate ? { follow_up_date: input.followUpDate } : {}),
        updated_at: now,
      })
      .where('id', '=', target.id)
      .execute();
    return { visitId: target.id, noteOnly: false };
  }

  const visit = await db
    .insertInto('visits')
    .values({
      org_id: input.orgId,
      user_id: input.userId,
      customer_id: input.customer.id,
      source: 'note_only',
      started_at: now,
      local_date: localDateOf(now, await recordZone(db, input.userId, now)),
      ended_at: now,
      notes: input.notes,
      next_step: input.nextStep ?? null,
      follow_up_date: input.followUpDate ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { visitId: visit.id, noteOnly: true };
}
