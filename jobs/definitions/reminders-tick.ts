import { z } from 'zod';
import { runDueReminders } from '../../src/core/reminders/run-due-reminders.ts';
import type { JobDefinition } from '../queue/types.ts';

/**
 * Every minute: write every reminder due now (report, follow-up, check-out, follow-up date, overdue
 * key customers) to the outbox. Idempotent by each reminder's natural key, so a late, doubled or
 * concurrent tick sends nothing twice, and a missed one is caught up by the next.
 */
export const remindersTick: JobDefinition<Record<string, unknown>> = {
  name: 'reminders-tick',
  schema: z.object({}),
  async handler({ db, clock, logger, links }) {
    const result = await runDueReminders({ db, clock, ...(links ? { links } : {}) });
    if (result.written > 0 || Object.keys(result.skipped).length > 0) logger.info(result, 'reminders pass');
    return result;
  },
};
