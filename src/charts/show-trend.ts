import type { Db } from '../core/shared/db.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { User } from '../db/schema.ts';
import type { OutboundMessage } from '../conversation/types.ts';
import { catalogueFor } from '../conversation/i18n/catalogue.ts';
import { addDays, localDateOf } from '../conversation/dates/local-date.ts';
import { loadActor } from '../core/access/load-actor.ts';
import { loadSettingsBook } from '../core/schedules/settings-repository.ts';
import { loadTeam } from '../core/schedules/team-context.ts';
import { loadTeamsWithReps, visibleTeams, type ManagedTeam } from '../core/digests/managed-teams.ts';
import { attachTrendChart } from './attach-charts.ts';
import { loadTrend, median, type TrendTeam } from './trend-data.ts';

/** Lines the text lists (the chart shows the rest, and the text says how many). */
const maxTextLines = 20;

/**
 * `趋势` / `trend` (issue 18): the last 8 weeks as text and, unless the org turned charts off, as a
 * chart beside it, one message per team the person is in or manages (as the weekly digest sends one
 * chart per team). Which teams and which reps go through the digest's own filter
 * (`visibleTeams`: `can()` with `viewTeam`, then `viewPerson` per rep, active reps only): a team the
 * person may read as a whole (they manage it, or they are an admin) lists every rep they may see; in
 * any other team of theirs a rep gets themself against the median of its active reps, which names
 * nobody else. Teams the person manages come first, then the teams they are a member of, each by name.
 */
export async function showTrend({ db, clock }: { db: Db; clock: Clock }, input: { user: User }): Promise<OutboundMessage[]> {
  const t = catalogueFor(input.user.language);
  const user = input.user;
  const [managed, member] = await Promise.all([
    db.selectFrom('teams').select('id').where('manager_id', '=', user.id).where('org_id', '=', user.org_id).execute(),
    db.selectFrom('team_memberships as m').innerJoin('teams as t', 't.id', 'm.team_id').select('t.id').where('m.user_id', '=', user.id).where('t.org_id', '=', user.org_id).execute(),
  ]);
  if (managed.length === 0 && member.length === 0) return [{ text: t.trendNoTeam() }];
  const book = await loadSettingsBook(db);
  const managedIds = new Set(managed.map((r) => r.id));
  const teams = await loadTeamsWithReps(db, book, { teamIds: [...new Set([...managedIds, ...member.map((r) => r.id)])] });
  teams.sort((a, b) => Number(managedIds.has(b.teamId)) - Number(managedIds.has(a.teamId)));
  const actor = await loadActor(db, user);
  const whole = new Map((await visibleTeams(db, actor, teams)).map((team) => [team.teamId, team]));

  const replies: OutboundMessage[] = [];
  for (const team of teams) {
    const readable = whole.get(team.teamId);
    if (readable) {
      if (readable.reps.length > 0) replies.push(await teamTrend(db, clock, user, await trendTeam(db, book, readable)));
    } else if (team.reps.some((r) => r.userId === user.id)) {
      replies.push(await myTrend(db, clock, user, await trendTeam(db, book, team)));
    }
  }
  return replies.length > 0 ? replies : [{ text: t.trendNoReps() }];
}

/** The trend's team: its zone (its own, else its manager's) and the reps it counts. */
async function trendTeam(db: Db, book: Awaited<ReturnType<typeof loadSettingsBook>>, team: ManagedTeam): Promise<TrendTeam> {
  const context = await loadTeam(db, book, team.teamId);
  return { orgId: team.orgId, teamId: team.teamId, name: team.name, timeZone: context!.timeZone, settings: team.settings, repIds: team.reps.map((r) => r.userId) };
}

const sum = (list: number[]) => list.reduce((n, v) => n + v, 0);

/** A team read as a whole: each rep counted, the busiest first. */
async function teamTrend(db: Db, clock: Clock, user: User, team: TrendTeam): Promise<OutboundMessage> {
  const t = catalogueFor(user.language);
  const today = localDateOf(clock.now(), team.timeZone);
  const data = await loadTrend(db, team, today);
  const title = t.trendTeamTitle({ team: team.name, first: data.weeks[0]!.start, last: addDays(data.weeks.at(-1)!.end, -1) });
  const byTotal = [...data.reps].sort((a, b) => sum(b.verified) - sum(a.verified) || (a.name < b.name ? -1 : 1));
  const lines = byTotal
    .slice(0, maxTextLines)
    .map((rep) => t.trendRepLine({ name: rep.name, lastWeek: rep.verified.at(-1)!, total: sum(rep.verified), punctuality: rep.punctuality.at(-1)! }));
  if (byTotal.length > maxTextLines) lines.push(t.trendMore({ count: byTotal.length - maxTextLines }));
  const message: OutboundMessage = { title, text: [title, ...lines].join('\n'), sections: [{ lines }], language: user.language };
  return attachTrendChart(db, clock.now(), { team, lastWeekDate: today, language: user.language, message, data });
}

/** A rep in a team they may not read as a whole: themself against the median of its active reps. */
async function myTrend(db: Db, clock: Clock, user: User, team: TrendTeam): Promise<OutboundMessage> {
  const t = catalogueFor(user.language);
  const today = localDateOf(clock.now(), team.timeZone);
  const data = await loadTrend(db, team, today);
  const title = t.trendMyTitle({ team: team.name, first: data.weeks[0]!.start, last: addDays(data.weeks.at(-1)!.end, -1) });
  const me = data.reps.find((r) => r.userId === user.id);
  const lines = [
    t.trendMyLine({
      lastWeek: me?.verified.at(-1) ?? 0,
      median: median(data.reps.map((r) => r.verified.at(-1)!)),
      total: sum(me?.verified ?? []),
      punctuality: me?.punctuality.at(-1) ?? 0,
    }),
  ];
  const message: OutboundMessage = { title, text: [title, ...lines].join('\n'), sections: [{ lines }], language: user.language };
  return attachTrendChart(db, clock.now(), { team, lastWeekDate: today, language: user.language, message, data, focus: { userId: user.id, name: user.display_name } });
}
