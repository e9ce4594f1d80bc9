import { sql } from 'kysely';
import type { ScheduledSend } from '../schedules/scheduled-sends.ts';
import { addMinutes, dueToday, inQuietHours, isWorkday, localNow, minuteOfDay, type LocalNow } from '../schedules/calendar.ts';
import { isAway, wantsReminder } from '../schedules/prefs.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import type { Language } from '../../conversation/intents/types.ts';
import { reminderMessages } from './messages.ts';
import { prefsOf, repTeamOf, type ReminderPass, type SkipTally } from './pass-context.ts';

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
 * One statement per pass for every zone where a kind may be due: people who already got that kind
 * for their local date, or whose report is in, are left out by anti-joins on the date's slice of
 * `scheduled_sends` and `daily_reports`, so a pass costs about one scan of those zones' people.
 */
export async function dueReportReminders(pass: ReminderPass, skipped: SkipTally): Promise<ScheduledSend[]> {
  const locals = new Map<string, LocalNow>();
  const slots: { zone: string; date: string; kind: Kind }[] = [];
  for (const zone of pass.zones) {
    const local = localNow(pass.now, zone);
    locals.set(zone, local);
    for (const kind of possibleKinds(pass, local.minute)) slots.push({ zone, date: local.date, kind });
  }
  if (slots.length === 0) return [];
  const dates = [...new Set(slots.map((s) => s.date))];
  const slotRows = sql.join(slots.map((s) => sql`(${s.zone}::text, ${s.date}::date, ${s.kind}::text)`));
  const result = await sql<Candidate>`
    with slots(zone, local_date, kind) as (values ${slotRows}),
    sent as (
      select s.user_id, s.local_date, s.kind from scheduled_sends s
      where s.local_date = any(${dates}::date[]) and s.kind in ('report', 'report_followup')
    ),
    reported as (
      select r.user_id, r.report_date from daily_reports r where r.report_date = any(${dates}::date[])
    )
    select u.id, u.org_id, u.language, u.time_zone, slots.kind, o.report_deadline,
      p.away_until, p.reminders_off, p.leaderboard_opt_out,
      ${repTeamOf('u.id')} as team_id, ${directRefOf('u.id')} as direct_ref
    from slots
    join users u on u.time_zone = slots.zone
    join orgs o on o.id = u.org_id
    left join user_schedule_prefs p on p.user_id = u.id
    where (u.role = 'rep' or exists (select 1 from team_memberships m where m.user_id = u.id and m.role = 'rep'))
      and not exists (select 1 from reported where reported.user_id = u.id and reported.report_date = slots.local_date)
      and not exists (select 1 from sent where sent.user_id = u.id and sent.local_date = slots.local_date and sent.kind = slots.kind)`.execute(pass.db);

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

/** Which report reminders some settings in force could make due at this local minute. */
function possibleKinds(pass: ReminderPass, minute: number): Kind[] {
  const kinds = new Set<Kind>();
  for (const settings of pass.book.all()) {
    const first = settings.reminders.report;
    if (!first) continue;
    const followUp = settings.reminders.reportFollowUpMinutes > 0 ? minuteOfDay(addMinutes(first, settings.reminders.reportFollowUpMinutes)) : null;
    if (followUp !== null && minute >= followUp) kinds.add('report_followup');
    else if (minute >= minuteOfDay(first)) kinds.add('report');
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
