/**
 * SQLSTATE classes and codes meaning "the database is not reachable right now" rather than "this
 * query is wrong": connection exceptions (08…), admin / crash shutdown (57P01–57P03), and too many
 * connections (53300). https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
const unavailableCodes = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors node and pg report when the server is down or the connection broke. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg's own messages for a connection that ended under it (it sets no code on these). */
const brokenConnection = /Connection terminated|connection error and is not queryable|Client was closed|timeout exceeded when trying to connect/i;

/**
 * True when `error` says the database is unreachable (a restart, an outage, a broken connection):
 * callers answer 503 so platforms retry, instead of 500. Walks `cause` and AggregateError members
 * (node reports a refused dual-stack connect as an AggregateError of ECONNREFUSED).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08') || socketCodes.has(code))) return true;
  if (typeof message === 'string' && brokenConnection.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
