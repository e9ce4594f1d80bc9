import type { Db } from '../core/shared/db.ts';
import type { OutboundMessage } from './types.ts';

export interface OutboxEntry {
  orgId: string | null;
  targetRef: string;
  message: OutboundMessage;
  /** Natural key for scheduled sends; a second enqueue with the same key stores nothing. */
  dedupeKey?: string;
}

/**
 * Queues messages for delivery inside the caller's transaction: they are sent only if the change
 * that produced them commits, and sent exactly once by the delivery loop.
 */
export async function enqueueMessages(db: Db, entries: OutboxEntry[], now: Date): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = await db
    .insertInto('outbox')
    .values(
      entries.map((e) => ({
        org_id: e.orgId,
        target_ref: e.targetRef,
        message: JSON.stringify(e.message),
        dedupe_key: e.dedupeKey ?? null,
        // From the clock port, not the database's now(): the delivery loop compares with the same clock.
        available_at: now,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return rows.length;
}
