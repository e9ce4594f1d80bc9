import { sql } from 'kysely';
import type { ScheduledSend } from '../schedules/scheduled-sends.ts';
import { dueToday, inQuietHours, isWorkday, localNow } from '../schedules/calendar.ts';
import { isAway, wantsReminder } from '../schedules/prefs.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { planOfDayMessage, stopCheckInUrl } from '../plans/plan-message.ts';
import { formatMinute, planMessages } from '../plans/plan-days.ts';
import { absent, anySendable, anyTeamOf, prefsOf, type ReminderPass, type SkipTally } from './pass-context.ts';

const notSent = (prefix: string, idColumn: string, suffix: string) =>
  absent(sql`select 1 from scheduled_sends s where s.key = ${prefix} || ${sql.ref(idColumn)} || ${suffix}`);

/**
 * The day's plan, in route order, to each rep who has open stops today, at `plans.morning` (default
 * 08:30 local) on workdays. Held back in quiet hours, not sent on holidays, while away or with plan
 * reminders off (`关闭提醒 计划` / `reminders off plan`); due until
 * the end of the day, once (`reminder:plan:<user>:<date>`).
 */
export async function dueMorningPlans(pass: ReminderPass, skipped: SkipTally): Promise<ScheduledSend[]> {
  const out: ScheduledSend[] = [];
  for (const zone of pass.zones) {
    const local = localNow(pass.now, zone);
    if (!anySendable(pass.book, local, (s) => s.plans.morning, { workdaysOnly: true })) continue;
    // Driven from today's open stops (found per org by visit_plans_org_date_idx), not from everyone
    // in the zone: a minute costs what today's plans hold, and a join from a small derived table
    // stays index probes even when the statistics know nothing of today's rows yet (see `absent`).
    const planners = pass.db
      .selectFrom('orgs as o')
      .innerJoin('visit_plans as v', (join) => join.onRef('v.org_id', '=', 'o.id').on('v.local_date', '=', local.date).on('v.state', '=', 'planned'))
      .select('v.user_id')
      .distinct()
      .as('planner');
    const rows = await pass.db
      .selectFrom(planners)
      .innerJoin('users as u', 'u.id', 'planner.user_id')
      .leftJoin('user_schedule_prefs as p', 'p.user_id', 'u.id')
      .selectAll('u')
      .select(['p.away_until', 'p.reminders_off', 'p.leaderboard_opt_out'])
      .select(anyTeamOf('u.id').as('team_id'))
      .select(directRefOf('u.id').as('direct_ref'))
      .where('u.time_zone', '=', zone)
      .where(notSent('reminder:plan:', 'u.id', `:${local.date}`))
      .orderBy('u.id')
      .execute();
    for (const row of rows) {
      const settings = pass.book.for(row.org_id, row.team_id);
      const morning = settings.plans.morning;
      if (!morning || !dueToday(pass.now, zone, local.date, morning)) continue;
      if (!isWorkday(local.date, settings)) { skipped.add('notWorkday'); continue; }
      if (inQuietHours(local.minute, settings.quietHours)) { skipped.add('quietHours'); continue; }
      if (!wantsReminder(prefsOf(row), 'plan', local.date)) { skipped.add(isAway(prefsOf(row), local.date) ? 'away' : 'kindOff'); continue; }
      if (!row.direct_ref) { skipped.add('unreachable'); continue; }
      const { away_until: _a, reminders_off: _r, leaderboard_opt_out: _l, team_id: teamId, direct_ref: targetRef, ...person } = row;
      const links = pass.links ? { settings: pass.links, replyRef: targetRef, now: pass.now } : undefined;
      const { message } = await planOfDayMessage(pass.db, { person, date: local.date, today: local.date, reader: person, heading: 'morning', ...(links ? { links } : {}) });
      out.push({
        key: `reminder:plan:${row.id}:${local.date}`,
        kind: 'plan',
        orgId: row.org_id,
        userId: row.id,
        teamId,
        localDate: local.date,
        targetRef,
        message,
      });
    }
  }
  return out;
}

/**
 * `plans.beforeStopMinutes` (default 30) before a stop with a time, a reminder of that stop, once
 * per stop (`reminder:plan-stop:<plan>`), until the stop's time. Held in quiet hours, not on
 * holidays or while away; a stop already done or cancelled gets none.
 */
export async function dueStopReminders(pass: ReminderPass, skipped: SkipTally): Promise<ScheduledSend[]> {
  const out: ScheduledSend[] = [];
  const widest = Math.max(0, ...pass.book.all().map((s) => s.plans.beforeStopMinutes));
  if (widest === 0) return out;
  for (const zone of pass.zones) {
    const local = localNow(pass.now, zone);
    const rows = await pass.db
      .selectFrom('visit_plans as v')
      .innerJoin('users as u', 'u.id', 'v.user_id')
      .innerJoin('customers as c', 'c.id', 'v.customer_id')
      .leftJoin('user_schedule_prefs as p', 'p.user_id', 'u.id')
      .select(['v.id', 'v.planned_minute', 'v.purpose', 'v.customer_id', 'u.id as user_id', 'u.org_id', 'u.language', 'u.time_zone', 'c.name as customer'])
      .select(['p.away_until', 'p.reminders_off', 'p.leaderboard_opt_out'])
      .select(anyTeamOf('u.id').as('team_id'))
      .select(directRefOf('u.id').as('direct_ref'))
      .where('u.time_zone', '=', zone)
      .where('v.local_date', '=', local.date)
      .where('v.state', '=', 'planned')
      .where('v.planned_minute', '>', local.minute)
      .where('v.planned_minute', '<=', local.minute + widest)
      .where(notSent('reminder:plan-stop:', 'v.id', ''))
      .orderBy('v.planned_minute')
      .orderBy('v.id')
      .execute();
    for (const row of rows) {
      const settings = pass.book.for(row.org_id, row.team_id);
      const before = settings.plans.beforeStopMinutes;
      if (before === 0 || row.planned_minute! - before > local.minute) continue;
      if (settings.holidays.includes(local.date)) { skipped.add('notWorkday'); continue; }
      if (inQuietHours(local.minute, settings.quietHours)) { skipped.add('quietHours'); continue; }
      if (!wantsReminder(prefsOf(row), 'plan', local.date)) { skipped.add(isAway(prefsOf(row), local.date) ? 'away' : 'kindOff'); continue; }
      if (!row.direct_ref) { skipped.add('unreachable'); continue; }
      const t = planMessages(row.language);
      const text = t.beforeStop({ customer: row.customer, time: formatMinute(row.planned_minute)!, minutes: row.planned_minute! - local.minute, purpose: row.purpose });
      // The stop's check-in button: the location page for this customer, confirmation back to this chat.
      const url = pass.links
        ? stopCheckInUrl({ settings: pass.links, replyRef: row.direct_ref, now: pass.now }, { id: row.user_id, org_id: row.org_id, time_zone: row.time_zone }, { customerId: row.customer_id, localDate: local.date })
        : undefined;
      out.push({
        key: `reminder:plan-stop:${row.id}`,
        kind: 'plan-stop',
        orgId: row.org_id,
        userId: row.user_id,
        teamId: row.team_id,
        localDate: local.date,
        targetRef: row.direct_ref,
        message: url
          ? { text: `${text}\n${t.beforeStopLink({ url })}`, actions: [{ label: t.checkInAt({ customer: row.customer }), url }], language: row.language }
          : { text, language: row.language },
      });
    }
  }
  return out;
}
