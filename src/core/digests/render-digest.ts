import type { Language } from '../../conversation/intents/types.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';
import { digestEnUS } from './messages-en-US.ts';
import { digestZhCN } from './messages-zh-CN.ts';
import type { DailyDigest, Digest, WeeklyDigest } from './types.ts';

export function digestMessages(language: Language): typeof digestEnUS {
  return language === 'zh-CN' ? digestZhCN : digestEnUS;
}

/** Renders a digest as a title and plain text in the manager's language; times on the manager's clock. */
export function renderDigest(digest: Digest, language: Language, timeZone: string): OutboundMessage {
  return digest.kind === 'daily' ? renderDaily(digest, language, timeZone) : renderWeekly(digest, language);
}

function renderDaily(digest: DailyDigest, language: Language, timeZone: string): OutboundMessage {
  const t = digestMessages(language);
  const title = t.dailyTitle({ date: digest.date });
  const lines = [title];
  const list = (names: string[]) => names.join(language === 'zh-CN' ? '、' : ', ');
  for (const team of digest.teams) {
    lines.push('');
    if (team.reps.length === 0) {
      lines.push(t.noReps({ team: team.name }));
      continue;
    }
    const count = (pick: (r: (typeof team.reps)[number]) => number) => team.reps.reduce((n, r) => n + pick(r), 0);
    lines.push(
      t.dailyTeam({
        team: team.name,
        reps: team.reps.length,
        visits: count((r) => r.visits.total),
        verified: count((r) => r.visits.verified),
        outside: count((r) => r.visits.outside),
        reportsIn: count((r) => (r.report === 'in' ? 1 : 0)),
        late: count((r) => (r.report === 'late' ? 1 : 0)),
        missing: count((r) => (r.report === 'missing' ? 1 : 0)),
      }),
    );
    for (const rep of team.reps) {
      lines.push(t.dailyRep({ name: rep.name, visits: rep.visits.total, verified: rep.visits.verified, outside: rep.visits.outside, customers: list(rep.customers), report: rep.report }));
      for (const open of rep.openCheckIns) lines.push(t.openCheckIn({ customer: open.customer, since: formatLocalTime(new Date(open.since), timeZone) }));
      for (const off of rep.offSite) lines.push(t.offSite(off));
      for (const doubt of rep.doubtfulLocations) lines.push(t.doubtfulLocation(doubt));
      for (const f of rep.followUpsTomorrow) lines.push(t.followUpTomorrow({ customer: f.customer, nextStep: f.nextStep ?? '' }));
      for (const o of rep.overdueCustomers) lines.push(t.overdue({ customer: o.name, tier: o.tier, days: o.days }));
    }
  }
  return { title, text: lines.join('\n') };
}

function renderWeekly(digest: WeeklyDigest, language: Language): OutboundMessage {
  const t = digestMessages(language);
  const title = t.weeklyTitle({ start: digest.week.start, last: addDays(digest.week.end, -1) });
  const lines = [title];
  const trend = (now: number, before: number) => t.trend({ delta: now - before });
  for (const team of digest.teams) {
    lines.push('');
    if (team.reps.length === 0) {
      lines.push(t.noReps({ team: team.name }));
      continue;
    }
    const c = team.current;
    const p = team.previous;
    lines.push(
      t.weeklyTeam({
        team: team.name, visits: c.visits, visitsTrend: trend(c.visits, p.visits), verified: c.verified, verifiedTrend: trend(c.verified, p.verified),
        outside: c.outside, reportsIn: c.reportsIn, late: c.reportsLate, missing: c.reportsMissing, points: c.points, pointsTrend: trend(c.points, p.points),
      }),
    );
    for (const rep of team.reps) {
      const r = rep.current;
      const b = rep.previous;
      lines.push(
        t.weeklyRep({
          name: rep.name, visits: r.visits, visitsTrend: trend(r.visits, b.visits), verified: r.verified, verifiedTrend: trend(r.verified, b.verified),
          outside: r.outside, customers: r.customers, reportsIn: r.reportsIn, late: r.reportsLate, missing: r.reportsMissing, points: r.points, pointsTrend: trend(r.points, b.points),
        }),
      );
    }
  }
  return { title, text: lines.join('\n') };
}
