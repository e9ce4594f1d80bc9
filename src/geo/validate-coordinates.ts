import type { LatLng } from './coordinate-systems.ts';

/** Why a raw coordinate pair was rejected. */
export type CoordinateProblem = 'not_a_number' | 'out_of_range' | 'swapped';

/** Result of `validateCoordinates`. */
export type CoordinateValidation =
  | { ok: true; value: LatLng }
  | { ok: false; problem: CoordinateProblem };

/**
 * Validate a raw latitude/longitude pair (decimal degrees).
 * - non-finite (NaN, ±Infinity) → `not_a_number`
 * - |lat| > 90 but the pair would be valid as (lng, lat) → `swapped`
 * - otherwise |lat| > 90 or |lng| > 180 → `out_of_range`
 * - exactly (0, 0) "null island" → `out_of_range` (a GPS failure, never a customer)
 */
export function validateCoordinates(lat: number, lng: number): CoordinateValidation {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return { ok: false, problem: 'not_a_number' };
  const absLat = Math.abs(lat);
  const absLng = Math.abs(lng);
  if (absLat > 90 && absLat <= 180 && absLng <= 90) return { ok: false, problem: 'swapped' };
  if (absLat > 90 || absLng > 180) return { ok: false, problem: 'out_of_range' };
  if (lat === 0 && lng === 0) return { ok: false, problem: 'out_of_range' };
  return { ok: true, value: { lat, lng } };
}
