import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/domain-error.ts';
import { findOpenVisit, minutesBetween, type OpenVisit } from '../visits/visit-repository.ts';
import { evaluateLocation, radiusFor, type LocationEvaluation } from './evaluate-location.ts';
import { checkInRow } from './check-in-row.ts';
import type { ReportedLocation } from '../../conversation/types.ts';

export interface CheckOutInput {
  orgId: string;
  userId: string;
  /** The org's radius; the customer's own replaces it when set ({@link radiusFor}). */
  radiusMeters: number;
  platform: string;
  notes?: string;
  /** `下一步 …` / `next: …` given with the check-out: set on the visit (replacing an earlier one). */
  nextStep?: string;
  /** A local date (YYYY-MM-DD) to follow up on, given with the check-out. */
  followUpDate?: string;
  location?: ReportedLocation;
}

export interface CheckOutResult {
  visitId: string;
  customerName: string;
  customerId: string;
  durationMinutes: number;
  hasNotes: boolean;
  /** The check-out's position against the customer's. */
  evaluation: LocationEvaluation;
  /** The radius it was judged by (the customer's own or the org's). */
  radiusMeters: number;
}

/** Closes the rep's open visit; notes given here are appended to the visit's notes. */
export async function recordCheckOut({ db, clock }: { db: Db; clock: Clock }, input: CheckOutInput): Promise<CheckOutResult> {
  const open = await findOpenVisit(db, input.userId);
  if (!open) throw new DomainError('noOpenVisit');
  return closeVisit({ db, clock }, open, input);
}

/** Closes a given open visit (also used when a new check-in supersedes a forgotten one). */
export async function closeVisit(
  { db, clock }: { db: Db; clock: Clock },
  open: OpenVisit,
  input: Omit<CheckOutInput, 'userId'>,
): Promise<CheckOutResult> {
  const closing = planVisitClose(open, input, clock.now());
  // One round trip: the visit's end and its check-out row belong together.
  await db
    .with('closed', (q) => q.updateTable('visits').set(closing.visitEnd).where('id', '=', open.id))
    .insertInto('check_ins')
    .values(closing.checkOutRow)
    .execute();
  return closing.result;
}

/**
 * What closing an open visit at `now` writes (the visit's end, its check-out row) and answers, without
 * writing it: {@link closeVisit} runs it alone, a check-in that supersedes a forgotten visit runs it
 * in the statement that opens the new one (record-check-in.ts).
 */
export function planVisitClose(open: OpenVisit, input: Omit<CheckOutInput, 'userId'>, now: Date) {
  const position = open.customer_lat !== null && open.customer_lng !== null ? { lat: open.customer_lat, lng: open.customer_lng } : null;
  const radiusMeters = radiusFor({ radius_m: open.customer_radius_m }, input.radiusMeters);
  const evaluation = evaluateLocation(position, input.location, radiusMeters);
  const notes = joinNotes(open.notes, input.notes);
  const checkOutRow = checkInRow({
    orgId: input.orgId,
    userId: open.user_id,
    customerId: open.customer_id,
    visitId: open.id,
    kind: 'out',
    at: now,
    location: input.location,
    evaluation,
    radiusMeters,
    platform: input.platform,
  });
  const result: CheckOutResult = {
    visitId: open.id,
    customerName: open.customer_name,
    customerId: open.customer_id,
    evaluation,
    radiusMeters,
    durationMinutes: minutesBetween(new Date(open.started_at), now),
    hasNotes: Boolean(notes) || Boolean(input.nextStep),
  };
  const visitEnd = {
    ended_at: now,
    notes,
    updated_at: now,
    ...(input.nextStep ? { next_step: input.nextStep } : {}),
    ...(input.followUpDate ? { follow_up_date: input.followUpDate } : {}),
  };
  return { visitEnd, checkOutRow, result };
}

/** Appends new notes to existing ones on their own line. */
export function joinNotes(existing: string | null, added: string | undefined): string | null {
  const extra = added?.trim();
  if (!extra) return existing;
  return existing ? `${existing}\n${extra}` : extra;
}
