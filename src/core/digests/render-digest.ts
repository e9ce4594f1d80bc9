import type { Language } from '../../conversation/intents/types.ts';
import type { MessageSection, OutboundMessage } from '../../conversation/types.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import { digestEnUS } from './messages-en-US.ts';
import { digestZhCN } from './messages-zh-CN.ts';
import type { DailyDigest, Digest, WeeklyDigest } from './types.ts';

export function digestMessages(language: Language): typeof digestEnUS {
  return language === 'zh-CN' ? digestZhCN : digestEnUS;
}

/**
 * Renders a digest in the manager's language, times on the manager's clock: a title, one section per
 * team (its summary as the heading, a line per rep with their details as bullets), and the plain text
 * (the title, then each team after a blank line) that the local chat and notifications show.
 */
export function renderDigest(digest: Digest, language: Language, timeZone: string): OutboundMessage {
  return digest.kind === 'daily' ? renderDaily(digest, language, timeZone) : renderWeekly(digest, language);
}

function renderDaily(digest: DailyDigest, language: Language, timeZone: string): OutboundMessage {
  const t = digestMessages(language);
  const title = t.dailyTitle({ date: digest.date });
  const list = (names: string[]) => names.join(language === 'zh-CN' ? '、' : ', ');
  const sections = digest.teams.map((team): MessageSection => {
    if (team.reps.length === 0) return { heading: t.noReps({ team: team.name }), lines: [] };
    const count = (pick: (r: (typeof team.reps)[number]) => number) => team.reps.reduce((n, r) => n + pick(r), 0);
    const heading = t.dailyTeam({
      team: team.name,
      reps: team.reps.length,
      visits: count((r) => r.visits.total),
      verified: count((r) => r.visits.verified),
      outside: count((r) => r.visits.outside),
      reportsIn: count((r) => (r.report === 'in' ? 1 : 0)),
      late: count((r) => (r.report === 'late' ? 1 : 0)),
      missing: count((r) => (r.report === 'missing' ? 1 : 0)),
    });
    const lines: string[] = [];
    for (const rep of team.reps) {
      lines.push(t.dailyRep({ name: rep.name, visits: rep.visits.total, verified: rep.visits.verified, outside: rep.visits.outside, customers: list(rep.customers), report: rep.report }));
      if (rep.feedback) lines.push(t.reportFeedback({ feedback: rep.feedback }));
      for (const open of rep.openCheckIns) lines.push(t.openCheckIn({ customer: open.customer, since: formatLocalTime(new Date(open.since), timeZone) }));
      for (const off of rep.offSite) lines.push(t.offSite(off));
      for (const doubt of rep.doubtfulLocations) lines.push(t.doubtfulLocation(doubt));
      for (const f of rep.followUpsTomorrow) lines.push(t.followUpTomorrow({ customer: f.customer, nextStep: f.nextStep ?? '' }));
      for (const o of rep.overdueCustomers) lines.push(t.overdue({ customer: o.name, tier: o.tier, days: o.days }));
      if (rep.plan) lines.push(t.planLine({ planned: rep.plan.planned, done: rep.plan.done, missed: list(rep.plan.missed), unplanned: rep.plan.unplanned }));
    }
    return { heading, lines };
  });
  return structured(title, sections, language);
}

function renderWeekly(digest: WeeklyDigest, language: Language): OutboundMessage {
  const t = digestMessages(language);
  const title = t.weeklyTitle({ start: digest.week.start, last: addDays(digest.week.end, -1) });
  const trend = (now: number, before: number) => t.trend({ delta: now - before });
  const sections = digest.teams.map((team): MessageSection => {
    if (team.reps.length === 0) return { heading: t.noReps({ team: team.name }), lines: [] };
    const c = team.current;
    const p = team.previous;
    const heading = t.weeklyTeam({
      team: team.name, visits: c.visits, visitsTrend: trend(c.visits, p.visits), verified: c.verified, verifiedTrend: trend(c.verified, p.verified),
      outside: c.outside, reportsIn: c.reportsIn, late: c.reportsLate, missing: c.reportsMissing, points: c.points, pointsTrend: trend(c.points, p.points),
    });
    const lines = team.reps.flatMap((rep) => {
      const r = rep.current;
      const b = rep.previous;
      const line = t.weeklyRep({
        name: rep.name, visits: r.visits, visitsTrend: trend(r.visits, b.visits), verified: r.verified, verifiedTrend: trend(r.verified, b.verified),
        outside: r.outside, customers: r.customers, reportsIn: r.reportsIn, late: r.reportsLate, missing: r.reportsMissing, points: r.points, pointsTrend: trend(r.points, b.points),
      });
      return rep.plan ? [line, t.weeklyPlan({ current: rep.plan.current, previous: rep.plan.previous })] : [line];
    });
    if (team.coverage) lines.push(t.coverage({ current: team.coverage.current, previous: team.coverage.previous }));
    return { heading, lines };
  });
  return structured(title, sections, language);
}

/** The plain text is the title, then each team after a blank line: its heading, then its lines. */
export function structured(title: string, sections: MessageSection[], language: Language): OutboundMessage {
  const text = [title, ...sections.flatMap((s) => ['', ...(s.heading ? [s.heading] : []), ...s.lines])].join('\n');
  return { title, text, sections, language };
}
