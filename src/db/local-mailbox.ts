import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { LocalDelivered, LocalMailbox } from '../../bots/local/api.ts';

/** The local chat's mailbox in the database, so every process of a deployment sees the same inbox. */
export function createDatabaseMailbox(db: Kysely<Database>): LocalMailbox {
  return {
    async deliver(outboxId, targetRef, message) {
      await db
        .insertInto('local_deliveries')
        .values({ outbox_id: outboxId, target_ref: targetRef, text: message.text, message: JSON.stringify(message) })
        .onConflict((oc) => oc.column('outbox_id').doNothing())
        .execute();
    },
    async list(targetRef, options = {}) {
      let query = db
        .selectFrom('local_deliveries')
        .select(['outbox_id', 'message', 'delivered_at'])
        .where('target_ref', '=', targetRef)
        .orderBy('outbox_id')
        .limit(options.limit ?? 500);
      if (options.afterId) query = query.where('outbox_id', '>', options.afterId);
      const rows = await query.execute();
      return rows.map(
        (r): LocalDelivered => ({
          ...(r.message as Omit<LocalDelivered, 'id' | 'at'>),
          id: String(r.outbox_id),
          at: new Date(r.delivered_at).toISOString(),
        }),
      );
    },
  };
}
