import { sql } from 'kysely';
import type { ScheduledSend } from '../schedules/scheduled-sends.ts';
import { dueToday, inQuietHours, localNow } from '../schedules/calendar.ts';
import { isAway, wantsReminder } from '../schedules/prefs.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { reminderMessages } from './messages.ts';
import { absent, anySendable, anyTeamOf, prefsOf, type ReminderPass, type SkipTally } from './pass-context.ts';

/**
 * Follow-ups due: at 09:00 local on the follow-up date of a visit note, one message per rep listing
 * each customer and next step due that day. Sent on any day (the rep picked the date), held back in
 * quiet hours, due until the end of the day.
 */
export async function dueFollowUpReminders(pass: ReminderPass, skipped: SkipTally): Promise<ScheduledSend[]> {
  const out: ScheduledSend[] = [];
  for (const zone of pass.zones) {
    const local = localNow(pass.now, zone);
    if (!anySendable(pass.book, local, (s) => s.reminders.followUp, { workdaysOnly: false })) continue;
    const rows = await pass.db
      .selectFrom('visits as v')
      .innerJoin('users as u', 'u.id', 'v.user_id')
      .innerJoin('customers as c', 'c.id', 'v.customer_id')
      .leftJoin('user_schedule_prefs as p', 'p.user_id', 'u.id')
      .select(['u.id as user_id', 'u.org_id', 'u.language', 'c.name as customer', 'v.next_step'])
      .select(['p.away_until', 'p.reminders_off', 'p.leaderboard_opt_out'])
      .select(anyTeamOf('u.id').as('team_id'))
      .select(directRefOf('u.id').as('direct_ref'))
      .where('u.time_zone', '=', zone)
      .where('v.follow_up_date', '=', local.date)
      .where(absent(sql`select 1 from scheduled_sends s where s.key = 'reminder:followup:' || u.id || ${`:${local.date}`}`))
      .orderBy('u.id')
      .orderBy('c.name')
      .orderBy('v.started_at')
      .execute();
    const byUser = new Map<string, typeof rows>();
    for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    for (const [userId, visits] of byUser) {
      const first = visits[0]!;
      const settings = pass.book.for(first.org_id, first.team_id);
      if (!settings.reminders.followUp || !dueToday(pass.now, zone, local.date, settings.reminders.followUp)) continue;
      if (inQuietHours(local.minute, settings.quietHours)) { skipped.add('quietHours'); continue; }
      const prefs = prefsOf(first);
      if (!wantsReminder(prefs, 'followup', local.date)) { skipped.add(isAway(prefs, local.date) ? 'away' : 'kindOff'); continue; }
      if (!first.direct_ref) { skipped.add('unreachable'); continue; }
      const t = reminderMessages(first.language);
      out.push({
        key: `reminder:followup:${userId}:${local.date}`,
        kind: 'followup',
        orgId: first.org_id,
        userId,
        teamId: first.team_id,
        localDate: local.date,
        targetRef: first.direct_ref,
        message: { text: t.followUpsDue({ date: local.date, lines: visits.map((v) => t.followUpLine({ customer: v.customer, nextStep: v.next_step ?? '' })).join('\n') }) },
      });
    }
  }
  return out;
}
