import type { Hono } from 'hono';
import { Scalar } from '@scalar/hono-api-reference';

/** Where the docs page loads the API reference's script from: Legwork itself, never a CDN. */
export const docsScriptPath = '/api/docs/scalar.js';

/**
 * `GET /api/docs`: the interactive reference (Scalar) for `/api/v1/openapi.json`, every asset served
 * by Legwork. The page has one inline script (Scalar's start-up call), allowed by its hash, and Scalar
 * injects styles at run time: this page alone gets a policy that allows them, the rest of the site
 * keeps the strict one (src/http/secure-headers.ts).
 */
export function mountDocs(app: Hono, docsScript: (() => Promise<string | undefined>) | undefined): void {
  const page = Scalar({
    url: '/api/v1/openapi.json',
    cdn: docsScriptPath,
    pageTitle: 'Legwork admin API',
    withDefaultFonts: false,
    hideClientButton: true,
    telemetry: false,
  } as Parameters<typeof Scalar>[0]);
  app.get('/api/docs', async (c, next) => {
    const res = (await page(c, next)) as Response;
    const html = await res.text();
    const hashes = await Promise.all([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256Base64(m[1]!)));
    const csp = [
      "default-src 'none'",
      `script-src 'self' ${hashes.map((h) => `'sha256-${h}'`).join(' ')}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
    return c.html(html, 200, { 'content-security-policy': csp });
  });
  app.get(docsScriptPath, async (c) => {
    const script = docsScript ? await docsScript() : undefined;
    if (script === undefined) {
      return c.text('The API reference script (@scalar/api-reference, dist/browser/standalone.js) is not installed on this server.', 503);
    }
    return c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' });
  });
}

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return btoa(binary);
}
