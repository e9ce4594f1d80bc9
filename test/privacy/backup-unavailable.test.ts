import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

const h = useHarness();

/**
 * `POST /admin/backup` copies the embedded database; with DATABASE_URL there is none, and the route
 * says what to use instead (501 problem+json naming pg_dump) rather than a 404 that reads like a typo.
 * On the embedded default the route is the real one (test/privacy/backup-restore.test.ts).
 */
describe('POST /admin/backup without an embedded database', () => {
  it('answers 501 problem+json naming pg_dump on PostgreSQL, and is the real backup route on the embedded default', async () => {
    const res = await h.current.app.http.request('/admin/backup', { method: 'POST', headers: { authorization: 'Bearer not-a-token' } });
    if (h.current.app.database.kind === 'pglite') {
      expect(res.status).toBe(401);
      return;
    }
    expect(res.status).toBe(501);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe('not_implemented');
    expect(problem.detail).toContain('pg_dump');
  });
});
