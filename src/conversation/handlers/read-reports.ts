import { readPersonReport, readTeamReports } from '../../core/reports/read-reports.ts';
import { formatLocalTime } from './format.ts';
import { listReportComments, recordReportRead } from '../../core/comments/comment-repository.ts';
import { recordAccess } from '../../core/privacy/record-access.ts';
import type { Turn } from '../turn.ts';
import type { MessageSection } from '../types.ts';
import { structured } from '../../core/digests/render-digest.ts';
import { replyInPages } from './pages.ts';

/** `日报 团队` / `report team` (and `daily report team`). */
const TEAM_WORDS = new Set(['团队', 'team', 'my team']);

/**
 * `日报 <text>` may be a manager's question rather than a report: `日报 团队` lists the team's reports,
 * `日报 张三` shows 张三's. Answers and returns true when it was such a question.
 */
export async function answerReportQuestion(turn: Turn, text: string): Promise<boolean> {
  if (TEAM_WORDS.has(text.trim().toLowerCase())) {
    const teams = await readTeamReports(turn.db, { viewer: turn.user, now: turn.now });
    const { t } = turn;
    const sections = teams.map((team): MessageSection => {
      const filed = team.members.filter((m) => m.report).length;
      const lines = team.members.map((m) =>
        m.report
          ? t.teamReportLine({ person: m.name, late: m.report.late, firstLine: m.report.body.split('\n')[0]!.trim() })
          : t.teamReportMissingLine({ person: m.name }),
      );
      const heading =
        team.team === null ? t.teamReportsNoTeamHeader({ filed, total: team.members.length }) : t.teamReportsHeader({ team: team.team, filed, total: team.members.length });
      return { heading, lines: lines.length ? lines : [t.teamReportsNoMembers()] };
    });
    // Reports are for their author, their managers and admins: never read out in a group chat.
    await replyInPages(turn, structured(t.teamReportsTitle(), sections, turn.language), { privately: true });
    return true;
  }
  const asked = await readPersonReport(turn.db, { viewer: turn.user, text, now: turn.now });
  if (!asked) return false;
  await recordAccess(turn.db, { orgId: turn.org.id, viewerId: turn.user.id, subjectId: asked.person.id, what: 'report', via: 'chat', now: turn.now });
  const person = asked.person.display_name;
  if (!asked.report) {
    turn.replyPrivately(turn.t.personReportMissing({ person, date: asked.date }));
    return true;
  }
  const card = turn.t.personReport({
    person,
    date: asked.date,
    time: formatLocalTime(new Date(asked.report.submitted_at), turn.user.time_zone),
    late: asked.report.late,
    body: asked.report.body,
  });
  const replies = await reportRepliesBlock(turn, asked.report.id);
  // The manager has now read it: the daily digest marks it.
  await recordReportRead(turn.db, { readerId: turn.user.id, reportId: asked.report.id, ownerId: asked.person.id, now: turn.now });
  turn.replyPrivately(replies ? `${card}\n\n${replies.text}` : card);
  return true;
}

/** The replies on one report as the report card's last block, or undefined when there are none. */
export async function reportRepliesBlock(turn: Turn, reportId: string): Promise<{ text: string; ids: string[] } | undefined> {
  const comments = await listReportComments(turn.db, [reportId]);
  if (comments.length === 0) return undefined;
  const lines = comments.map((c) => turn.t.reportCardReplyLine({ author: c.author, text: c.text }));
  return { text: [turn.t.reportCardRepliesHeading(), ...lines].join('\n'), ids: comments.map((c) => c.id) };
}
