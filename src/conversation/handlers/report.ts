import { findReport, submitDailyReport } from '../../core/reports/submit-daily-report.ts';
import { summarizeDay } from '../../core/reports/summarize-day.ts';
import { localDateOf } from '../dates/local-date.ts';
import { recordZone } from '../../core/users/record-zone.ts';
import { clearPendingState, savePendingState } from '../pending-state.ts';
import { formatLocalTime } from './format.ts';
import { answerReportQuestion, reportRepliesBlock } from './read-reports.ts';
import { markCommentsRead } from '../../core/comments/comment-repository.ts';
import type { DailyReportSummary } from '../../db/schema.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

/**
 * `日报` shows today's automatic summary and asks for the rep's words; `日报 <text>` submits, unless
 * a manager asks for a member's report (`日报 张三`) or the team's (`日报 团队`).
 */
export async function handleReport(turn: Turn, intent: Extract<Intent, { kind: 'report' }>): Promise<void> {
  if (intent.text) {
    if (await answerReportQuestion(turn, intent.text)) return;
    await submitReport(turn, intent.text);
    return;
  }
  const date = localDateOf(turn.now, await recordZone(turn.db, turn.user.id, turn.now, turn.user));
  const summary = await summarizeDay(turn.db, { userId: turn.user.id, date });
  const existing = await findReport(turn.db, turn.user.id, date);
  const lines = [renderSummary(turn, date, summary)];
  if (existing) {
    lines.push(turn.t.reportAlreadyIn({ time: formatLocalTime(new Date(existing.submitted_at), turn.user.time_zone) }));
    // The report card shows the manager's replies to it; the rep has now seen them.
    const replies = await reportRepliesBlock(turn, existing.id);
    if (replies) {
      lines.push(replies.text);
      await markCommentsRead(turn.db, { userId: turn.user.id, ids: replies.ids, now: turn.now });
    }
  }
  lines.push(turn.t.reportAskText());
  await savePendingState(turn.db, turn.user.id, { kind: 'awaitReportText' }, turn.now);
  turn.reply(lines.join('\n\n'));
}

export async function submitReport(turn: Turn, text: string): Promise<void> {
  const result = await submitDailyReport(
    { db: turn.db, clock: turn.clock },
    {
      orgId: turn.org.id,
      userId: turn.user.id,
      deadline: turn.org.report_deadline,
      body: text,
    },
  );
  await clearPendingState(turn.db, turn.user.id);
  turn.reply(
    result.revision > 1
      ? turn.t.reportUpdated({ date: result.reportDate, late: result.late })
      : turn.t.reportSubmitted({ date: result.reportDate, late: result.late, deadline: turn.org.report_deadline }),
  );
}

export function renderSummary(turn: Turn, date: string, s: DailyReportSummary): string {
  return turn.t.reportSummary({
    date,
    visits: s.visits,
    customers: s.customers.join(turn.language === 'zh-CN' ? '、' : ', '),
    verified: s.verified,
    outside: s.outside,
    unverified: s.unverified,
    noteOnly: s.noteOnly,
    notes: s.notes
      .map((n) => turn.t.reportNoteLine({ customer: n.customer, notes: n.notes ?? '', nextStep: n.nextStep ?? '', followUp: n.followUp ?? '' }))
      .join('\n'),
    followUps: s.followUps,
  });
}
