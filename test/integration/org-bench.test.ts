import { describe, expect, it } from 'vitest';
import { runOrgBench } from '../../bench/org-run.ts';
import { judge } from '../../bench/org-report.ts';

/**
 * `npm run bench:org` at a tiny size, so the bench cannot rot unnoticed: the SQL seed still fits
 * the schema, the core code and the bare SQL beside it still return the same numbers, and the chat,
 * reminder and housekeeping phases still run. Figures are not judged here. On PostgreSQL when
 * DATABASE_URL is set (a throwaway database on that server), else on the embedded database.
 */
describe('the large-org bench at a tiny size', () => {
  it('seeds, measures and agrees with bare SQL', async () => {
    const databaseUrl = process.env.DATABASE_URL?.trim();
    const result = await runOrgBench({
      reps: 20,
      backend: databaseUrl ? 'postgres' : 'pglite',
      adminUrl: databaseUrl ?? '',
      chatRate: 20,
      chatSeconds: 1,
      rounds: 1,
      poolSize: 2,
    });
    expect(result.rows).toMatchObject({ users: 21, teams: 1, customers: 200, visits: 8000 });
    // A check-in per visit, and a check-out for every fourth visit that ended.
    expect(result.rows.check_ins).toBeGreaterThan(9500);
    expect(result.boards.teams).toBe(1);
    expect(result.boards.mismatches).toEqual([]);
    expect(result.digests.managers).toBe(1);
    expect(result.digests.mismatches).toEqual([]);
    expect(result.chat.sent).toBe(20);
    expect(result.chat.failedRequests).toBe(0);
    // 18:00 on a workday: every rep without a report is reminded.
    expect(result.reminders.written).toBeGreaterThanOrEqual(20);
    expect(result.reminders.writtenNext).toBe(0);
    // Monday 09:00: owners with overdue key customers are nudged, once.
    expect(result.reminders.monday.written).toBeGreaterThan(0);
    expect(result.reminders.monday.writtenNext).toBe(0);
    expect(result.housekeeping.pruned.processedEvents).toBeGreaterThan(0);
    expect(result.housekeeping.pruned.scheduledSends).toBeGreaterThan(0);
    expect(judge(result).sound).toBe(true);
    // About 25 s on a quiet machine, most of it creating the embedded database and starting the
    // service on it; several times that when the machine is shared.
  }, 300_000);
});
