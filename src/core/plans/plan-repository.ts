import { sql, type QueryCreator } from 'kysely';
import type { Db } from '../shared/db.ts';
import type { Database, User, VisitPlanState } from '../../db/schema.ts';
import type { LatLng } from '../../geo/index.ts';
import { localDayRange } from '../shared/local-day.ts';

/** One stop as a plan listing needs it: the plan, its customer and, when done, the check-in's status. */
export interface PlanStop {
  id: string;
  userId: string;
  customerId: string;
  customerName: string;
  localDate: string;
  minute: number | null;
  purpose: string | null;
  expected: string | null;
  state: VisitPlanState;
  plannedBy: string | null;
  plannedByName: string | null;
  visitId: string | null;
  /** WGS-84 position of the customer, when known. */
  lat: number | null;
  lng: number | null;
  checkInStatus: 'verified' | 'outside' | 'unverified' | null;
}

/** The stops of one person between two local dates (inclusive), in typed order, cancelled ones too. */
export async function listPlanStops(db: Db, userId: string, from: string, to: string): Promise<PlanStop[]> {
  const rows = await db
    .selectFrom('visit_plans as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('users as planner', 'planner.id', 'p.planned_by')
    .leftJoin('check_ins as ci', (join) => join.onRef('ci.visit_id', '=', 'p.visit_id').on('ci.kind', '=', 'in'))
    .select([
      'p.id', 'p.user_id', 'p.customer_id', 'c.name', 'p.local_date', 'p.planned_minute', 'p.purpose', 'p.expected_result',
      'p.state', 'p.planned_by', 'planner.display_name as planner_name', 'p.visit_id', 'c.lat', 'c.lng', 'ci.status',
    ])
    .where('p.user_id', '=', userId)
    .where('p.local_date', '>=', from)
    .where('p.local_date', '<=', to)
    .orderBy('p.local_date')
    .orderBy('p.typed_seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    customerId: r.customer_id,
    customerName: r.name,
    localDate: typeof r.local_date === 'string' ? r.local_date : isoDate(r.local_date),
    minute: r.planned_minute,
    purpose: r.purpose,
    expected: r.expected_result,
    state: r.state,
    plannedBy: r.planned_by,
    plannedByName: r.planner_name,
    visitId: r.visit_id,
    lat: r.lat,
    lng: r.lng,
    checkInStatus: r.status,
  }));
}

/** pg hands `date` columns back as Date unless told otherwise; PGlite as a string. */
function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** The live (not cancelled) stops of one person on one date. */
export async function countLiveStops(db: Db, userId: string, date: string): Promise<number> {
  const row = await db
    .selectFrom('visit_plans')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('local_date', '=', date)
    .where('state', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewStop {
  orgId: string;
  userId: string;
  customerId: string;
  date: string;
  minute: number | null;
  purpose: string | null;
  expected: string | null;
  plannedBy: string;
}

/**
 * Plans a stop; planning the same customer again for the same day updates that stop (time, purpose
 * and expected result given anew; a missed or done stop stays as it is). Returns whether it was new.
 */
export async function upsertStop(db: Db, stop: NewStop, now: Date): Promise<{ id: string; created: boolean }> {
  const existing = await db
    .selectFrom('visit_plans')
    .select(['id', 'state'])
    .where('user_id', '=', stop.userId)
    .where('customer_id', '=', stop.customerId)
    .where('local_date', '=', stop.date)
    .where('state', '<>', 'cancelled')
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('visit_plans')
      .set({
        ...(stop.minute !== null ? { planned_minute: stop.minute } : {}),
        ...(stop.purpose !== null ? { purpose: stop.purpose } : {}),
        ...(stop.expected !== null ? { expected_result: stop.expected } : {}),
        planned_by: stop.plannedBy,
        updated_at: now,
      })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false };
  }
  const row = await db
    .insertInto('visit_plans')
    .values({
      org_id: stop.orgId,
      user_id: stop.userId,
      customer_id: stop.customerId,
      local_date: stop.date,
      planned_minute: stop.minute,
      purpose: stop.purpose,
      expected_result: stop.expected,
      planned_by: stop.plannedBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

/** The open (planned) stop of a person at a customer on `date`, or the nearest open one from `today` on. */
export async function findOpenStop(db: Db, input: { userId: string; customerId: string; date?: string; today: string }) {
  let query = db
    .selectFrom('visit_plans')
    .select(['id', 'local_date', 'planned_minute', 'org_id'])
    .where('user_id', '=', input.userId)
    .where('customer_id', '=', input.customerId)
    .where('state', '=', 'planned');
  query = input.date ? query.where('local_date', '=', input.date) : query.where('local_date', '>=', input.today);
  const row = await query.orderBy('local_date').executeTakeFirst();
  return row ? { ...row, local_date: isoDate(row.local_date) } : undefined;
}

/**
 * A check-in at a customer the person planned for that local day marks the stop done and remembers
 * the visit. Returned unexecuted: a check-in runs it inside its own insert (record-check-in.ts), one
 * round trip for the visit, its check-in and the plan, so both check-in paths (chat, location page) share it.
 */
export function fulfilPlannedStopQuery(db: QueryCreator<Database>, input: { userId: string; customerId: string; visitId: string; at: Date }) {
  return db
    .updateTable('visit_plans as p')
    .from('users as u')
    .set({ state: 'done', visit_id: input.visitId, updated_at: input.at })
    .whereRef('u.id', '=', 'p.user_id')
    .where('p.user_id', '=', input.userId)
    .where('p.customer_id', '=', input.customerId)
    .where('p.state', '=', 'planned')
    .where('p.local_date', '=', sql<string>`(${input.at}::timestamptz at time zone u.time_zone)::date`);
}

/** Where a day's route starts: that day's first located check-in, else the person's start point. */
export async function originOfDay(db: Db, person: Pick<User, 'id' | 'time_zone'>, date: string): Promise<LatLng | null> {
  const { start, end } = localDayRange(date, person.time_zone);
  const first = await db
    .selectFrom('check_ins')
    .select(['lat', 'lng'])
    .where('user_id', '=', person.id)
    .where('kind', '=', 'in')
    .where('at', '>=', start)
    .where('at', '<', end)
    .where('lat', 'is not', null)
    .orderBy('at')
    .executeTakeFirst();
  if (first?.lat != null && first.lng != null) return { lat: first.lat, lng: first.lng };
  const home = await db.selectFrom('plan_start_points').select(['lat', 'lng']).where('user_id', '=', person.id).executeTakeFirst();
  return home ?? null;
}
