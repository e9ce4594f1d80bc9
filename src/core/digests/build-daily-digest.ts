import type { Db } from '../shared/db.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import { findOverdueCustomers } from '../schedules/overdue-customers.ts';
import type { ManagedTeam } from './managed-teams.ts';
import type { DailyDigest, RepDay } from './types.ts';
import { loadPlanTallies } from '../plans/plan-tallies.ts';
import { isWorkday } from '../schedules/calendar.ts';

/**
 * A manager's daily digest for local `date`: per rep, the visits of their own local day (verified /
 * outside), customers seen, report in / late / missing, check-ins without check-out, off-site
 * check-ins with distance, check-ins with a simulated or imprecise location, follow-ups due tomorrow and their overdue key customers
 * (a rep away that day, 请假, owes no report). Six queries for
 * all reps together, issued at once, whatever the team size (plus one per rep with plan stops that day).
 */
export async function buildDailyDigest(
  db: Db,
  input: { managerId: string; date: string; now: Date; teams: ManagedTeam[] },
): Promise<DailyDigest> {
  const reps = input.teams.flatMap((t) => t.reps);
  const ids = [...new Set(reps.map((r) => r.userId))];
  const settingsOf = new Map(input.teams.flatMap((t) => t.reps.map((r) => [r.userId, t.settings] as const)));
  // No report on a day the rep's team does not work (a weekend, a holiday) is not a missing one.
  const days = new Map<string, Omit<RepDay, 'userId' | 'name'>>(
    ids.map((id) => [
      id,
      {
        visits: { total: 0, verified: 0, outside: 0, unverified: 0, noteOnly: 0 },
        customers: [],
        report: isWorkday(input.date, settingsOf.get(id)!) ? 'missing' : 'dayOff',
        openCheckIns: [], offSite: [], doubtfulLocations: [], followUpsTomorrow: [], overdueCustomers: [],
      },
    ]),
  );
  if (ids.length > 0) {
    // Five independent reads, issued together: one wait for the database instead of five in a row
    // (on a pool they run side by side; on one connection or in a transaction they queue as before).
    // The plan stops used to be read after the other four: one more wait per digest for nothing.
    const [visits, reports, followUps, overdue, plans, away] = await Promise.all([
      db
        .selectFrom('visits as v')
        .innerJoin('customers as c', 'c.id', 'v.customer_id')
        .leftJoin('check_ins as ci', (join) => join.onRef('ci.visit_id', '=', 'v.id').on('ci.kind', '=', 'in'))
        .select(['v.user_id', 'v.source', 'v.started_at', 'v.ended_at', 'c.name', 'ci.status', 'ci.distance_m', 'ci.mocked', 'ci.accuracy_flagged'])
        .where('v.user_id', 'in', ids)
        // The date each visit was written with: a rep's later zone change moves none of them.
        .where('v.local_date', '=', input.date)
        .orderBy('v.started_at')
        .execute(),
      db
        .selectFrom('daily_reports as r')
        .select(['r.user_id', 'r.late'])
        // Whether this digest's manager already answered or read the report (issue 15).
        .select((eb) => [
          eb.exists(eb.selectFrom('comments as cm').select('cm.id').whereRef('cm.report_id', '=', 'r.id').where('cm.author_id', '=', input.managerId)).as('answered'),
          eb.exists(eb.selectFrom('report_reads as rr').select('rr.report_id').whereRef('rr.report_id', '=', 'r.id').where('rr.reader_id', '=', input.managerId)).as('read'),
        ])
        .where('r.user_id', 'in', ids)
        .where('r.report_date', '=', input.date)
        .execute(),
      db
        .selectFrom('visits as v')
        .innerJoin('customers as c', 'c.id', 'v.customer_id')
        .select(['v.user_id', 'c.name', 'v.next_step'])
        .where('v.user_id', 'in', ids)
        .where('v.follow_up_date', '=', addDays(input.date, 1))
        .orderBy('c.name')
        .execute(),
      findOverdueCustomers(db, { ownerIds: ids, now: input.now, daysFor: (id) => settingsOf.get(id)!.reminders.keyCustomerDays }),
      loadPlanTallies(db, reps, input.date),
      // Who said they were away that day (请假): no report is due from them.
      db.selectFrom('away_periods').select('user_id').where('user_id', 'in', ids).where('first_date', '<=', input.date).where('last_date', '>=', input.date).execute(),
    ]);
    for (const a of away) {
      const day = days.get(a.user_id)!;
      if (day.report === 'missing') day.report = 'away';
    }
    for (const v of visits) {
      const started = new Date(v.started_at);
      const day = days.get(v.user_id)!;
      const status = v.source === 'note_only' ? 'noteOnly' : (v.status ?? 'unverified');
      day.visits.total++;
      day.visits[status]++;
      if (!day.customers.includes(v.name)) day.customers.push(v.name);
      if (v.source === 'check_in' && !v.ended_at) day.openCheckIns.push({ customer: v.name, since: started.toISOString() });
      if (v.status === 'outside') day.offSite.push({ customer: v.name, distanceM: Math.round(v.distance_m ?? 0) });
      if (v.mocked) day.doubtfulLocations.push({ customer: v.name, reason: 'mocked' });
      else if (v.accuracy_flagged) day.doubtfulLocations.push({ customer: v.name, reason: 'inaccurate' });
    }
    for (const r of reports) {
      const day = days.get(r.user_id)!;
      day.report = r.late ? 'late' : 'in';
      if (r.answered) day.feedback = 'answered';
      else if (r.read) day.feedback = 'read';
    }
    for (const f of followUps) days.get(f.user_id)!.followUpsTomorrow.push({ customer: f.name, nextStep: f.next_step });
    for (const [owner, list] of overdue) days.get(owner)!.overdueCustomers = list;
    for (const [userId, tally] of plans) if (tally.planned > 0) days.get(userId)!.plan = tally;
  }
  return {
    kind: 'daily',
    managerId: input.managerId,
    date: input.date,
    teams: input.teams.map((t) => ({ teamId: t.teamId, name: t.name, reps: t.reps.map((r) => ({ userId: r.userId, name: r.name, ...days.get(r.userId)! })) })),
  };
}
