import { sql, type Kysely } from 'kysely';

/**
 * Durable records of what went out, for senders that do not live between tries (the Cloudflare
 * Worker builds its adapters per invocation; a Node process may restart):
 * - `outbox.parts_sent`: how many parts of a message split in several (a WeCom group robot's
 *   long post) were delivered, written as each part succeeds, so a retry resumes after them
 *   instead of repeating them.
 * - `robot_sends`: one row per WeCom group robot message, by a digest of the robot's webhook key
 *   (the key is a credential), so the 20-a-minute limit holds across processes, isolates and
 *   cron runs. Each send prunes that robot's rows older than the window.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('parts_sent', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('robot_sends')
    .addColumn('robot', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index robot_sends_robot_sent_at_idx on robot_sends (robot, sent_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('robot_sends').execute();
  await db.schema.alterTable('outbox').dropColumn('parts_sent').execute();
}
