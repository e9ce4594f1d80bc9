import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { OutboundMessage } from '../../conversation/types.ts';

/** One scheduled message: a reminder, a leaderboard post or a digest. */
export interface ScheduledSend {
  /**
   * Natural key, e.g. `reminder:report:<user>:<date>`, `digest:daily:<manager>:<date>`. Stored in
   * `scheduled_sends` and as the outbox row's dedupe_key: the same key is written at most once.
   */
  key: string;
  kind: string;
  orgId: string;
  userId?: string | null;
  teamId?: string | null;
  /** The local date (or first day of the period) the message is about. */
  localDate: string;
  targetRef: string;
  message: OutboundMessage;
}

/** Rows per statement: keeps one statement's JSON parameter to a few MB. */
const chunkSize = 2000;

/**
 * Records scheduled messages and queues them in the outbox in one statement per chunk: a key already
 * recorded (by another worker, a double fire, an earlier pass) is skipped, so concurrent writers of
 * the same key store one row and the delivery loop sends it once. Returns how many were new.
 */
export async function writeScheduledSends(db: Db, sends: readonly ScheduledSend[], now: Date): Promise<number> {
  let written = 0;
  // Sorted so concurrent writers lock keys in the same order (two passes inserting overlapping
  // sets in different orders could otherwise deadlock).
  const sorted = [...sends].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < sorted.length; i += chunkSize) {
    const chunk = sorted.slice(i, i + chunkSize).map((s) => ({
      key: s.key,
      kind: s.kind,
      org_id: s.orgId,
      user_id: s.userId ?? null,
      team_id: s.teamId ?? null,
      local_date: s.localDate,
      target_ref: s.targetRef,
      message: s.message,
    }));
    // One JSON parameter instead of thousands of placeholders; jsonb_to_recordset types each column.
    const result = await sql<{ id: string }>`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          as t(key text, kind text, org_id uuid, user_id uuid, team_id uuid, local_date date, target_ref text, message jsonb)
      ), recorded as (
        insert into scheduled_sends (key, kind, org_id, user_id, team_id, local_date, created_at)
        select key, kind, org_id, user_id, team_id, local_date, ${now} from input order by key
        on conflict (key) do nothing
        returning key
      )
      insert into outbox (org_id, target_ref, message, dedupe_key, available_at, created_at)
      select input.org_id, input.target_ref, input.message, input.key, ${now}, ${now}
      from input join recorded on recorded.key = input.key
      order by input.key
      on conflict (dedupe_key) do nothing
      returning id`.execute(db);
    written += result.rows.length;
  }
  return written;
}

/**
 * Records natural keys that were looked at and had nothing to send (an owner with no overdue
 * customer on the weekly nudge's day), with no outbox row: later passes that day skip them by the
 * same key instead of working the answer out again every minute. Returns how many were new.
 */
export async function recordNothingToSend(db: Db, entries: readonly Omit<ScheduledSend, 'targetRef' | 'message'>[], now: Date): Promise<number> {
  let recorded = 0;
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < sorted.length; i += chunkSize) {
    const rows = sorted.slice(i, i + chunkSize).map((s) => ({
      key: s.key,
      kind: s.kind,
      org_id: s.orgId,
      user_id: s.userId ?? null,
      team_id: s.teamId ?? null,
      local_date: s.localDate,
      created_at: now,
    }));
    const result = await db.insertInto('scheduled_sends').values(rows).onConflict((oc) => oc.column('key').doNothing()).returning('key').execute();
    recorded += result.length;
  }
  return recorded;
}

/** Which of these keys were already written. */
export async function existingKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('scheduled_sends').select('key').where('key', 'in', [...keys]).execute();
  return new Set(rows.map((r) => r.key));
}
