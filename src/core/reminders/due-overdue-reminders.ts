import { sql } from 'kysely';
import { recordNothingToSend, type ScheduledSend } from '../schedules/scheduled-sends.ts';
import type { ScheduleSettings } from '../schedules/settings.ts';
import { dueToday, inQuietHours, isWorkday, localNow } from '../schedules/calendar.ts';
import { findOverdueCustomers } from '../schedules/overdue-customers.ts';
import { isAway, wantsReminder } from '../schedules/prefs.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { weekdayOf } from '../../conversation/dates/local-date.ts';
import { reminderMessages } from './messages.ts';
import { absent, anySendable, anyTeamOf, prefsOf, type ReminderPass, type SkipTally } from './pass-context.ts';

/**
 * The weekly nudge to customer owners (default Monday 09:00 local, on workdays) listing their key
 * customers overdue for a visit by tier. Nothing when none is overdue: that answer is recorded under
 * the nudge's key too (`recordNothingToSend`), so the rest of the day's passes skip the owner instead
 * of reading all their customers' visits again every minute (seconds a minute at 10,000 reps). A
 * customer who becomes overdue later that day is in next week's nudge, as it would be for an owner
 * nudged that morning about others.
 */
export async function dueOverdueReminders(pass: ReminderPass, skipped: SkipTally): Promise<ScheduledSend[]> {
  const out: ScheduledSend[] = [];
  const nudges = pass.book.all().map((s) => s.reminders.overdue).filter((o) => o !== null);
  if (nudges.length === 0) return out;
  for (const zone of pass.zones) {
    const local = localNow(pass.now, zone);
    const weekday = weekdayOf(local.date);
    const nudgeTime = (s: ScheduleSettings) => (s.reminders.overdue?.weekday === weekday ? s.reminders.overdue.time : null);
    if (!anySendable(pass.book, local, nudgeTime, { workdaysOnly: true })) continue;
    const owners = await pass.db
      .selectFrom('users as u')
      .leftJoin('user_schedule_prefs as p', 'p.user_id', 'u.id')
      .select(['u.id', 'u.org_id', 'u.language', 'p.away_until', 'p.reminders_off', 'p.leaderboard_opt_out'])
      .select(anyTeamOf('u.id').as('team_id'))
      .select(directRefOf('u.id').as('direct_ref'))
      .where('u.time_zone', '=', zone)
      .where(({ exists, selectFrom }) => exists(selectFrom('customers as c').select('c.id').whereRef('c.owner_id', '=', 'u.id')))
      .where(absent(sql`select 1 from scheduled_sends s where s.key = 'reminder:overdue:' || u.id || ${`:${local.date}`}`))
      .execute();
    const ready = owners.filter((o) => {
      const settings = pass.book.for(o.org_id, o.team_id);
      const nudge = settings.reminders.overdue;
      if (!nudge || nudge.weekday !== weekday || !dueToday(pass.now, zone, local.date, nudge.time)) return false;
      if (!isWorkday(local.date, settings)) { skipped.add('notWorkday'); return false; }
      if (inQuietHours(local.minute, settings.quietHours)) { skipped.add('quietHours'); return false; }
      const prefs = prefsOf(o);
      if (!wantsReminder(prefs, 'overdue', local.date)) { skipped.add(isAway(prefs, local.date) ? 'away' : 'kindOff'); return false; }
      if (!o.direct_ref) { skipped.add('unreachable'); return false; }
      return true;
    });
    const settingsOf = new Map(ready.map((o) => [o.id, pass.book.for(o.org_id, o.team_id)]));
    const overdue = await findOverdueCustomers(pass.db, { ownerIds: ready.map((o) => o.id), now: pass.now, daysFor: (id) => settingsOf.get(id)!.reminders.keyCustomerDays });
    const nothing: Omit<ScheduledSend, 'targetRef' | 'message'>[] = [];
    for (const owner of ready) {
      const key = `reminder:overdue:${owner.id}:${local.date}`;
      const list = overdue.get(owner.id);
      if (!list?.length) {
        nothing.push({ key, kind: 'overdue', orgId: owner.org_id, userId: owner.id, teamId: owner.team_id, localDate: local.date });
        continue;
      }
      const t = reminderMessages(owner.language);
      out.push({
        key,
        kind: 'overdue',
        orgId: owner.org_id,
        userId: owner.id,
        teamId: owner.team_id,
        localDate: local.date,
        targetRef: owner.direct_ref!,
        message: { text: t.overdueCustomers({ lines: list.map((c) => t.overdueLine({ customer: c.name, tier: c.tier, days: c.days })).join('\n') }) },
      });
    }
    await recordNothingToSend(pass.db, nothing, pass.now);
  }
  return out;
}
