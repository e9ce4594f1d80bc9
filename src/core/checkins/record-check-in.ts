import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { Customer } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { findOpenVisit } from '../visits/visit-repository.ts';
import { closeVisit, type CheckOutResult } from './record-check-out.ts';
import { evaluateLocation, type LocationEvaluation } from './evaluate-location.ts';
import type { ReportedLocation } from '../../conversation/types.ts';

export interface CheckInInput {
  orgId: string;
  userId: string;
  customer: Customer;
  radiusMeters: number;
  platform: string;
  location?: ReportedLocation;
}

export interface CheckInResult {
  checkInId: string;
  visitId: string;
  evaluation: LocationEvaluation;
  /** A forgotten open visit elsewhere that this check-in closed first. */
  closedPrevious?: CheckOutResult;
}

/**
 * Checks a rep in at a customer: opens a visit and records the check-in with its location normalised
 * to WGS-84 (the original kept), its distance to the customer and its status. A rep has one open
 * visit at a time: checking in elsewhere closes the forgotten one first; checking in again at the
 * same customer is refused.
 */
export async function recordCheckIn({ db, clock }: { db: Db; clock: Clock }, input: CheckInInput): Promise<CheckInResult> {
  const now = clock.now();
  const open = await findOpenVisit(db, input.userId);
  if (open?.customer_id === input.customer.id) {
    throw new DomainError('alreadyCheckedIn', { customer: input.customer.name });
  }
  const closedPrevious = open
    ? await closeVisit({ db, clock }, open, { orgId: input.orgId, radiusMeters: input.radiusMeters, platform: input.platform })
    : undefined;

  const position = input.customer.lat !== null && input.customer.lng !== null ? { lat: input.customer.lat, lng: input.customer.lng } : null;
  const evaluation = evaluateLocation(position, input.location, input.radiusMeters);

  const visit = await db
    .insertInto('visits')
    .values({ org_id: input.orgId, user_id: input.userId, customer_id: input.customer.id, source: 'check_in', started_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const checkIn = await db
    .insertInto('check_ins')
    .values({
      org_id: input.orgId,
      user_id: input.userId,
      customer_id: input.customer.id,
      visit_id: visit.id,
      kind: 'in',
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
    .returning('id')
    .executeTakeFirstOrThrow();

  return { checkInId: checkIn.id, visitId: visit.id, evaluation, closedPrevious };
}
