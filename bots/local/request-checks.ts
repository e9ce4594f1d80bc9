import type { Context } from 'hono';
import { validateCoordinates, type CoordinateProblem } from '../../src/geo/validate-coordinates.ts';

/** True for `application/json` and `application/*+json`, with or without parameters (charset). */
export function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** 415 for a body that does not say it is JSON: a client posting a form gets told, not parsed. */
export function unsupportedMediaType(c: Context): Response {
  return c.json({ error: 'unsupported media type', message: 'send the body as JSON with "content-type: application/json"' }, 415);
}

const coordinateMessages: Record<CoordinateProblem, string> = {
  not_a_number: 'location.lat and location.lng must be finite numbers',
  out_of_range: 'location must have -90 ≤ lat ≤ 90 and -180 ≤ lng ≤ 180, and not be exactly 0,0',
  swapped: 'location.lat is out of range but would be valid as a longitude: lat and lng look swapped',
};

/**
 * The same coordinate rule the chat applies to a typed "lat,lng" (src/geo/validate-coordinates.ts),
 * as a 400 answer; undefined when the location is fine.
 */
export function invalidLocation(c: Context, location: { lat: number; lng: number } | undefined): Response | undefined {
  if (!location) return undefined;
  const checked = validateCoordinates(location.lat, location.lng);
  if (checked.ok) return undefined;
  return c.json({ error: 'invalid location', problem: checked.problem, message: coordinateMessages[checked.problem] }, 400);
}

/** `after` cursors are integer ids; anything else is a 400 rather than a database error. */
export function parseAfter(value: string | undefined): { ok: true; value?: string } | { ok: false } {
  if (value === undefined || value === '') return { ok: true };
  return /^\d{1,18}$/.test(value) ? { ok: true, value } : { ok: false };
}
