import { sql } from 'kysely';
import type { ScheduledSend } from '../schedules/scheduled-sends.ts';
import { inQuietHours, localNow } from '../schedules/calendar.ts';
import { isAway, wantsReminder } from '../schedules/prefs.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { reminderMessages } from './messages.ts';
import { anyTeamOf, prefsOf, type ReminderPass, type SkipTally } from './pass-context.ts';

/** A visit left open longer than this is forgotten, not in progress: no reminder after a day. */
const staleAfterMs = 24 * 3_600_000;

/**
 * Check-out reminders: one per visit still open `checkoutAfterMinutes` (default 3 hours) after its
 * check-in, on any day (the rep chose to check in). Held back in quiet hours while still relevant.
 */
export async function dueCheckoutReminders(pass: ReminderPass, skipped: SkipTally): Promise<ScheduledSend[]> {
  const shortest = Math.min(...pass.book.all().map((s) => s.reminders.checkoutAfterMinutes ?? Infinity));
  if (!Number.isFinite(shortest)) return [];
  const rows = await pass.db
    .selectFrom('visits as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .leftJoin('user_schedule_prefs as p', 'p.user_id', 'u.id')
    .select(['v.id', 'v.started_at', 'c.name as customer', 'u.id as user_id', 'u.org_id', 'u.time_zone', 'u.language'])
    .select(['p.away_until', 'p.reminders_off', 'p.leaderboard_opt_out'])
    .select(anyTeamOf('u.id').as('team_id'))
    .select(directRefOf('u.id').as('direct_ref'))
    .where('v.ended_at', 'is', null)
    .where('v.source', '=', 'check_in')
    .where('v.started_at', '<=', new Date(pass.now.getTime() - shortest * 60_000))
    .where('v.started_at', '>', new Date(pass.now.getTime() - staleAfterMs))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('scheduled_sends as s').select('s.key').where('s.key', '=', sql<string>`'reminder:checkout:' || v.id`))),
    )
    .execute();
  const out: ScheduledSend[] = [];
  for (const row of rows) {
    const settings = pass.book.for(row.org_id, row.team_id);
    const after = settings.reminders.checkoutAfterMinutes;
    const started = new Date(row.started_at);
    const openMinutes = Math.floor((pass.now.getTime() - started.getTime()) / 60_000);
    if (after === null || openMinutes < after) continue;
    const local = localNow(pass.now, row.time_zone);
    if (inQuietHours(local.minute, settings.quietHours)) { skipped.add('quietHours'); continue; }
    const prefs = prefsOf(row);
    if (!wantsReminder(prefs, 'checkout', local.date)) { skipped.add(isAway(prefs, local.date) ? 'away' : 'kindOff'); continue; }
    if (!row.direct_ref) { skipped.add('unreachable'); continue; }
    out.push({
      key: `reminder:checkout:${row.id}`,
      kind: 'checkout',
      orgId: row.org_id,
      userId: row.user_id,
      teamId: row.team_id,
      localDate: localDateOf(started, row.time_zone),
      targetRef: row.direct_ref,
      message: { text: reminderMessages(row.language).checkoutDue({ customer: row.customer, since: formatLocalTime(started, row.time_zone), minutes: openMinutes }) },
    });
  }
  return out;
}
