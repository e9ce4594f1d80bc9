import { sql } from 'kysely';
import type { ScheduledSend } from '../schedules/scheduled-sends.ts';
import { addMinutes, dueToday, inQuietHours, isWorkday, localNow, minuteOfDay, type LocalNow } from '../schedules/calendar.ts';
import { isAway, wantsReminder } from '../schedules/prefs.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import type { Language } from '../../conversation/intents/types.ts';
import { reminderMessages } from './messages.ts';
import { absent, prefsOf, repTeamOf, withoutJit, type ReminderPass, type SkipTally } from './pass-context.ts';

type Kind = 'report' | 'report_followup';

interface Candidate {
  id: string;
  org_id: string;
  language: Language;
  time_zone: string;
  kind: Kind;
  report_deadline: string;
  away_until: string | null;
  reminders_off: string[] | null;
  leaderboard_opt_out: boolean | null;
  team_id: string | null;
  direct_ref: string | null;
}

/**
 * Daily-report reminders due now: at the report time (default 18:00) on a workday, to reps whose
 * report for their local date is not in, and one follow-up `reportFollowUpMinutes` later (default
 * 19:00). The first is due until the follow-up time, the follow-up until midnight, so a pass after
 * downtime catches up with the one still relevant. Nothing once the report is in, on holidays, in
 * quiet hours (it waits for them to end, if still due), while away or with the kind turned off.
 *
 * One statement per pass for every zone where some settings in force could send a kind now (none on
 * weekends, holidays or in quiet hours: no query at all). People who already got that kind for
 * their local date, or whose report is in, are left out by one unique-key probe each (`absent`), so
 * a minute with nothing new to send costs two index probes per person of those zones.
 */
export async function dueReportReminders(pass: ReminderPass, skipped: SkipTally): Promise<ScheduledSend[]> {
  const locals = new Map<string, LocalNow>();
  const slots: { zone: string; date: string; kind: Kind }[] = [];
  for (const zone of pass.zones) {
    const local = localNow(pass.now, zone);
    locals.set(zone, local);
    for (const kind of possibleKinds(pass, local)) slots.push({ zone, date: local.date, kind });
  }
  if (slots.length === 0) return [];
  const slotRows = sql.join(slots.map((s) => sql`(${s.zone}::text, ${s.date}::date, ${s.date}::text, ${s.kind}::text)`));
  const result = await withoutJit(pass.db, (db) => sql<Candidate>`
    with slots(zone, local_date, day, kind) as (values ${slotRows})
    select u.id, u.org_id, u.language, u.time_zone, slots.kind, o.report_deadline,
      p.away_until, p.reminders_off, p.leaderboard_opt_out,
      ${repTeamOf('u.id')} as team_id, ${directRefOf('u.id')} as direct_ref
    from slots
    join users u on u.time_zone = slots.zone
    join orgs o on o.id = u.org_id
    left join user_schedule_prefs p on p.user_id = u.id
    where (u.role = 'rep' or exists (select 1 from team_memberships m where m.user_id = u.id and m.role = 'rep'))
      and ${absent(sql`select 1 from daily_reports r where r.user_id = u.id and r.report_date = slots.local_date`)}
      and ${absent(sql`select 1 from scheduled_sends s where s.key = 'reminder:' || slots.kind || ':' || u.id || ':' || slots.day`)}`.execute(db));

  const out: ScheduledSend[] = [];
  // Per zone, not per person: formatting and zone arithmetic would dominate a pass over thousands.
  const clockText = memo((zone: string) => formatLocalTime(pass.now, zone));
  const due = memo((key: string) => {
    const [zone, date, time, until] = key.split('|') as [string, string, string, string];
    return dueToday(pass.now, zone, date, time, until || undefined);
  });
  for (const row of result.rows) {
    const local = locals.get(row.time_zone)!;
    const settings = pass.book.for(row.org_id, row.team_id);
    const first = settings.reminders.report;
    if (!first) continue;
    const followUpAt = settings.reminders.reportFollowUpMinutes > 0 ? addMinutes(first, settings.reminders.reportFollowUpMinutes) : null;
    const at = (time: string, until: string | null) => due(`${row.time_zone}|${local.date}|${time}|${until ?? ''}`);
    const kind: Kind | null = followUpAt && at(followUpAt, null) ? 'report_followup' : at(first, followUpAt) ? 'report' : null;
    // A person can match a slot for a kind other than the one their own settings make due now.
    if (kind !== row.kind) continue;
    if (!isWorkday(local.date, settings)) { skipped.add('notWorkday'); continue; }
    if (inQuietHours(local.minute, settings.quietHours)) { skipped.add('quietHours'); continue; }
    const prefs = prefsOf(row);
    if (!wantsReminder(prefs, 'report', local.date)) { skipped.add(isAway(prefs, local.date) ? 'away' : 'kindOff'); continue; }
    if (!row.direct_ref) { skipped.add('unreachable'); continue; }
    const t = reminderMessages(row.language);
    out.push({
      key: `reminder:${kind}:${row.id}:${local.date}`,
      kind,
      orgId: row.org_id,
      userId: row.id,
      teamId: row.team_id,
      localDate: local.date,
      targetRef: row.direct_ref,
      message: {
        text:
          kind === 'report'
            ? t.reportDue({ date: local.date, time: clockText(row.time_zone) })
            : t.reportFollowUp({ date: local.date, deadline: row.report_deadline }),
      },
    });
  }
  return out;
}

/**
 * Which report reminders some settings in force could send at this local time: due by the clock,
 * on a workday, outside quiet hours.
 */
function possibleKinds(pass: ReminderPass, local: LocalNow): Kind[] {
  const kinds = new Set<Kind>();
  for (const settings of pass.book.all()) {
    const first = settings.reminders.report;
    if (!first || !isWorkday(local.date, settings) || inQuietHours(local.minute, settings.quietHours)) continue;
    const followUp = settings.reminders.reportFollowUpMinutes > 0 ? minuteOfDay(addMinutes(first, settings.reminders.reportFollowUpMinutes)) : null;
    if (followUp !== null && local.minute >= followUp) kinds.add('report_followup');
    else if (local.minute >= minuteOfDay(first)) kinds.add('report');
  }
  return [...kinds];
}

/** Caches a function's results by its string argument (for one pass). */
function memo<R>(fn: (key: string) => R): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}
