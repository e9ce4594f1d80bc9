import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { Customer } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { findOpenVisit, type OpenVisit } from '../visits/visit-repository.ts';
import { planVisitClose, type CheckOutResult } from './record-check-out.ts';
import { evaluateLocation, radiusFor, type LocationEvaluation } from './evaluate-location.ts';
import { checkInRow } from './check-in-row.ts';
import type { ReportedLocation } from '../../conversation/types.ts';
import { fulfilPlannedStopQuery } from '../plans/plan-repository.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { recordZone, type ZoneOfUser } from '../users/record-zone.ts';
import { raiseAlerts, type RaisedAlert } from '../alerts/raise-alerts.ts';

export interface CheckInInput {
  orgId: string;
  userId: string;
  customer: Customer;
  /** The org's radius; the customer's own replaces it when set ({@link radiusFor}). */
  radiusMeters: number;
  platform: string;
  location?: ReportedLocation;
  /** The person's row as the caller holds it (a turn locked and read it): saves reading it again. */
  userZone?: ZoneOfUser;
  /**
   * The person's open visit (null: none) when the caller read it after locking the person and wrote no
   * visit since (a turn's start, turn-start.ts); undefined to read it here.
   */
  openVisit?: OpenVisit | null;
}

export interface CheckInResult {
  checkInId: string;
  visitId: string;
  evaluation: LocationEvaluation;
  /** The radius the check-in was judged by (the customer's own or the org's). */
  radiusMeters: number;
  /** A forgotten open visit elsewhere that this check-in closed first. */
  closedPrevious?: CheckOutResult;
  /** For an outside or mocked check-in: whether the person has a manager (someone else manages a team of theirs) to see it. */
  managerSees?: boolean;
}

/**
 * Checks a rep in at a customer: opens a visit and records the check-in with its location normalised
 * to WGS-84 (the original kept), its distance to the customer and its status. A rep has one open
 * visit at a time: checking in elsewhere closes the forgotten one first; checking in again at the
 * same customer is refused.
 */
export async function recordCheckIn({ db, clock }: { db: Db; clock: Clock }, input: CheckInInput): Promise<CheckInResult> {
  const now = clock.now();
  const open = input.openVisit === undefined ? await findOpenVisit(db, input.userId) : input.openVisit;
  if (open?.customer_id === input.customer.id) {
    throw new DomainError('alreadyCheckedIn', { customer: input.customer.name });
  }
  // The forgotten visit ends at the very instant the new one starts, not a tick later.
  const closing = open ? planVisitClose(open, { orgId: input.orgId, radiusMeters: input.radiusMeters, platform: input.platform }, now) : undefined;

  const position = input.customer.lat !== null && input.customer.lng !== null ? { lat: input.customer.lat, lng: input.customer.lng } : null;
  const radiusMeters = radiusFor(input.customer, input.radiusMeters);
  const evaluation = evaluateLocation(position, input.location, radiusMeters);

  // The visit's id is chosen here so everything below goes in one round trip: the forgotten visit's
  // end and check-out, the new visit, its check-in and the plan it fulfils (foreign keys are checked
  // at the end of the statement, after every row exists).
  const visitId = randomUUID();
  const localDate = localDateOf(now, await recordZone(db, input.userId, now, input.userZone));
  const visit = { id: visitId, org_id: input.orgId, user_id: input.userId, customer_id: input.customer.id, source: 'check_in' as const, started_at: now, local_date: localDate };
  const checkInValues = checkInRow({
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
  });
  // The plan follows the work: a stop planned here for today is done by this visit.
  const plan = { userId: input.userId, customerId: input.customer.id, visitId, at: now };
  const checkIn = closing
    ? await db
        .with('closed', (q) => q.updateTable('visits').set(closing.visitEnd).where('id', '=', closing.result.visitId).returning('id'))
        .with('checked_out', (q) => q.insertInto('check_ins').values(closing.checkOutRow))
        // Data-modifying CTEs run in no promised order, and a person may have one open visit (a
        // unique index checked row by row): the new visit is selected from the closed one's count,
        // which makes PostgreSQL finish closing it first.
        .with('visit', (q) =>
          q
            .insertInto('visits')
            .columns(['id', 'org_id', 'user_id', 'customer_id', 'source', 'started_at', 'local_date'])
            .expression(
              sql`select ${visit.id}::uuid, ${visit.org_id}::uuid, ${visit.user_id}::uuid, ${visit.customer_id}::uuid, ${visit.source}::text, ${visit.started_at}::timestamptz, ${visit.local_date}::date from (select count(*) from closed) as after_close`,
            ),
        )
        .with('planned', (q) => fulfilPlannedStopQuery(q, plan))
        .insertInto('check_ins')
        .values(checkInValues)
        .returning('id')
        .executeTakeFirstOrThrow()
    : await db
        .with('visit', (q) => q.insertInto('visits').values(visit))
        .with('planned', (q) => fulfilPlannedStopQuery(q, plan))
        .insertInto('check_ins')
        .values(checkInValues)
        .returning('id')
        .executeTakeFirstOrThrow();
  const closedPrevious = closing?.result;
  await raiseAlerts(db, { orgId: input.orgId, subjectUserId: input.userId, now, alerts: checkInAlerts(checkIn.id, input, evaluation, radiusMeters, now) });

  const managerSees = evaluation.status === 'outside' || input.location?.mocked ? await hasManager(db, input.userId) : undefined;
  return { checkInId: checkIn.id, visitId, evaluation, radiusMeters, closedPrevious, ...(managerSees !== undefined ? { managerSees } : {}) };
}

/** Whether someone else manages a team the person is in (a rep in no team, or a manager of their own team only, has nobody). */
async function hasManager(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select('t.id')
    .where('m.user_id', '=', userId)
    .where('t.manager_id', '<>', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
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
