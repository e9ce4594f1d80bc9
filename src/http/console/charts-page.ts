import type { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { sql } from 'kysely';
import { addDays, isValidLocalDate, localDateOf } from '../../conversation/dates/local-date.ts';
import { localDayRange } from '../../core/shared/local-day.ts';
import { loadSettingsBook } from '../../core/schedules/settings-repository.ts';
import { isWorkday } from '../../core/schedules/calendar.ts';
import { can } from '../../core/access/permissions.ts';
import { forbidden, type ConsoleDeps, type ConsoleEnv } from './console-context.ts';
import { pageShell } from './page-shell.ts';
import { scopedTeams } from './scope.ts';

/** Days the charts look back over (today included). */
const days = 14;
const dayMs = 86_400_000;
/** The plot draws at most this many customers (the positions nearest the team's work). */
const maxPlotCustomers = 500;

/**
 * `GET /console/charts?date=`: visits per day per rep, coverage by tier, report punctuality over the
 * last two weeks, and the day's check-ins against customer positions, drawn in the browser by Apache
 * ECharts served by Legwork. The numbers travel in a JSON data block (not script), which the CSP
 * allows; /console/assets/charts.js draws them.
 */
export function mountCharts(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.get('/charts', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer.manager) return forbidden(c);
    const { t } = viewer;
    const now = deps.clock.now();
    const today = localDateOf(now, viewer.user.time_zone);
    const asked = c.req.query('date');
    const plotDate = asked && isValidLocalDate(asked) ? asked : today;
    const from = addDays(today, 1 - days);
    const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
    const teams = await scopedTeams(deps.db, viewer.actor);
    const reps = [...new Map(teams.flatMap((team) => team.reps.map((r) => [r.id, { ...r, teamId: team.id }] as const))).values()];
    const ids = reps.map((r) => r.id);
    const zoneOf = new Map(reps.map((r) => [r.id, r.time_zone]));
    const start = new Date(localDayRange(from, viewer.user.time_zone).start.getTime() - dayMs);
    const end = new Date(localDayRange(today, viewer.user.time_zone).end.getTime() + dayMs);
    const plotRange = localDayRange(plotDate, viewer.user.time_zone);
    const [visits, reports, customers, checkIns, book] = await Promise.all([
      ids.length ? deps.db.selectFrom('visits').select(['user_id', 'started_at']).where('user_id', 'in', ids).where('started_at', '>=', start).where('started_at', '<', end).execute() : [],
      ids.length ? deps.db.selectFrom('daily_reports').select(['user_id', 'report_date', 'late']).where('user_id', 'in', ids).where('report_date', '>=', from).where('report_date', '<=', today).execute() : [],
      deps.db
        .selectFrom('customers as cu')
        .select(['cu.id', 'cu.name', 'cu.tier', 'cu.owner_id', 'cu.lat', 'cu.lng', 'cu.created_at', sql<Date | null>`(select max(v.started_at) from visits v where v.customer_id = cu.id)`.as('last_visit')])
        .where('cu.org_id', '=', viewer.user.org_id)
        .$if(!can(viewer.actor, { action: 'viewOrg', orgId: viewer.user.org_id }), (q) => q.where('cu.owner_id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']))
        .execute(),
      ids.length
        ? deps.db
            .selectFrom('check_ins as ci')
            .innerJoin('customers as cu', 'cu.id', 'ci.customer_id')
            .innerJoin('users as u', 'u.id', 'ci.user_id')
            .select(['ci.lat', 'ci.lng', 'ci.status', 'ci.distance_m', 'ci.at', 'cu.name as customer', 'cu.lat as customer_lat', 'cu.lng as customer_lng', 'u.display_name'])
            .where('ci.user_id', 'in', ids)
            .where('ci.kind', '=', 'in')
            .where('ci.at', '>=', plotRange.start)
            .where('ci.at', '<', plotRange.end)
            .orderBy('ci.at')
            .execute()
        : [],
      loadSettingsBook(deps.db),
    ]);

    const visitsPerDay = reps.map((rep) => ({
      name: rep.display_name,
      data: dates.map((date) => visits.filter((v) => v.user_id === rep.id && localDateOf(new Date(v.started_at), zoneOf.get(rep.id)!) === date).length),
    }));
    const teamOf = new Map(reps.map((r) => [r.id, r.teamId]));
    const coverage = (['A', 'B', 'C'] as const).map((tier) => {
      let within = 0;
      let overdue = 0;
      for (const cu of customers.filter((x) => x.tier === tier)) {
        const interval = book.for(viewer.user.org_id, cu.owner_id ? (teamOf.get(cu.owner_id) ?? null) : null).reminders.keyCustomerDays[tier];
        if (interval === null) continue;
        const since = new Date(cu.last_visit ?? cu.created_at).getTime();
        if (Math.floor((now.getTime() - since) / dayMs) >= interval) overdue++;
        else within++;
      }
      return { tier, within, overdue };
    });
    // Missing counts only a rep's workdays (their team's settings) since they joined Legwork.
    const punctuality = dates.map((date) => {
      const ofDay = reports.filter((r) => String(r.report_date) === date);
      const late = ofDay.filter((r) => r.late).length;
      const expected = reps.filter((r) => localDateOf(new Date(r.created_at), r.time_zone) <= date && isWorkday(date, book.for(viewer.user.org_id, r.teamId)));
      const missing = expected.filter((r) => !ofDay.some((x) => x.user_id === r.id)).length;
      return { date, in: ofDay.length - late, late, missing };
    });
    // The customers the team is responsible for, and those checked in at that day (whoever owns them).
    const plotted = new Map<string, { name: string; lat: number; lng: number }>();
    for (const ci of checkIns) if (ci.customer_lat !== null && ci.customer_lng !== null) plotted.set(ci.customer, { name: ci.customer, lat: ci.customer_lat, lng: ci.customer_lng });
    for (const cu of customers) {
      if (plotted.size >= maxPlotCustomers) break;
      if (cu.lat !== null && cu.lng !== null) plotted.set(cu.name, { name: cu.name, lat: cu.lat, lng: cu.lng });
    }
    const data = {
      labels: {
        visits: t.consoleChartVisits(),
        coverage: t.consoleChartCoverage(),
        punctuality: t.consoleChartPunctuality(),
        customers: t.consoleSeriesCustomers(),
        checkIns: t.consoleSeriesCheckIns(),
        within: t.consoleSeriesWithin(),
        overdue: t.consoleSeriesOverdue(),
        in: t.consoleSeriesIn(),
        late: t.consoleSeriesLate(),
        missing: t.consoleSeriesMissing(),
        statuses: { verified: t.status({ status: 'verified' }), outside: t.status({ status: 'outside' }), unverified: t.status({ status: 'unverified' }) },
      },
      dates,
      visitsPerDay,
      coverage,
      punctuality,
      plot: {
        customers: [...plotted.values()],
        checkIns: checkIns
          .filter((ci) => ci.lat !== null && ci.lng !== null)
          .map((ci) => ({ person: ci.display_name, customer: ci.customer, lat: ci.lat, lng: ci.lng, status: ci.status, distanceM: ci.distance_m === null ? null : Math.round(ci.distance_m), customerLat: ci.customer_lat, customerLng: ci.customer_lng })),
      },
    };
    // JSON inside a data block: `<` escaped so no value can close the element.
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    const body = html`<script type="application/json" id="chart-data">${raw(json)}</script>
<noscript><p class="alert">${t.consoleNeedsScript()}</p></noscript>
<div class="grid two">
<section class="card"><h2>${t.consoleChartVisits()}</h2><div class="chart" id="chart-visits" role="img" aria-label="${t.consoleChartVisits()}"></div></section>
<section class="card"><h2>${t.consoleChartCoverage()}</h2><div class="chart" id="chart-coverage" role="img" aria-label="${t.consoleChartCoverage()}"></div></section>
<section class="card"><h2>${t.consoleChartPunctuality()}</h2><div class="chart" id="chart-punctuality" role="img" aria-label="${t.consoleChartPunctuality()}"></div></section>
<section class="card"><h2>${t.consoleChartPlot({ date: plotDate })}</h2>
<form method="get" action="/console/charts" class="inline-form"><div class="date-field"><label for="date">${t.consoleDatePick()}</label><input type="date" id="date" name="date" value="${plotDate}"></div><button type="submit" class="secondary">${t.consoleShow()}</button></form>
<p class="sub">${t.consolePlotHelp()}</p>
<div class="chart tall" id="chart-plot" role="img" aria-label="${t.consoleChartPlot({ date: plotDate })}"></div></section>
</div>`;
    return c.html(
      pageShell({
        language: viewer.language,
        t,
        title: t.consoleChartsTitle({ from, to: today }),
        user: viewer.user,
        manager: true,
        csrf: viewer.session.csrfToken,
        current: 'charts',
        body,
        scripts: ['/console/assets/echarts.min.js', '/console/assets/charts.js'],
      }),
    );
  });
}
