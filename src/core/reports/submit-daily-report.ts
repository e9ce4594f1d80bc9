import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import { localDateOf, localTimeOf } from '../../conversation/dates/local-date.ts';
import { summarizeDay } from './summarize-day.ts';
import { recordZone } from '../users/record-zone.ts';
import { alertReportAfterDigest } from '../alerts/late-report-alert.ts';

export interface SubmitReportInput {
  orgId: string;
  userId: string;
  /** The org's deadline, 'HH:MM' local to the rep (in the zone {@link recordZone} picks). */
  deadline: string;
  body: string;
}

export interface SubmitReportResult {
  reportDate: string;
  late: boolean;
  revision: number;
}

/**
 * Files the rep's report for their current local date, with the day's automatic summary. One per
 * user per date: submitting again edits it (the summary is refreshed, lateness follows the latest
 * submission). Date and lateness are judged in the zone in force for the day ({@link recordZone}):
 * on a day the rep changed their zone, the team's.
 */
export async function submitDailyReport({ db, clock }: { db: Db; clock: Clock }, input: SubmitReportInput): Promise<SubmitReportResult> {
  const now = clock.now();
  const timeZone = await recordZone(db, input.userId, now);
  const reportDate = localDateOf(now, timeZone);
  const late = isAfterDeadline(now, timeZone, input.deadline);
  const summary = await summarizeDay(db, { userId: input.userId, date: reportDate });
  const row = await db
    .insertInto('daily_reports')
    .values({
      org_id: input.orgId,
      user_id: input.userId,
      report_date: reportDate,
      summary: JSON.stringify(summary),
      body: input.body.trim(),
      submitted_at: now,
      late,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'report_date']).doUpdateSet((eb) => ({
        summary: eb.ref('excluded.summary'),
        body: eb.ref('excluded.body'),
        submitted_at: eb.ref('excluded.submitted_at'),
        late: eb.ref('excluded.late'),
        revision: eb(eb.ref('daily_reports.revision'), '+', 1),
      })),
    )
    .returning(['report_date', 'late', 'revision'])
    .executeTakeFirstOrThrow();
  await alertReportAfterDigest(db, { orgId: input.orgId, userId: input.userId, reportDate: row.report_date, revision: row.revision, now });
  return { reportDate: row.report_date, late: row.late, revision: row.revision };
}

/** True when the local wall-clock time is at or past 'HH:MM' on the same local date. */
export function isAfterDeadline(instant: Date, timeZone: string, deadline: string): boolean {
  const { hour, minute } = localTimeOf(instant, timeZone);
  const [dh, dm] = deadline.split(':').map(Number) as [number, number];
  return hour * 60 + minute >= dh * 60 + dm;
}

export async function findReport(db: Db, userId: string, date: string) {
  return db.selectFrom('daily_reports').selectAll().where('user_id', '=', userId).where('report_date', '=', date).executeTakeFirst();
}
