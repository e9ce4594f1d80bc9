/**
 * WGS-84 ⇄ GCJ-02 conversion.
 *
 * Why this exists: GCJ-02 ("Mars coordinates") is the obfuscated datum that
 * Chinese law mandates for published maps in mainland China, so AMap/Gaode,
 * Tencent Maps, DingTalk and WeCom location pickers all report GCJ-02, while
 * raw device GPS reports WGS-84. The two differ by a non-linear offset of
 * typically 100–700 m (it dips to ~40 m in parts of Qinghai), which is larger
 * than any check-in radius. So NEVER compare distances between a point in one
 * system and a point in the other — convert both to WGS-84 first (`toWgs84`).
 *
 * The forward transform is the widely published eviltransform / coordtransform
 * algorithm (Krasovsky 1940 ellipsoid). The inverse is computed iteratively so a
 * WGS→GCJ→WGS round trip is accurate to well under a millimetre.
 */

/** Datum a coordinate is expressed in. */
export type CoordinateSystem = 'wgs84' | 'gcj02';

/** A point in decimal degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Krasovsky 1940 semi-major axis (m). */
const A = 6378245.0;
/** Krasovsky 1940 first eccentricity squared. */
const EE = 0.00669342162296594323;
const PI = Math.PI;

/**
 * Coarse bounding-box test used by eviltransform / coordtransform. Points
 * outside the box are never offset. Note the box is rectangular, so it also
 * covers some territory that is not mainland China; this matches what the
 * map providers do.
 */
export function isOutsideChina(p: LatLng): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * PI) + 40.0 * Math.sin((y / 3.0) * PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * PI) + 320 * Math.sin((y * PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * PI) + 40.0 * Math.sin((x / 3.0) * PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * PI) + 300.0 * Math.sin((x / 30.0) * PI)) * 2.0) / 3.0;
  return ret;
}

/** GCJ-02 offset (degrees) for a WGS-84 point, ignoring the China box. */
function offset(p: LatLng): LatLng {
  let dLat = transformLat(p.lng - 105.0, p.lat - 35.0);
  let dLng = transformLng(p.lng - 105.0, p.lat - 35.0);
  const radLat = (p.lat / 180.0) * PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return { lat: dLat, lng: dLng };
}

/** Convert WGS-84 (GPS) to GCJ-02 (Chinese map datum). Identity outside China. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (isOutsideChina(p)) return { lat: p.lat, lng: p.lng };
  const d = offset(p);
  return { lat: p.lat + d.lat, lng: p.lng + d.lng };
}

/** Stop once the forward image is within ~1e-6 m of the target. */
const INVERSE_EPSILON_DEG = 1e-11;
const INVERSE_MAX_ITERATIONS = 30;

/**
 * Convert GCJ-02 to WGS-84 using fixed-point iteration on the forward
 * transform (exact inverse, not the common one-step approximation whose error
 * can reach 1–2 m). Identity when the GCJ-02 input is outside China's box.
 */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (isOutsideChina(p)) return { lat: p.lat, lng: p.lng };
  let lat = p.lat;
  let lng = p.lng;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const d = offset({ lat, lng });
    const errLat = lat + d.lat - p.lat;
    const errLng = lng + d.lng - p.lng;
    lat -= errLat;
    lng -= errLng;
    if (Math.abs(errLat) < INVERSE_EPSILON_DEG && Math.abs(errLng) < INVERSE_EPSILON_DEG) break;
  }
  return { lat, lng };
}

/** Normalise a point expressed in `system` to WGS-84. */
export function toWgs84(p: LatLng, system: CoordinateSystem): LatLng {
  return system === 'gcj02' ? gcj02ToWgs84(p) : { lat: p.lat, lng: p.lng };
}
