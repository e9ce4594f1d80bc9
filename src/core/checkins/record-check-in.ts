import { randomUUID } from 'node:crypto';
import type { Db } from '../shared/db.ts';
import { frozenClock, type Clock } from '../shared/clock.ts';
import type { Customer } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { findOpenVisit } from '../visits/visit-repository.ts';
import { closeVisit, type CheckOutResult } from './record-check-out.ts';
import { evaluateLocation, radiusFor, type LocationEvaluation } from './evaluate-location.ts';
import { checkInRow } from './check-in-row.ts';
import type { ReportedLocation } from '../../conversation/types.ts';
import { fulfilPlannedStop } from '../plans/plan-repository.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { recordZone } from '../users/record-zone.ts';
import { raiseAlerts, type RaisedAlert } from '../alerts/raise-alerts.ts';

export interface CheckInInput {
  orgId: string;
  userId: string;
  customer: Customer;
  /** The org's radius; the customer's own replaces it when set ({@link radiusFor}). */
  radiusMeters: number;
  platform: string;
  location?: ReportedLocation;
}

export interface CheckInResult {
  checkInId: string;
  visitId: string;
  evaluation: LocationEvaluation;
  /** The radius the check-in was judged by (the customer's own or the org's). */
  radiusMeters: number;
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
    ? // The forgotten visit ends at the very instant the new one starts, not a tick later.
      await closeVisit({ db, clock: frozenClock(now) }, open, { orgId: input.orgId, radiusMeters: input.radiusMeters, platform: input.platform })
    : undefined;

  const position = input.customer.lat !== null && input.customer.lng !== null ? { lat: input.customer.lat, lng: input.customer.lng } : null;
  const radiusMeters = radiusFor(input.customer, input.radiusMeters);
  const evaluation = evaluateLocation(position, input.location, radiusMeters);

  // The visit's id is chosen here so the visit and its check-in go in one round trip (the foreign
  // key is checked at the end of the statement, after both rows exist).
  const visitId = randomUUID();
  const localDate = localDateOf(now, await recordZone(db, input.userId, now));
  const checkIn = await db
    .with('visit', (q) =>
      q.insertInto('visits').values({ id: visitId, org_id: input.orgId, user_id: input.userId, customer_id: input.customer.id, source: 'check_in', started_at: now, local_date: localDate }),
    )
    .insertInto('check_ins')
    .values(
      checkInRow({
        orgId: input.orgId,
        userId: input.userId,
        customerId: input.customer.id,
        visitId,
        kind: 'in',
        at: now,
        location: input.location,
        evaluation,
        radiusMeters,
        platform: input.platform,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  // The plan follows the work: a stop planned here for today is done by this visit.
  await fulfilPlannedStop(db, { userId: input.userId, customerId: input.customer.id, visitId, at: now });
  await raiseAlerts(db, { orgId: input.orgId, subjectUserId: input.userId, now, alerts: checkInAlerts(checkIn.id, input, evaluation, radiusMeters, now) });

  return { checkInId: checkIn.id, visitId, evaluation, radiusMeters, closedPrevious };
}

/** What the rep's managers hear of a check-in at once: off-site (with the distance), a simulated position. */
function checkInAlerts(checkInId: string, input: CheckInInput, evaluation: LocationEvaluation, radiusMeters: number, now: Date): RaisedAlert[] {
  const base = { customer: input.customer.name, at: now.toISOString() };
  const alerts: RaisedAlert[] = [];
  if (evaluation.status === 'outside' && evaluation.distanceMeters !== undefined) {
    alerts.push({ kind: 'offsite', about: checkInId, detail: { ...base, distanceM: Math.round(evaluation.distanceMeters), radiusM: radiusMeters } });
  }
  if (input.location?.mocked) alerts.push({ kind: 'mocked', about: checkInId, detail: base });
  return alerts;
}
