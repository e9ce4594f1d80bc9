import { haversineMeters, toWgs84, type LatLng } from '../../geo/index.ts';
import type { CheckInStatus } from '../../db/schema.ts';
import type { ReportedLocation } from '../../conversation/types.ts';

export interface LocationEvaluation {
  status: CheckInStatus;
  /** The reported point in WGS-84, when there was one. */
  wgs84?: LatLng;
  distanceMeters?: number;
  /** The reported accuracy is worse than the radius: even a "verified" fix proves little. */
  accuracyFlagged: boolean;
}

/**
 * Compares a reported location with the customer's position. Both sides are WGS-84 before any distance
 * is computed: mixing GCJ-02 and WGS-84 would be off by hundreds of metres in China.
 */
export function evaluateLocation(
  customerPosition: LatLng | null,
  reported: ReportedLocation | undefined,
  radiusMeters: number,
): LocationEvaluation {
  if (!reported) return { status: 'unverified', accuracyFlagged: false };
  const wgs84 = toWgs84(reported, reported.system);
  const accuracyFlagged = reported.accuracy !== undefined && reported.accuracy > radiusMeters;
  if (!customerPosition) return { status: 'unverified', wgs84, accuracyFlagged };
  const distanceMeters = haversineMeters(wgs84, customerPosition);
  return { status: distanceMeters <= radiusMeters ? 'verified' : 'outside', wgs84, distanceMeters, accuracyFlagged };
}
