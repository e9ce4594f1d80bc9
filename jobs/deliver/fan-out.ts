import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import { platformOfRef, type ChatAdapter } from '../../bots/types.ts';
import { claimDueMessages, type ClaimedMessage } from './outbox-repository.ts';

/** Identical messages to many conversations of one platform, for one `sendBatch` call. */
export interface FanOutGroup {
  adapter: ChatAdapter & Required<Pick<ChatAdapter, 'sendBatch'>>;
  message: OutboundMessage;
  items: ClaimedMessage[];
}

const defaultMaxTargets = 1000;

/**
 * Splits a claimed batch into single sends and fan-out groups. A claimed message whose adapter can
 * batch is topped up with every other due head-of-queue message carrying the same content on that
 * platform (up to `maxBatchTargets`), so a 1,000-person reminder goes out in the platform's minimum
 * number of API calls however small the loop's claim batch is. Topped-up rows are leased like any
 * claim, so two loops never batch the same row.
 */
export async function planFanOut(
  db: Kysely<Database>,
  adapters: ReadonlyMap<string, ChatAdapter>,
  claimed: ClaimedMessage[],
  input: { now: Date; leaseMs: number },
): Promise<{ singles: ClaimedMessage[]; groups: FanOutGroup[] }> {
  const singles: ClaimedMessage[] = [];
  const byContent = new Map<string, FanOutGroup>();
  for (const item of claimed) {
    const adapter = adapters.get(platformOfRef(item.targetRef));
    // A message with a picture goes alone: its upload and its fallback are per conversation.
    if (!adapter?.sendBatch || (item.message as OutboundMessage).image) {
      singles.push(item);
      continue;
    }
    const key = `${adapter.platform}\n${JSON.stringify(item.message)}`;
    const group = byContent.get(key);
    if (group) group.items.push(item);
    else byContent.set(key, { adapter: adapter as FanOutGroup['adapter'], message: item.message as OutboundMessage, items: [item] });
  }
  const groups: FanOutGroup[] = [];
  for (const group of byContent.values()) {
    const max = group.adapter.maxBatchTargets ?? defaultMaxTargets;
    if (group.items.length < max) {
      group.items.push(...(await claimDueMessages(db, { platform: group.adapter.platform, message: group.message, limit: max - group.items.length, ...input })));
    }
    for (let i = 0; i < group.items.length; i += max) {
      const items = group.items.slice(i, i + max);
      if (items.length === 1) singles.push(items[0]!);
      else groups.push({ ...group, items });
    }
  }
  return { singles, groups };
}

/** Marks many messages sent in one statement. */
export async function markManySent(db: Kysely<Database>, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ status: 'sent', sent_at: now, locked_until: null, last_error: null }).where('id', 'in', [...ids]).execute();
}

/**
 * Pacing: holds the next pending messages to these conversations back until `until` (the adapter's minimum
 * interval after this send). In the database, so every process sending for this conversation obeys it.
 */
export async function paceTargets(db: Kysely<Database>, targetRefs: readonly string[], until: Date): Promise<void> {
  if (targetRefs.length === 0) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({ available_at: sql<Date>`greatest(${eb.ref('available_at')}, ${until})` }))
    .where('target_ref', 'in', [...targetRefs])
    .where('status', '=', 'pending')
    .execute();
}
