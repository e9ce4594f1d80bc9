import type { Db } from '../core/shared/db.ts';
import type { Clock } from '../core/shared/clock.ts';
import type { User } from '../db/schema.ts';
import type { OutboundMessage } from '../conversation/types.ts';
import { catalogueFor } from '../conversation/i18n/catalogue.ts';
import { addDays, localDateOf } from '../conversation/dates/local-date.ts';
import { loadActor } from '../core/access/load-actor.ts';
import { can } from '../core/access/permissions.ts';
import { loadSettingsBook } from '../core/schedules/settings-repository.ts';
import { teamOfUser } from '../core/schedules/team-context.ts';
import { attachTrendChart } from './attach-charts.ts';
import { loadTrend, median } from './trend-data.ts';

/** Lines the text lists (the chart shows the rest, and the text says how many). */
const maxTextLines = 20;

/**
 * `趋势` / `trend` (issue 18): the last 8 weeks as text and, unless the org turned charts off, as a
 * chart beside it. Whoever may see the team's trend (its manager, an admin: `viewTeamTrend`) gets
 * every rep by name; a rep gets themself against the team's median, which names nobody else.
 */
export async function showTrend({ db, clock }: { db: Db; clock: Clock }, input: { user: User }): Promise<OutboundMessage> {
  const t = catalogueFor(input.user.language);
  const team = await teamOfUser(db, await loadSettingsBook(db), input.user.id);
  if (!team) return { text: t.trendNoTeam() };
  const actor = await loadActor(db, input.user);
  const wholeTeam = can(actor, { action: 'viewTeamTrend', orgId: team.orgId, teamId: team.id });
  const today = localDateOf(clock.now(), team.timeZone);
  const teamInput = { orgId: team.orgId, teamId: team.id, name: team.name, timeZone: team.timeZone, settings: team.settings };
  const data = await loadTrend(db, teamInput, today);
  if (data.reps.length === 0) return { text: t.trendNoReps() };
  const first = data.weeks[0]!.start;
  const last = addDays(data.weeks.at(-1)!.end, -1);
  const sum = (list: number[]) => list.reduce((n, v) => n + v, 0);
  let title: string;
  const lines: string[] = [];
  if (wholeTeam) {
    title = t.trendTeamTitle({ team: team.name, first, last });
    const byTotal = [...data.reps].sort((a, b) => sum(b.verified) - sum(a.verified) || (a.name < b.name ? -1 : 1));
    for (const rep of byTotal.slice(0, maxTextLines)) {
      lines.push(t.trendRepLine({ name: rep.name, lastWeek: rep.verified.at(-1)!, total: sum(rep.verified), punctuality: rep.punctuality.at(-1)! }));
    }
    if (byTotal.length > maxTextLines) lines.push(t.trendMore({ count: byTotal.length - maxTextLines }));
  } else {
    title = t.trendMyTitle({ first, last });
    const me = data.reps.find((r) => r.userId === input.user.id);
    lines.push(
      t.trendMyLine({
        lastWeek: me?.verified.at(-1) ?? 0,
        median: median(data.reps.map((r) => r.verified.at(-1)!)),
        total: sum(me?.verified ?? []),
        punctuality: me?.punctuality.at(-1) ?? 0,
      }),
    );
  }
  const message: OutboundMessage = { title, text: [title, ...lines].join('\n'), sections: [{ lines }], language: input.user.language };
  return attachTrendChart(db, clock.now(), {
    team: teamInput,
    lastWeekDate: today,
    language: input.user.language,
    message,
    data,
    ...(wholeTeam ? {} : { focus: { userId: input.user.id, name: input.user.display_name } }),
  });
}
