import { listDayVisits } from '../../core/reports/summarize-day.ts';
import { findReport } from '../../core/reports/submit-daily-report.ts';
import { localDateOf } from '../dates/local-date.ts';
import { recordZone } from '../../core/users/record-zone.ts';
import { formatLocalTime } from './format.ts';
import { listRepliesForRep, markCommentsRead } from '../../core/comments/comment-repository.ts';
import type { Turn } from '../turn.ts';

/** `今天` / `today`: my check-ins and visits so far and whether my report is in. */
export async function handleToday(turn: Turn): Promise<void> {
  const { t, user } = turn;
  // The day records are written under (the team's on a day the rep changed zone).
  const date = localDateOf(turn.now, await recordZone(turn.db, user.id, turn.now, user));
  const visits = await listDayVisits(turn.db, { userId: user.id, date });
  const report = await findReport(turn.db, user.id, date);
  const lines = [t.todayHeader({ date })];
  if (visits.length === 0) lines.push(t.todayNoVisits());
  for (const v of visits) {
    lines.push(
      t.todayVisitLine({
        time: formatLocalTime(v.startedAt, user.time_zone),
        customer: v.customerName,
        status: t.status({ status: v.status }),
        open: v.endedAt === null && v.status !== 'note_only',
        notes: Boolean(v.notes),
      }),
    );
  }
  lines.push(t.todayReport({ state: !report ? 'missing' : report.late ? 'late' : 'in', deadline: turn.org.report_deadline }));
  // Managers' replies: everything on today's report and whatever the rep has not seen yet.
  const replies = await listRepliesForRep(turn.db, { userId: user.id, reportDate: date });
  if (replies.length > 0) {
    lines.push(t.repliesHeading());
    for (const r of replies) lines.push(t.replyLine({ author: r.author, date: r.reportDate ?? '', text: r.text, customer: r.customer }));
    await markCommentsRead(turn.db, { userId: user.id, ids: replies.map((r) => r.id), now: turn.now });
  }
  turn.reply(lines.join('\n'));
}
