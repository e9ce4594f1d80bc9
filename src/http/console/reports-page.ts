import type { Hono } from 'hono';
import { html } from 'hono/html';
import { isValidLocalDate, localDateOf } from '../../conversation/dates/local-date.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import { listReportComments, markCommentsRead, recordReportRead } from '../../core/comments/comment-repository.ts';
import { can } from '../../core/access/permissions.ts';
import type { ConsoleDeps, ConsoleEnv } from './console-context.ts';
import { pageShell } from './page-shell.ts';
import { replyFlash, replyForm, repliesList } from './feedback-forms.ts';
import { scopedPeople } from './scope.ts';

/**
 * `GET /console/reports?date=`: a manager's or admin's view of the reports of one date (each rep's own
 * local date), with the replies and a reply box; opening the page marks the shown reports read for
 * the digest. A rep sees their own last two weeks of reports with the replies (now read).
 */
export function mountReports(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.get('/reports', async (c) => {
    const viewer = c.get('viewer');
    const { t } = viewer;
    const now = deps.clock.now();
    const today = localDateOf(now, viewer.user.time_zone);
    const asked = c.req.query('date');
    const date = asked && isValidLocalDate(asked) ? asked : today;
    const people = await scopedPeople(deps.db, viewer.actor, viewer.user);
    const ids = people.map((p) => p.id);
    // Someone who oversees nobody (a rep; a manager by title who manages no team) reads their own reports.
    const mine = !viewer.manager;
    let query = deps.db.selectFrom('daily_reports').selectAll().where('org_id', '=', viewer.user.org_id);
    query = ids.length ? query.where('user_id', 'in', ids) : query.where('user_id', '=', viewer.user.id);
    query = mine ? query.orderBy('report_date', 'desc').limit(14) : query.where('report_date', '=', date);
    const reports = await query.execute();
    const comments = await listReportComments(deps.db, reports.map((r) => r.id));
    const memberships = ids.length ? await deps.db.selectFrom('team_memberships').select(['user_id', 'team_id']).where('user_id', 'in', ids).execute() : [];
    // The reply permission needs each person's teams.
    const teamIdsOf = (personId: string) => memberships.filter((m) => m.user_id === personId).map((m) => m.team_id);
    const back = mine ? '/console/reports' : `/console/reports?date=${date}`;
    const cards = (mine ? reports.map((r) => ({ person: viewer.user, report: r })) : people.map((p) => ({ person: p, report: reports.find((r) => r.user_id === p.id) })))
      .map(({ person, report }) => {
        if (!report) return html`<section class="card report missing"><p>${t.consoleReportNotFiled({ person: person.display_name })}</p></section>`;
        const mayAnswer = can(viewer.actor, { action: 'giveFeedback', person: { userId: person.id, orgId: person.org_id, teamIds: teamIdsOf(person.id) } });
        return html`<section class="card report" id="report-${report.id}" data-person="${person.display_name}">
<h2>${person.display_name}</h2>
<p class="sub">${t.consoleReportMeta({ person: person.display_name, date: String(report.report_date), time: formatLocalTime(new Date(report.submitted_at), viewer.user.time_zone), late: report.late })}</p>
<div class="report-body">${report.body}</div>
${repliesList(viewer, comments.filter((cm) => cm.reportId === report.id))}
${mayAnswer ? replyForm(viewer, { kind: 'report', id: report.id, person: person.display_name, back }) : ''}
</section>`;
      });
    if (mine) {
      await markCommentsRead(deps.db, { userId: viewer.user.id, ids: comments.map((cm) => cm.id), now });
    } else {
      for (const r of reports) await recordReportRead(deps.db, { readerId: viewer.user.id, reportId: r.id, ownerId: r.user_id, now });
    }
    const picker = mine
      ? ''
      : html`<form method="get" action="/console/reports" class="inline-form card"><div class="date-field"><label for="date">${t.consoleDatePick()}</label><input type="date" id="date" name="date" value="${date}"></div><button type="submit" class="secondary">${t.consoleShow()}</button></form>`;
    const body = html`${replyFlash(viewer, { sent: c.req.query('sent'), to: c.req.query('to') })}${picker}${cards.length ? cards : html`<p class="card">${t.consoleNoReports()}</p>`}`;
    return c.html(
      pageShell({ language: viewer.language, t, title: mine ? t.consoleMyReportsTitle() : t.consoleReportsTitle({ date }), user: viewer.user, manager: viewer.manager, csrf: viewer.session.csrfToken, current: 'reports', body }),
    );
  });
}
