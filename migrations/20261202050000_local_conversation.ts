import { sql, type Kysely } from 'kysely';

/**
 * The local web chat's whole conversation, both sides (issue 11 item 8): what people said (with
 * their names, so a group reads as a conversation) and what the bot delivered, in one id order so a
 * client can poll it with one cursor. `local_deliveries` stays as it is: it backs the older
 * `/local/inbox` and `/local/channels` contract (bot messages only).
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('local_chat_messages')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('target_ref', 'text', (c) => c.notNull())
    .addColumn('from', 'text', (c) => c.notNull().check(sql`"from" in ('user', 'bot')`))
    .addColumn('sender_id', 'text')
    .addColumn('sender_name', 'text')
    // A redelivered inbound message (same event id) or a retried delivery (same outbox id) is kept once.
    .addColumn('event_id', 'text', (c) => c.unique())
    .addColumn('outbox_id', 'bigint', (c) => c.unique())
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('local_chat_messages_target_idx').on('local_chat_messages').columns(['target_ref', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('local_chat_messages').ifExists().execute();
}
