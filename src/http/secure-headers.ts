import { secureHeaders } from 'hono/secure-headers';
import type { MiddlewareHandler } from 'hono';

/**
 * Security headers on every response (issue 11 item 3), HTML pages above all: a Content-Security-Policy
 * that runs only scripts and styles served by Legwork itself (no inline script, no `javascript:` URL,
 * no inline event handler), no framing, no referrer (location links carry their token in the URL).
 * A page that needs an inline block sets its own nonce-based policy, which this keeps
 * (`overwrite: false`): the location page does (src/http/location-page/index.ts), and so does the
 * admin API's docs page alone (`GET /api/docs`: its start-up script by hash, Scalar's run-time
 * styles; src/http/api/docs.ts).
 * Hono docs: https://hono.dev/docs/middleware/builtin/secure-headers
 */
export function legworkSecureHeaders(): MiddlewareHandler {
  return secureHeaders({
    overwrite: false,
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    // Geolocation only for Legwork's own pages (the location page asks for it).
    permissionsPolicy: { geolocation: ['self'] },
  });
}
