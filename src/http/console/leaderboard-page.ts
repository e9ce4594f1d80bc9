import type { Hono } from 'hono';
import { html } from 'hono/html';
import { buildLeaderboards } from '../../core/leaderboards/build-leaderboard.ts';
import { loadSettingsBook } from '../../core/schedules/settings-repository.ts';
import { loadTeams, teamOfUser, type TeamContext } from '../../core/schedules/team-context.ts';
import type { Period } from '../../core/schedules/calendar.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import type { ConsoleDeps, ConsoleEnv } from './console-context.ts';
import { pageShell } from './page-shell.ts';
import { scopedTeams } from './scope.ts';

const PERIODS: readonly Period[] = ['day', 'week', 'month'];

/**
 * `GET /console/leaderboard?period=day|week|month`: the same boards as chat's `排行榜` (built by
 * src/core/leaderboards), for every team the viewer oversees, or a rep's own team. Opted-out reps
 * keep their place without their name.
 */
export function mountLeaderboard(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.get('/leaderboard', async (c) => {
    const viewer = c.get('viewer');
    const { t } = viewer;
    const asked = c.req.query('period');
    const period: Period = PERIODS.includes(asked as Period) ? (asked as Period) : 'week';
    const book = await loadSettingsBook(deps.db);
    const teams: TeamContext[] = [];
    if (viewer.manager) {
      teams.push(...(await loadTeams(deps.db, book, (await scopedTeams(deps.db, viewer.actor)).flatMap((team) => (team.id === null ? [] : [team.id])))));
    } else {
      const own = await teamOfUser(deps.db, book, viewer.user.id);
      if (own) teams.push(own);
    }
    const now = deps.clock.now();
    const boards = await buildLeaderboards(deps.db, teams.map((team) => ({ team, date: localDateOf(now, team.timeZone) })), period);
    const tabs = html`<nav class="actions" aria-label="${t.consoleNavLeaderboard()}">${PERIODS.map(
      (p) => html`<a class="button ${p === period ? '' : 'secondary'}" href="/console/leaderboard?period=${p}"${p === period ? html` aria-current="page"` : ''}>${t.consolePeriod({ period: p })}</a>`,
    )}</nav>`;
    const body = html`${tabs}${boards.length === 0 ? html`<p class="card">${t.consoleNoTeams()}</p>` : boards.map((board) => html`<section class="card leaderboard">
<h2>${board.teamName}</h2>
<p class="sub">${t.consoleLeaderboardTitle({ period, start: board.period.start })}</p>
<div class="table-wrap"><table>
<thead><tr><th class="num">${t.consoleColRank()}</th><th>${t.consoleColName()}</th><th class="num">${t.consoleColPoints()}</th><th class="num">${t.consoleColVisits()}</th><th class="num">${t.consoleColVerified()}</th></tr></thead>
<tbody>${board.entries.map((e) => html`<tr><td class="num">${e.rank}</td><td>${e.name ?? t.consoleHiddenName()}</td><td class="num">${e.points}</td><td class="num">${e.visits}</td><td class="num">${e.verified}</td></tr>`)}</tbody>
</table></div></section>`)}`;
    return c.html(pageShell({ language: viewer.language, t, title: t.consoleNavLeaderboard(), user: viewer.user, manager: viewer.manager, csrf: viewer.session.csrfToken, current: 'leaderboard', body }));
  });
}
