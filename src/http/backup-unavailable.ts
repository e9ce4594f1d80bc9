import type { Hono } from 'hono';
import { ApiProblem, problemResponse } from './api/problem.ts';

/**
 * `POST /admin/backup` where there is no embedded database to copy (PostgreSQL behind DATABASE_URL,
 * or the Cloudflare Worker through Hyperdrive): a 501 problem that says what to use instead, rather
 * than a 404 that reads like a typo in the URL.
 */
export function mountBackupUnavailable(app: Hono, detail: string): void {
  app.post('/admin/backup', (c) => problemResponse(c, new ApiProblem('not_implemented', detail)));
}
