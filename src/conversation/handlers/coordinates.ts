import { validateCoordinates } from '../../geo/index.ts';
import { DomainError } from '../../core/shared/domain-error.ts';
import type { TypedCoordinates } from '../intents/types.ts';
import type { ReportedLocation } from '../types.ts';

const problemMessages = {
  not_a_number: 'coordinatesNotANumber',
  out_of_range: 'coordinatesOutOfRange',
  swapped: 'coordinatesSwapped',
} as const;

/**
 * Turns `lat,lng` typed in a message into a location, refusing bad numbers with a specific answer.
 * Typed coordinates are taken as WGS-84 (what GPS apps and our location page show).
 */
export function typedLocation(coordinates: TypedCoordinates | undefined): ReportedLocation | undefined {
  if (!coordinates) return undefined;
  const result = validateCoordinates(coordinates.lat, coordinates.lng);
  if (!result.ok) throw new DomainError(problemMessages[result.problem]);
  return { ...result.value, system: 'wgs84' };
}

/** A platform-reported location is checked the same way: a broken GPS fix must not become a check-in. */
export function checkedLocation(location: ReportedLocation | undefined): ReportedLocation | undefined {
  if (!location) return undefined;
  const result = validateCoordinates(location.lat, location.lng);
  if (!result.ok) throw new DomainError(problemMessages[result.problem]);
  return location;
}
