/** Pure geo helpers: datum conversion, distance and input validation. */
export type { CoordinateSystem, LatLng } from './coordinate-systems.ts';
export { isOutsideChina, wgs84ToGcj02, gcj02ToWgs84, toWgs84 } from './coordinate-systems.ts';
export { EARTH_RADIUS_METERS, haversineMeters } from './distance.ts';
export type { CoordinateProblem, CoordinateValidation } from './validate-coordinates.ts';
export { validateCoordinates } from './validate-coordinates.ts';
export type { RouteOrder, RouteStop } from './route-order.ts';
export { EXACT_ROUTE_LIMIT, MAX_ROUTE_STOPS, orderRoute } from './route-order.ts';
