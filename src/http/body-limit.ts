import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The cap for routes that set none of their own: larger than any platform callback we accept. */
export const defaultMaxBodyBytes = 1024 * 1024;

/**
 * Refuses a body over `maxBytes` with 413 at once: by its Content-Length before reading anything, or
 * (chunked, no length) as soon as the bytes read pass the limit, so at most `maxBytes` is ever held
 * in memory per request. https://hono.dev/docs/middleware/builtin/body-limit
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => c.json({ error: 'body too large', limitBytes: maxBytes }, 413) });
}
