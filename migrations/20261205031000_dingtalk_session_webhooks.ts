import { sql, type Kysely } from 'kysely';

/**
 * DingTalk session webhooks (the reply address a robot message carries, valid about 90 minutes),
 * kept in the database so a reply retried later by another process or a Worker cron run still
 * reaches a sender without a staff id, whom the OpenAPI cannot address. Keyed by the message's event
 * id; looked up by conversation for the latest one. The URL lets anyone post into that chat until
 * it expires: rows are deleted once expired (on each write) and when DingTalk refuses them.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dingtalk_session_webhooks')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_ref', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sender_user_id', 'text', (c) => c.notNull())
    .addColumn('is_group', 'boolean', (c) => c.notNull())
    .execute();
  await sql`create index dingtalk_session_webhooks_conversation_idx on dingtalk_session_webhooks (conversation_ref, expires_at)`.execute(db);
  await sql`create index dingtalk_session_webhooks_expires_idx on dingtalk_session_webhooks (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dingtalk_session_webhooks').execute();
}
