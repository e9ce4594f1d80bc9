import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { alertWindowMinutes } from './alert-kinds.ts';
import { flushManagerAlerts, type FlushOutcome } from './flush-alerts.ts';
import { managersWithDueAlerts } from './raise-alerts.ts';

/**
 * The scheduler's pass: every manager whose alerts wait and whose window has ended gets them now,
 * unless still in quiet hours. One transaction per manager, so one failing manager holds up no one.
 */
export async function flushDueAlerts({ db, now }: { db: Kysely<Database>; now: Date }): Promise<Partial<Record<FlushOutcome, number>>> {
  const counts: Partial<Record<FlushOutcome, number>> = {};
  for (const managerId of await managersWithDueAlerts(db, now, alertWindowMinutes)) {
    const outcome = await db.transaction().execute((trx) => flushManagerAlerts(trx, managerId, now));
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}
