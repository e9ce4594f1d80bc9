import { isDatabaseUnavailable } from '../db/unavailable.ts';

/**
 * The HTTP status for a request that failed unexpectedly: 503 when the database is unreachable (a
 * restart, an outage), so platforms and clients retry once it is back; 500 for anything else.
 */
export function failureStatus(error: unknown): 500 | 503 {
  return isDatabaseUnavailable(error) ? 503 : 500;
}
