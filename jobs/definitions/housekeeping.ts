import { z } from 'zod';
import { pruneBookkeeping, refreshStatistics } from '../../src/core/housekeeping/prune.ts';
import { coarsenOldLocations } from '../../src/core/privacy/coarsen-locations.ts';
import type { JobDefinition } from '../queue/types.ts';

/**
 * Hourly: deletes bookkeeping past its retention (dedupe rows, finished outbox rows, sent manager
 * alerts, expired questions, spent link nonces, the local chat's old messages, old robot sends and
 * expired DingTalk session webhooks), coarsens check-in coordinates past
 * their retention (LOCATION_RETENTION_DAYS) and refreshes the planner's statistics. Idempotent: a doubled or
 * concurrent run deletes nothing more; a missed one is made up by the next.
 */
/** LOCATION_RETENTION_DAYS when the scheduler was not told (src/config.ts has the same default). */
const defaultLocationRetentionDays = 90;

export const housekeeping: JobDefinition<Record<string, unknown>> = {
  name: 'housekeeping',
  schema: z.object({}),
  async handler({ db, clock, logger, embeddedDatabase, locationRetentionDays }) {
    const now = clock.now();
    const pruned = await pruneBookkeeping({ db, now });
    const coarsened = await coarsenOldLocations({ db, now }, { retentionDays: locationRetentionDays ?? defaultLocationRetentionDays });
    await refreshStatistics({ db, embedded: embeddedDatabase ?? false });
    logger.info({ pruned, coarsenedCheckIns: coarsened }, 'housekeeping');
    return { ...pruned, coarsenedCheckIns: coarsened };
  },
};
