import type { LatLng } from './coordinate-systems.ts';

/** Mean Earth radius (IUGG R1), metres. */
export const EARTH_RADIUS_METERS = 6371008.8;

/**
 * Great-circle distance in metres (haversine, spherical Earth).
 * Both points must be in the same datum — convert with `toWgs84` first.
 */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}
