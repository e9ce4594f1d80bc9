import type { Db } from '../shared/db.ts';
import type { AlertDetail, AlertKind } from '../../db/schema.ts';
import { enqueueMessages, type OutboxEntry } from '../../conversation/outbox.ts';
import { alertWindowMinutes } from './alert-kinds.ts';
import { loadManagerClock, quietHoursEnd } from './manager-clock.ts';
import { renderAlerts, renderJoinRequest } from './render-alerts.ts';
import { alertsOff } from './manage-alerts.ts';

export type FlushOutcome = 'sent' | 'nothing' | 'quiet' | 'window' | 'unreachable';

/** The instant a window that started at or before it has ended by `now`. */
export function windowStart(now: Date, windowMinutes = alertWindowMinutes): Date {
  return new Date(now.getTime() - windowMinutes * 60_000);
}

/**
 * Sends a manager's waiting alerts, if they may have them now: nothing in their quiet hours; join
 * requests each as their own message with buttons (a question the rep waits on); every other alert
 * in one message, at most one such message in 10 minutes. Safe to run concurrently and repeatedly (a
 * request raising an alert, a scheduler pass on either runner): the waiting rows are locked, the
 * window is claimed by one conditional upsert, and each message's outbox key is the manager and the
 * instant (or the join request), so each alert is sent once.
 */
export async function flushManagerAlerts(db: Db, managerId: string, now: Date): Promise<FlushOutcome> {
  const waiting = await db
    .selectFrom('manager_alerts')
    .select(['id', 'kind', 'natural_key', 'detail'])
    .where('manager_id', '=', managerId)
    .where('sent_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .execute();
  if (waiting.length === 0) return 'nothing';
  const manager = await loadManagerClock(db, managerId);
  if (!manager?.directRef) {
    // Never reached 1:1 (nowhere to send): drop them rather than rescan them every minute.
    await markSent(db, waiting.map((a) => a.id), now, null);
    return 'unreachable';
  }
  if (quietHoursEnd(now, manager.timeZone, manager.settings.quietHours)) return 'quiet';
  const target = { orgId: manager.orgId, targetRef: manager.directRef };
  const joins = await stillPending(db, waiting.filter((a) => a.kind === 'joinRequest'), now);
  // A kind switched off while its alerts were held (quiet hours, the window) is off for them too.
  const off = new Set(await alertsOff(db, managerId));
  const dropped = waiting.filter((a) => a.kind !== 'joinRequest' && off.has(a.kind));
  await markSent(db, dropped.map((a) => a.id), now, null);
  const others = waiting.filter((a) => a.kind !== 'joinRequest' && !off.has(a.kind));
  const entries: OutboxEntry[] = joins.map((a) => ({
    ...target,
    message: { language: manager.language, ...renderJoinRequest(a.detail as AlertDetail, manager.language) },
    dedupeKey: `alert:${a.natural_key}`,
  }));
  const batchKey = `alerts:${managerId}:${now.toISOString()}`;
  const batch = others.length > 0 && (await claimWindow(db, managerId, now));
  if (batch) {
    const alerts = others.map((a) => ({ kind: a.kind as AlertKind, detail: a.detail as AlertDetail }));
    entries.push({ ...target, message: { language: manager.language, ...renderAlerts(alerts, manager.language, manager.timeZone) }, dedupeKey: batchKey });
  }
  if (entries.length === 0) return 'window';
  await enqueueMessages(db, entries, now);
  for (const a of joins) await markSent(db, [a.id], now, `alert:${a.natural_key}`);
  if (batch) await markSent(db, others.map((a) => a.id), now, batchKey);
  return 'sent';
}

/**
 * The join requests still waiting for a decision. One decided while its question was held (the
 * manager typed `同意 王五` in quiet hours) is dropped, so no stale question is asked later.
 */
async function stillPending<T extends { id: string; natural_key: string }>(db: Db, joins: T[], now: Date): Promise<T[]> {
  if (joins.length === 0) return joins;
  // natural_key is `joinRequest:<request id>:<manager id>` (raise-alerts.ts).
  const requestOf = (a: T) => a.natural_key.split(':')[1] ?? '';
  const pending = await db
    .selectFrom('join_requests')
    .select('id')
    .where('id', 'in', joins.map(requestOf))
    .where('status', '=', 'pending')
    .execute();
  const open = new Set(pending.map((r) => r.id));
  const decided = joins.filter((a) => !open.has(requestOf(a)));
  await markSent(db, decided.map((a) => a.id), now, null);
  return joins.filter((a) => open.has(requestOf(a)));
}

/** Starts the manager's window now unless one started in the last 10 minutes; false when it did. */
async function claimWindow(db: Db, managerId: string, now: Date): Promise<boolean> {
  const claimed = await db
    .insertInto('alert_windows')
    .values({ manager_id: managerId, last_sent_at: now })
    .onConflict((oc) => oc.column('manager_id').doUpdateSet({ last_sent_at: now }).where('alert_windows.last_sent_at', '<=', windowStart(now)))
    .returning('manager_id')
    .executeTakeFirst();
  return claimed !== undefined;
}

async function markSent(db: Db, ids: readonly string[], now: Date, batchKey: string | null): Promise<void> {
  if (ids.length > 0) await db.updateTable('manager_alerts').set({ sent_at: now, batch_key: batchKey }).where('id', 'in', [...ids]).execute();
}
