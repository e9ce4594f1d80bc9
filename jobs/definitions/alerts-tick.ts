import { z } from 'zod';
import { flushDueAlerts } from '../../src/core/alerts/flush-due-alerts.ts';
import type { JobDefinition } from '../queue/types.ts';

/**
 * Every minute: managers' alerts that waited for their 10-minute window or for quiet hours to end go
 * out, one message per manager. Idempotent: each waiting alert is sent once whatever fires the pass
 * (a double tick, two workers, a restart), because the window is claimed in the database.
 */
export const alertsTick: JobDefinition<Record<string, unknown>> = {
  name: 'alerts-tick',
  schema: z.object({}),
  async handler({ db, clock, logger }) {
    const result = await flushDueAlerts({ db, now: clock.now() });
    if (result.sent) logger.info(result, 'alerts pass');
    return result;
  },
};
