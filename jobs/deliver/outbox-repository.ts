import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';

export interface ClaimedMessage {
  id: string;
  targetRef: string;
  message: unknown;
  attempts: number;
}

/**
 * Claims up to `limit` due messages, at most one per target: messages to one conversation go out in
 * order, and a target that is rate limited holds only its own queue. The claim is a lease
 * (`locked_until`): a process that dies mid-send lets another pick the message up after it expires.
 * The UPDATE re-checks the lease, so two loops never claim the same row.
 */
export async function claimDueMessages(
  db: Kysely<Database>,
  input: {
    now: Date;
    leaseMs: number;
    limit: number;
    /** Only conversations of this platform (`<platform>:…` refs). */
    platform?: string;
    /** Only heads whose content equals this message (topping up a fan-out batch). */
    message?: OutboundMessage;
  },
): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(input.now.getTime() + input.leaseMs);
  const onPlatform = input.platform === undefined ? sql`` : sql`and target_ref like ${`${input.platform}:%`}`;
  // The content is compared only when asked for: reading every head's message costs a full fan-out.
  const messageColumn = input.message === undefined ? sql`` : sql`, message`;
  const withMessage = input.message === undefined ? sql`` : sql`and message = ${JSON.stringify(input.message)}::jsonb`;
  const result = await sql<{ id: string; target_ref: string; message: unknown; attempts: number }>`
    with heads as (
      select distinct on (target_ref) id, available_at, locked_until ${messageColumn}
      from outbox
      where status = 'pending' ${onPlatform}
      order by target_ref, id
    ), due as (
      select id from heads
      where available_at <= ${input.now} and (locked_until is null or locked_until <= ${input.now}) ${withMessage}
      order by id
      limit ${input.limit}
    )
    -- The claimed ids are looked up by primary key. With "id in (select ...)" and "status =
    -- 'pending'", a planner whose statistics still see an empty queue (the outbox churns faster
    -- than autovacuum analyzes it) joined every pending row against the due list: ~130 ms of CPU
    -- per claim with 2,000 rows waiting. "not in ('sent', 'failed')" means the same (the status
    -- check allows three values) but does not match the pending-only index, so only the primary key
    -- serves the ids.
    update outbox set locked_until = ${leaseUntil}, attempts = attempts + 1
    where id = any(array(select id from due))
      and status not in ('sent', 'failed')
      and (locked_until is null or locked_until <= ${input.now})
    returning id, target_ref, message, attempts`.execute(db);
  return result.rows
    .map((r) => ({ id: String(r.id), targetRef: r.target_ref, message: r.message, attempts: r.attempts }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** Extends the leases of rows still pending (a live sender's heartbeat); settled rows are left alone. */
export async function renewLeases(db: Kysely<Database>, ids: readonly string[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ locked_until: until }).where('id', 'in', ids).where('status', '=', 'pending').where('locked_until', 'is not', null).execute();
}

export async function markSent(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('outbox').set({ status: 'sent', sent_at: now, locked_until: null, last_error: null }).where('id', '=', id).execute();
}

/** Puts a message back in the queue until `availableAt`; `countAttempt: false` for rate limits. */
export async function reschedule(
  db: Kysely<Database>,
  input: { id: string; availableAt: Date; error: string; countAttempt: boolean },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      available_at: input.availableAt,
      locked_until: null,
      last_error: input.error.slice(0, 1000),
      ...(input.countAttempt ? {} : { attempts: eb('attempts', '-', 1) }),
    }))
    .where('id', '=', input.id)
    .execute();
}

export async function markFailed(db: Kysely<Database>, id: string, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'failed', locked_until: null, last_error: error.slice(0, 1000) })
    .where('id', '=', id)
    .execute();
}
