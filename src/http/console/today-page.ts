import type { Hono } from 'hono';
import { html } from 'hono/html';
import { loadDayVisits, type DayVisitDetail } from '../../core/team-day/load-person-day.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import type { Catalogue } from '../../conversation/i18n/catalogue.ts';
import type { User } from '../../db/schema.ts';
import type { ConsoleDeps, ConsoleEnv } from './console-context.ts';
import { pageShell } from './page-shell.ts';
import { scopedTeams } from './scope.ts';
import { loadSettingsBook } from '../../core/schedules/settings-repository.ts';
import { isWorkday } from '../../core/schedules/calendar.ts';
import { loadAwayDates } from '../../core/schedules/away-periods.ts';

type ReportState = 'in' | 'late' | 'missing' | 'dayOff' | 'away';

/** A rep's today before their team's calendar is applied: visits, the report if filed, whether they said 请假. */
interface RepToday {
  visits: DayVisitDetail[];
  filed: 'in' | 'late' | null;
  away: boolean;
  date: string;
}

/**
 * `GET /console`: a manager's today, per team and rep, each on their own calendar: check-ins with
 * verified / outside / unverified and the distance, visits still open, report in / late / missing.
 * No report is missing on a day off by the team's schedule (weekend, holiday: 休息日, as the chat's
 * team views say) nor on a day the rep said they were away (请假). A rep goes to their own week instead.
 */
export function mountToday(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.get('/', async (c) => {
    const viewer = c.get('viewer');
    // Someone who oversees nobody (a rep; a manager by title who manages no team) starts at their own week.
    if (!viewer.manager) return c.redirect(`/console/people/${viewer.user.id}/week`, 303);
    const { t } = viewer;
    const now = deps.clock.now();
    const teams = await scopedTeams(deps.db, viewer.actor);
    const reps = new Map<string, RepToday>();
    const book = await loadSettingsBook(deps.db);
    const everyone = [...new Map(teams.flatMap((team) => team.reps.map((r) => [r.id, r] as const))).values()];
    const dates = new Map(everyone.map((r) => [r.id, localDateOf(now, r.time_zone)]));
    const reports = everyone.length
      ? await deps.db.selectFrom('daily_reports').select(['user_id', 'report_date', 'late']).where('user_id', 'in', everyone.map((r) => r.id)).where('report_date', 'in', [...new Set(dates.values())]).execute()
      : [];
    for (const rep of everyone) {
      const date = dates.get(rep.id)!;
      const report = reports.find((r) => r.user_id === rep.id && String(r.report_date) === date);
      const [visits, away] = await Promise.all([loadDayVisits(deps.db, rep, date), loadAwayDates(deps.db, rep.id, date, date)]);
      reps.set(rep.id, { visits, filed: !report ? null : report.late ? 'late' : 'in', away: away.has(date), date });
    }
    const today = localDateOf(now, viewer.user.time_zone);
    const body = teams.length === 0
      ? html`<p class="card">${t.consoleNoTeams()}</p>`
      : html`${teams.map((team) => html`<section class="card team" data-team="${team.id === null ? '' : team.name}">
<h2>${team.id === null ? t.consoleNoTeamHeading({ reps: team.reps.length }) : t.consoleTeamHeading({ team: team.name, reps: team.reps.length })}</h2>
${team.reps.length === 0 ? html`<p class="sub">${t.consoleNoReps()}</p>` : team.reps.map((rep) => {
  const day = reps.get(rep.id)!;
  // The calendar of the team the rep is listed under (the org's for those in no team).
  return repBlock(t, viewer.user, rep, { visits: day.visits, report: reportState(day, isWorkday(day.date, book.for(viewer.user.org_id, team.id))) });
})}
</section>`)}`;
    return c.html(pageShell({ language: viewer.language, t, title: t.consoleTodayTitle({ date: today }), user: viewer.user, manager: true, csrf: viewer.session.csrfToken, current: 'today', body }));
  });
}

/** Filed, or why none is due, or missing. */
function reportState(day: RepToday, workday: boolean): ReportState {
  if (day.filed) return day.filed;
  if (!workday) return 'dayOff';
  return day.away ? 'away' : 'missing';
}

function repBlock(t: Catalogue, viewer: User, rep: User, day: { visits: DayVisitDetail[]; report: ReportState }) {
  const open = day.visits.filter((v) => v.open).length;
  return html`<div class="rep" data-rep="${rep.display_name}">
<div class="rep-head"><span class="name">${rep.display_name}</span>
<span class="badge ${day.report}">${day.report === 'dayOff' || day.report === 'away' ? t.consoleNoReportDue({ why: day.report }) : t.consoleReportState({ state: day.report })}</span>
${open > 0 ? html`<span class="badge open">${t.consoleOpenVisits({ count: open })}</span>` : ''}
<a href="/console/people/${rep.id}/week">${t.consoleWeekLink()}</a></div>
${day.visits.length === 0
    ? html`<p class="sub">${t.consoleNoCheckIns()}</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th>${t.consoleColTime()}</th><th>${t.consoleColCustomer()}</th><th>${t.consoleColStatus()}</th><th class="num">${t.consoleColDistance()}</th></tr></thead>
<tbody>${day.visits.map((v) => html`<tr class="check-in">
<td>${formatLocalTime(v.startedAt, viewer.time_zone)}</td>
<td>${v.customer}${v.open ? html` <span class="badge open">${t.consoleOpenVisit()}</span>` : ''}</td>
<td><span class="badge ${v.status}">${t.status({ status: v.status })}</span></td>
<td class="num">${v.distanceM === null ? '—' : t.consoleDistance({ m: v.distanceM })}</td>
</tr>`)}</tbody></table></div>`}
</div>`;
}
