import type { Db } from '../shared/db.ts';
import type { CheckInStatus } from '../../db/schema.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import { listPlanStops } from '../plans/plan-repository.ts';
import type { DayStanding } from './day-standing.ts';

/** One visit of a person's day as a manager reads it: the check-in's result and distance, notes, next step. */
export interface DayVisitDetail {
  startedAt: Date;
  customer: string;
  /** The check-in's result, or 'note_only' for a visit logged without a check-in. */
  status: CheckInStatus | 'note_only';
  distanceM: number | null;
  /** A check-in still without a check-out. */
  open: boolean;
  notes: string | null;
  nextStep: string | null;
  followUp: string | null;
}

/** A person's visits of their local `date` (as written: a later zone change moves none), oldest first. */
export async function loadDayVisits(db: Db, person: { id: string; time_zone: string }, date: string): Promise<DayVisitDetail[]> {
  const rows = await db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .leftJoin('check_ins as ci', (join) => join.onRef('ci.visit_id', '=', 'v.id').on('ci.kind', '=', 'in'))
    .select(['v.started_at', 'v.ended_at', 'v.source', 'v.notes', 'v.next_step', 'v.follow_up_date', 'c.name', 'ci.status', 'ci.distance_m'])
    .where('v.user_id', '=', person.id)
    .where('v.local_date', '=', date)
    .orderBy('v.started_at')
    .execute();
  return rows.map((r) => ({
    startedAt: new Date(r.started_at),
    customer: r.name,
    status: r.source === 'note_only' ? 'note_only' : (r.status ?? 'unverified'),
    distanceM: r.distance_m === null ? null : Math.round(r.distance_m),
    open: r.source === 'check_in' && !r.ended_at,
    notes: r.notes,
    nextStep: r.next_step,
    followUp: r.follow_up_date,
  }));
}

/** One day of a person's week in figures. */
export interface WeekDayFigures {
  date: string;
  visits: number;
  verified: number;
  outside: number;
  /**
   * `dayOff`: none filed on a day that is not one of the team's workdays (weekend, holiday); `away`:
   * none on a day they said they were away; `notJoined`: a day before they joined. None is missing.
   */
  report: 'in' | 'late' | 'missing' | Exclude<DayStanding, 'workday'>;
  planned: number;
  planDone: number;
}

/**
 * A person's local dates `from`..`to` (inclusive) day by day: visits (verified, outside), the report,
 * planned stops and how many were done. Three queries for the whole week. `standing` tells what each
 * day was (day-standing.ts): no report is missing only on a workday.
 */
export async function loadWeekFigures(
  db: Db,
  person: { id: string; time_zone: string },
  from: string,
  to: string,
  standing: (date: string) => DayStanding = () => 'workday',
): Promise<WeekDayFigures[]> {
  const [visits, reports, stops] = await Promise.all([
    db
      .selectFrom('visits as v')
      .leftJoin('check_ins as ci', (join) => join.onRef('ci.visit_id', '=', 'v.id').on('ci.kind', '=', 'in'))
      .select(['v.local_date', 'ci.status'])
      .where('v.user_id', '=', person.id)
      .where('v.local_date', '>=', from)
      .where('v.local_date', '<=', to)
      .execute(),
    db.selectFrom('daily_reports').select(['report_date', 'late']).where('user_id', '=', person.id).where('report_date', '>=', from).where('report_date', '<=', to).execute(),
    listPlanStops(db, person.id, from, to),
  ]);
  const days: WeekDayFigures[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const ofDay = visits.filter((v) => String(v.local_date) === date);
    const report = reports.find((r) => String(r.report_date) === date);
    const planned = stops.filter((s) => s.localDate === date && s.state !== 'cancelled');
    days.push({
      date,
      visits: ofDay.length,
      verified: ofDay.filter((v) => v.status === 'verified').length,
      outside: ofDay.filter((v) => v.status === 'outside').length,
      report: report ? (report.late ? 'late' : 'in') : reportAbsence(standing(date)),
      planned: planned.length,
      planDone: planned.filter((s) => s.state === 'done').length,
    });
  }
  return days;
}

/** What a day without a report says: missing only when one was due. */
function reportAbsence(standing: DayStanding): WeekDayFigures['report'] {
  return standing === 'workday' ? 'missing' : standing;
}
