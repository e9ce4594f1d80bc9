import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { Clock } from '../src/core/shared/clock.ts';
import type { Logger } from '../src/logger.ts';
import type { LocationLinkSettings } from '../src/core/location-links/issue-location-link.ts';
import { createInProcessRunner } from './queue/in-process-runner.ts';
import { housekeepingJob, jobDefinitions, minutePasses } from './job-definitions.ts';

export interface SchedulerPassDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** For check-in links in plan reminders; without it they go out without buttons. */
  links?: LocationLinkSettings;
}

/**
 * One scheduler pass, as a Cron Trigger runs it on Cloudflare Workers: the same job definitions
 * and the same in-process runner as `npm start`, without its timers. Every minute pass (reminders,
 * leaderboards, digests) runs now, with the jobs they spawn (one post per board, one digest per
 * manager), and the pass resolves when all of them settled. What is due comes from the database and
 * every message is written under its natural key, so two passes that overlap (a slow minute, a
 * retried trigger) write each message once; delivery claims outbox rows with leases, so each is sent once.
 */
export async function runSchedulerPass(
  deps: SchedulerPassDeps,
  options: { housekeeping?: boolean; timeoutMs?: number } = {},
): Promise<{ completed: Record<string, number>; failed: Record<string, number> }> {
  const runner = createInProcessRunner({
    definitions: jobDefinitions,
    context: { db: deps.db, clock: deps.clock, logger: deps.logger, embeddedDatabase: false, ...(deps.links ? { links: deps.links } : {}) },
    repeats: [],
    logger: deps.logger,
  });
  await runner.start({ schedules: false });
  try {
    for (const job of minutePasses) await runner.add(job, {});
    if (options.housekeeping) await runner.add(housekeepingJob, {});
    await runner.whenIdle(options.timeoutMs ?? 60_000);
  } finally {
    await runner.stop();
  }
  return runner.stats;
}
