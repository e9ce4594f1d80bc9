import pg from 'pg';
import { vi } from 'vitest';

/**
 * Runs `work` while every new database connection fails as during a PostgreSQL restart (SQLSTATE
 * 57P01, "terminating connection due to administrator command"). Both back ends reach the database
 * through a pg Pool (PGlite through its node-postgres shim), so this holds on either.
 */
export async function whileDatabaseDown<T>(work: () => Promise<T>): Promise<T> {
  const down = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' });
  const spy = vi.spyOn(pg.Pool.prototype, 'connect').mockImplementation(() => Promise.reject(down) as never);
  try {
    return await work();
  } finally {
    spy.mockRestore();
  }
}
