import { z } from 'zod';
import { findDueDigests, sendDigest } from '../../src/core/digests/send-digests.ts';
import { jobIdOf, type JobDefinition } from '../queue/types.ts';

const sendPayload = z.object({
  kind: z.enum(['daily', 'weekly']),
  managerId: z.uuid(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** Builds one manager's digest and writes it to the outbox (idempotent by its natural key). */
export const digestSend: JobDefinition<z.infer<typeof sendPayload>> = {
  name: 'digest-send',
  schema: sendPayload,
  async handler({ db, clock }, payload) {
    return { sent: await sendDigest(db, clock.now(), payload) };
  },
};

/** Every minute: which managers' digests are due and not yet sent; one job each, id = natural key. */
export const digestsTick: JobDefinition<Record<string, unknown>> = {
  name: 'digests-tick',
  schema: z.object({}),
  async handler({ db, clock, enqueue }) {
    const due = await findDueDigests(db, clock.now());
    for (const item of due) {
      await enqueue(digestSend.name, { kind: item.kind, managerId: item.managerId, date: item.date }, { jobId: jobIdOf('digest', item.kind, item.managerId, item.date) });
    }
    return { due: due.length };
  },
};
