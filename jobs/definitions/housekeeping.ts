import { z } from 'zod';
import { pruneBookkeeping, refreshStatistics } from '../../src/core/housekeeping/prune.ts';
import type { JobDefinition } from '../queue/types.ts';

/**
 * Hourly: deletes bookkeeping past its retention (dedupe rows, finished outbox rows, expired
 * questions, spent link nonces, the local chat's old messages) and refreshes the planner's statistics. Idempotent: a doubled or
 * concurrent run deletes nothing more; a missed one is made up by the next.
 */
export const housekeeping: JobDefinition<Record<string, unknown>> = {
  name: 'housekeeping',
  schema: z.object({}),
  async handler({ db, clock, logger, embeddedDatabase }) {
    const pruned = await pruneBookkeeping({ db, now: clock.now() });
    await refreshStatistics({ db, embedded: embeddedDatabase ?? false });
    logger.info({ pruned }, 'housekeeping');
    return pruned;
  },
};
