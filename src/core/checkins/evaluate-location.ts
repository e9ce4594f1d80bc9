import { haversineMeters, toWgs84, type LatLng } from '../../geo/index.ts';
import type { CheckInStatus } from '../../db/schema.ts';
import type { ReportedLocation } from '../../conversation/types.ts';

/** Why a check-in is unverified: no position sent, the customer has none, or the fix is too coarse. */
export type UnverifiedReason = 'noLocation' | 'noCustomerPosition' | 'imprecise';

export interface LocationEvaluation {
  status: CheckInStatus;
  /** Set when `status` is `unverified`. */
  unverifiedReason?: UnverifiedReason;
  /** The reported point in WGS-84, when there was one. */
  wgs84?: LatLng;
  distanceMeters?: number;
  /** The reported accuracy is worse than the radius (`isImprecise`): such a fix never verifies. */
  accuracyFlagged: boolean;
}

/**
 * The radius a check-in at this customer is judged by: the customer's own (a large campus) when set,
 * else the org's. Every caller (chat, the location page, check-outs) goes through this.
 */
export function radiusFor(customer: { radius_m: number | null }, orgRadiusMeters: number): number {
  return customer.radius_m ?? orgRadiusMeters;
}

/**
 * The one rule for a position too coarse to prove anything: its accuracy circle is wider than the
 * check-in radius, so it would fit "inside the radius" wherever the rep really stands. Chat replies,
 * the location page, scores (through the stored status) and digests (through `accuracy_flagged`)
 * all follow it.
 */
export function isImprecise(accuracyMeters: number | undefined, radiusMeters: number): boolean {
  return accuracyMeters !== undefined && accuracyMeters > radiusMeters;
}

/**
 * The verdict for a fix at `distanceMeters` from the customer. An imprecise fix is `outside` only
 * when even the nearest point of its accuracy circle is beyond the radius; otherwise it cannot be
 * decided and is `imprecise` (stored as unverified). The location page's script mirrors this
 * function (page-script.ts), and a test holds the two to the same answers.
 */
export function locationVerdict(distanceMeters: number, accuracyMeters: number | undefined, radiusMeters: number): 'verified' | 'outside' | 'imprecise' {
  if (!isImprecise(accuracyMeters, radiusMeters)) return distanceMeters <= radiusMeters ? 'verified' : 'outside';
  return distanceMeters - accuracyMeters! > radiusMeters ? 'outside' : 'imprecise';
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
  if (!reported) return { status: 'unverified', unverifiedReason: 'noLocation', accuracyFlagged: false };
  const wgs84 = toWgs84(reported, reported.system);
  const accuracyFlagged = isImprecise(reported.accuracy, radiusMeters);
  if (!customerPosition) return { status: 'unverified', unverifiedReason: 'noCustomerPosition', wgs84, accuracyFlagged };
  const distanceMeters = haversineMeters(wgs84, customerPosition);
  const verdict = locationVerdict(distanceMeters, reported.accuracy, radiusMeters);
  if (verdict === 'imprecise') return { status: 'unverified', unverifiedReason: 'imprecise', wgs84, distanceMeters, accuracyFlagged };
  return { status: verdict, wgs84, distanceMeters, accuracyFlagged };
}
