import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/domain-error.ts';
import { findOpenVisit, minutesBetween, type OpenVisit } from '../visits/visit-repository.ts';
import { evaluateLocation } from './evaluate-location.ts';
import type { ReportedLocation } from '../../conversation/types.ts';

export interface CheckOutInput {
  orgId: string;
  userId: string;
  radiusMeters: number;
  platform: string;
  notes?: string;
  location?: ReportedLocation;
}

export interface CheckOutResult {
  visitId: string;
  customerName: string;
  durationMinutes: number;
  hasNotes: boolean;
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
  const now = clock.now();
  const customer = await db.selectFrom('customers').select(['lat', 'lng']).where('id', '=', open.customer_id).executeTakeFirstOrThrow();
  const position = customer.lat !== null && customer.lng !== null ? { lat: customer.lat, lng: customer.lng } : null;
  const evaluation = evaluateLocation(position, input.location, input.radiusMeters);
  const notes = joinNotes(open.notes, input.notes);
  await db
    .updateTable('visits')
    .set({ ended_at: now, notes, updated_at: now })
    .where('id', '=', open.id)
    .execute();
  await db
    .insertInto('check_ins')
    .values({
      org_id: input.orgId,
      user_id: open.user_id,
      customer_id: open.customer_id,
      visit_id: open.id,
      kind: 'out',
      at: now,
      lat: evaluation.wgs84?.lat ?? null,
      lng: evaluation.wgs84?.lng ?? null,
      original_lat: input.location?.lat ?? null,
      original_lng: input.location?.lng ?? null,
      original_system: input.location?.system ?? null,
      accuracy_m: input.location?.accuracy ?? null,
      accuracy_flagged: evaluation.accuracyFlagged,
      mocked: input.location?.mocked ?? false,
      distance_m: evaluation.distanceMeters ?? null,
      radius_m: input.radiusMeters,
      status: evaluation.status,
      source_platform: input.platform,
    })
    .execute();
  return {
    visitId: open.id,
    customerName: open.customer_name,
    durationMinutes: minutesBetween(new Date(open.started_at), now),
    hasNotes: Boolean(notes),
  };
}

/** Appends new notes to existing ones on their own line. */
export function joinNotes(existing: string | null, added: string | undefined): string | null {
  const extra = added?.trim();
  if (!extra) return existing;
  return existing ? `${existing}\n${extra}` : extra;
}
