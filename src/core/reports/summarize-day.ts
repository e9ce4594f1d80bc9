import type { Db } from '../shared/db.ts';
import type { CheckInStatus, DailyReportSummary } from '../../db/schema.ts';

export interface DayVisit {
  visitId: string;
  customerName: string;
  startedAt: Date;
  endedAt: Date | null;
  /** The check-in's status, or 'note_only' for a visit logged without one. */
  status: CheckInStatus | 'note_only';
  notes: string | null;
  nextStep: string | null;
  followUpDate: string | null;
}

/**
 * A rep's visits of a local date (the date each was written with: a later zone change moves none),
 * oldest first, with their check-in status.
 */
export async function listDayVisits(db: Db, input: { userId: string; date: string }): Promise<DayVisit[]> {
  const rows = await db
    .selectFrom('visits')
    .innerJoin('customers', 'customers.id', 'visits.customer_id')
    .leftJoin('check_ins', (join) => join.onRef('check_ins.visit_id', '=', 'visits.id').on('check_ins.kind', '=', 'in'))
    .select([
      'visits.id',
      'customers.name',
      'visits.started_at',
      'visits.ended_at',
      'visits.source',
      'check_ins.status',
      'visits.notes',
      'visits.next_step',
      'visits.follow_up_date',
    ])
    .where('visits.user_id', '=', input.userId)
    .where('visits.local_date', '=', input.date)
    .orderBy('visits.started_at')
    .execute();
  return rows.map((r) => ({
    visitId: r.id,
    customerName: r.name,
    startedAt: new Date(r.started_at),
    endedAt: r.ended_at ? new Date(r.ended_at) : null,
    status: r.source === 'note_only' ? 'note_only' : (r.status ?? 'unverified'),
    notes: r.notes,
    nextStep: r.next_step,
    followUpDate: r.follow_up_date,
  }));
}

/** The automatic part of a daily report: counted from the day's visits, never typed by the rep. */
export function summarizeVisits(visits: DayVisit[]): DailyReportSummary {
  const count = (s: DayVisit['status']) => visits.filter((v) => v.status === s).length;
  return {
    visits: visits.length,
    customers: [...new Set(visits.map((v) => v.customerName))],
    verified: count('verified'),
    outside: count('outside'),
    unverified: count('unverified'),
    noteOnly: count('note_only'),
    notes: visits
      .filter((v) => v.notes || v.nextStep || v.followUpDate)
      .map((v) => ({ customer: v.customerName, notes: v.notes, nextStep: v.nextStep, followUp: v.followUpDate })),
    followUps: visits.filter((v) => v.followUpDate).length,
  };
}

export async function summarizeDay(db: Db, input: { userId: string; date: string }): Promise<DailyReportSummary> {
  return summarizeVisits(await listDayVisits(db, input));
}
