import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { UnstorableInputError } from '../conversation/storable-text.ts';

/**
 * The HTTP status for a request that failed unexpectedly: 503 when the database is unreachable (a
 * restart, an outage), so platforms and clients retry once it is back; 500 for anything else.
 */
export function failureStatus(error: unknown): 400 | 500 | 503 {
  // An id PostgreSQL cannot store (NUL, lone surrogate): the request itself is wrong; a retry won't help.
  if (error instanceof UnstorableInputError) return 400;
  return isDatabaseUnavailable(error) ? 503 : 500;
}
