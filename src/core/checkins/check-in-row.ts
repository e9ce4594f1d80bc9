import type { Insertable } from 'kysely';
import type { CheckInsTable } from '../../db/schema.ts';
import type { ReportedLocation } from '../../conversation/types.ts';
import type { LocationEvaluation } from './evaluate-location.ts';

/** A check-in or check-out row: the location as normalised (WGS-84) and as reported, and its verdict. */
export function checkInRow(input: {
  orgId: string;
  userId: string;
  customerId: string;
  visitId: string;
  kind: 'in' | 'out';
  at: Date;
  location: ReportedLocation | undefined;
  evaluation: LocationEvaluation;
  radiusMeters: number;
  platform: string;
}): Insertable<CheckInsTable> {
  const { location, evaluation } = input;
  return {
    org_id: input.orgId,
    user_id: input.userId,
    customer_id: input.customerId,
    visit_id: input.visitId,
    kind: input.kind,
    at: input.at,
    lat: evaluation.wgs84?.lat ?? null,
    lng: evaluation.wgs84?.lng ?? null,
    original_lat: location?.lat ?? null,
    original_lng: location?.lng ?? null,
    original_system: location?.system ?? null,
    accuracy_m: location?.accuracy ?? null,
    accuracy_flagged: evaluation.accuracyFlagged,
    mocked: location?.mocked ?? false,
    distance_m: evaluation.distanceMeters ?? null,
    radius_m: input.radiusMeters,
    status: evaluation.status,
    source_platform: input.platform,
  };
}
