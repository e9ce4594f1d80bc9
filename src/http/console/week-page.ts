import type { Hono } from 'hono';
import { html } from 'hono/html';
import { addDays, isValidLocalDate, localDateOf, weekdayOf } from '../../conversation/dates/local-date.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import { localDayRange } from '../../core/shared/local-day.ts';
import { listPlanStops } from '../../core/plans/plan-repository.ts';
import { listReportComments, listVisitComments, markCommentsRead, recordReportRead } from '../../core/comments/comment-repository.ts';
import { loadPerson } from '../../core/access/load-actor.ts';
import { can } from '../../core/access/permissions.ts';
import { notFound, type ConsoleDeps, type ConsoleEnv } from './console-context.ts';
import { pageShell } from './page-shell.ts';
import { replyFlash, replyForm, repliesList } from './feedback-forms.ts';
import { viewablePerson } from './scope.ts';
import { recordAccess } from '../../core/privacy/record-access.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `GET /console/people/:id/week?from=<monday>`: one person's week day by day, on their calendar:
 * visits with check-in result, notes, next step and follow-up, the day's report, planned stops, and
 * the replies on each (with a reply box for their manager or an admin). Anyone else's id is 404.
 */
export function mountWeek(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.get('/people/:id/week', async (c) => {
    const viewer = c.get('viewer');
    const { t } = viewer;
    const person = await viewablePerson(deps.db, viewer.actor, c.req.param('id'));
    if (!person) return notFound(c);
    const now = deps.clock.now();
    // Someone else's week is a look at their individual records: it goes into their access log.
    await recordAccess(deps.db, { orgId: person.org_id, viewerId: viewer.user.id, subjectId: person.id, what: 'week', via: 'console', now });
    const today = localDateOf(now, person.time_zone);
    const asked = c.req.query('from');
    const anchor = asked && isValidLocalDate(asked) ? asked : today;
    const monday = addDays(anchor, 1 - weekdayOf(anchor));
    const sunday = addDays(monday, 6);
    const start = localDayRange(monday, person.time_zone).start;
    const end = localDayRange(sunday, person.time_zone).end;
    const [visits, reports, stops] = await Promise.all([
      deps.db
        .selectFrom('visits as v')
        .innerJoin('customers as cu', 'cu.id', 'v.customer_id')
        .leftJoin('check_ins as ci', (join) => join.onRef('ci.visit_id', '=', 'v.id').on('ci.kind', '=', 'in'))
        .select(['v.id', 'v.started_at', 'v.ended_at', 'v.source', 'v.notes', 'v.next_step', 'v.follow_up_date', 'cu.name', 'ci.status', 'ci.distance_m'])
        .where('v.user_id', '=', person.id)
        .where('v.started_at', '>=', start)
        .where('v.started_at', '<', end)
        .orderBy('v.started_at')
        .execute(),
      deps.db.selectFrom('daily_reports').selectAll().where('user_id', '=', person.id).where('report_date', '>=', monday).where('report_date', '<=', sunday).execute(),
      listPlanStops(deps.db, person.id, monday, sunday),
    ]);
    const [visitComments, reportComments] = await Promise.all([listVisitComments(deps.db, visits.map((v) => v.id)), listReportComments(deps.db, reports.map((r) => r.id))]);
    const mayAnswer = can(viewer.actor, { action: 'giveFeedback', person: await loadPerson(deps.db, person) });
    const back = `/console/people/${person.id}/week?from=${monday}`;
    if (viewer.user.id === person.id) {
      await markCommentsRead(deps.db, { userId: person.id, ids: [...visitComments, ...reportComments].map((cm) => cm.id), now });
    } else {
      for (const r of reports) await recordReportRead(deps.db, { readerId: viewer.user.id, reportId: r.id, ownerId: person.id, now });
    }

    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((date) => {
      const ofDay = visits.filter((v) => localDateOf(new Date(v.started_at), person.time_zone) === date);
      const report = reports.find((r) => String(r.report_date) === date);
      const planned = stops.filter((s) => s.localDate === date && s.state !== 'cancelled');
      return html`<section class="card day" data-date="${date}">
<h2>${t.consoleDayHeading({ date, weekday: weekdayOf(date) })}</h2>
${ofDay.length === 0 ? html`<p class="sub">${t.consoleNoVisits()}</p>` : ofDay.map((v) => {
        const status = v.source === 'note_only' ? 'note_only' : (v.status ?? 'unverified');
        const open = v.source === 'check_in' && !v.ended_at;
        return html`<div class="visit" id="visit-${v.id}">
<div class="meta"><strong>${formatLocalTime(new Date(v.started_at), person.time_zone)} ${v.name}</strong>
<span class="badge ${status}">${t.status({ status })}</span>
${v.distance_m === null ? '' : html`<span class="sub">${t.consoleDistance({ m: Math.round(v.distance_m) })}</span>`}
${open ? html`<span class="badge open">${t.consoleOpenVisit()}</span>` : ''}</div>
${v.notes ? html`<p>${t.consoleNotes({ notes: v.notes })}</p>` : ''}
${v.next_step ? html`<p>${t.consoleNextStep({ nextStep: v.next_step, followUp: v.follow_up_date })}</p>` : ''}
${repliesList(viewer, visitComments.filter((cm) => cm.visitId === v.id))}
${mayAnswer ? html`<details><summary>${t.consoleReplyLabel({ person: person.display_name })}</summary>${replyForm(viewer, { kind: 'visit', id: v.id, person: person.display_name, back })}</details>` : ''}
</div>`;
      })}
${planned.length > 0 ? html`<h3>${t.consolePlanHeading({ done: planned.filter((s) => s.state === 'done').length, planned: planned.length })}</h3>
<ul>${planned.map((s) => html`<li>${t.consolePlanStop({ time: s.minute === null ? null : `${pad(Math.floor(s.minute / 60))}:${pad(s.minute % 60)}`, customer: s.customerName, state: s.state })}</li>`)}</ul>` : ''}
<h3>${t.consoleDailyReport()}</h3>
${report
        ? html`<div id="report-${report.id}"><p class="sub">${t.consoleReportMeta({ person: person.display_name, date, time: formatLocalTime(new Date(report.submitted_at), person.time_zone), late: report.late })}</p>
<div class="report-body">${report.body}</div>
${repliesList(viewer, reportComments.filter((cm) => cm.reportId === report.id))}
${mayAnswer ? replyForm(viewer, { kind: 'report', id: report.id, person: person.display_name, back }) : ''}</div>`
        : html`<p class="sub">${t.consoleReportMissing()}</p>`}
</section>`;
    });
    const body = html`${replyFlash(viewer, { sent: c.req.query('sent'), to: c.req.query('to') })}
<nav class="pager"><a href="/console/people/${person.id}/week?from=${addDays(monday, -7)}">${t.consolePrevWeek()}</a><a href="/console/people/${person.id}/week?from=${addDays(monday, 7)}">${t.consoleNextWeek()}</a></nav>
<div class="grid two">${days}</div>`;
    return c.html(
      pageShell({
        language: viewer.language,
        t,
        title: t.consoleWeekTitle({ person: person.display_name, from: monday, to: sunday }),
        user: viewer.user,
        manager: viewer.manager,
        csrf: viewer.session.csrfToken,
        current: viewer.user.id === person.id ? 'week' : undefined,
        body,
      }),
    );
  });
}
