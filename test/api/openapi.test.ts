import { describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { useHarness } from '../support/test-app.ts';
import { ADMIN_TOKEN } from './support.ts';

const h = useHarness({ ADMIN_TOKEN });

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 and lists every API route the app serves', async () => {
    const res = await h.current.app.http.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc));
    expect(result.valid, JSON.stringify(result, null, 1)).toBe(true);

    const documented = new Set(Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    const served = new Set(
      h.current.app.http.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== '/api/v1/openapi.json')
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(served.size).toBeGreaterThanOrEqual(20);
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
    // Every operation needs the bearer token and documents its problems.
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
        expect(op.responses['401']?.content?.['application/problem+json'], `${method} ${path}`).toBeDefined();
      }
    }
  });

  it('serves the docs page with its script from Legwork, under a policy that allows only that', async () => {
    const res = await h.current.app.http.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/api/docs/scalar.js">');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('http');
    // Elsewhere the strict policy stays: no inline styles, no hashes.
    const elsewhere = (await h.current.app.http.request('/healthz')).headers.get('content-security-policy')!;
    expect(elsewhere).not.toContain('unsafe-inline');
    expect(elsewhere).not.toContain('sha256');
    const script = await h.current.app.http.request('/api/docs/scalar.js');
    // @scalar/api-reference's browser bundle, from node_modules (its package exports hide dist/browser).
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });
});

describe('routes added by other parts', () => {
  it('sit behind the same auth and appear in the same document', async () => {
    const { Hono } = await import('hono');
    const { createRoute, z } = await import('@hono/zod-openapi');
    const { mountAdminApi } = await import('../../src/http/api/index.ts');
    const { createLogger } = await import('../../src/logger.ts');
    const app = new Hono();
    const ping = createRoute({ method: 'get', path: '/api/v1/ping', security: [{ bearer: [] }], responses: { 200: { description: 'pong', content: { 'application/json': { schema: z.object({ org: z.string() }) } } } } });
    mountAdminApi(app, {
      db: h.current.db,
      clock: h.current.clock,
      logger: createLogger('silent'),
      adminToken: ADMIN_TOKEN,
      extraRoutes: [(api) => api.openapi(ping, (c) => c.json({ org: c.get('scope').org.id }, 200))],
    });
    expect((await app.request('/api/v1/ping')).status).toBe(401);
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/v1/ping');
  });
});
