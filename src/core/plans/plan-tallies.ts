import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import { localDayRange } from '../shared/local-day.ts';

/** One rep's plan against what they did on a local date (the daily digest's plan line). */
export interface PlanTally {
  planned: number;
  done: number;
  /** Customers of stops not done (named in the digest). */
  missed: string[];
  /** Visits that day to customers nobody planned for it. */
  unplanned: number;
}

/**
 * Plan against actual for each rep on `date` (their own local day): live stops, done, not done by
 * name, and visits nobody planned. One query for the stops of all reps, one per rep with stops that
 * day for the unplanned visits (their days differ by zone); `unplanned` stays 0 for a rep without.
 */
export async function loadPlanTallies(db: Db, reps: readonly { userId: string; timeZone: string }[], date: string): Promise<Map<string, PlanTally>> {
  const out = new Map<string, PlanTally>(reps.map((r) => [r.userId, { planned: 0, done: 0, missed: [], unplanned: 0 }]));
  if (reps.length === 0) return out;
  const ids = reps.map((r) => r.userId);
  const stops = await db
    .selectFrom('visit_plans as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select(['p.user_id', 'p.state', 'c.name'])
    .where('p.user_id', 'in', ids)
    .where('p.local_date', '=', date)
    .where('p.state', '<>', 'cancelled')
    .orderBy('p.typed_seq')
    .execute();
  for (const stop of stops) {
    const tally = out.get(stop.user_id)!;
    tally.planned++;
    if (stop.state === 'done') tally.done++;
    else tally.missed.push(stop.name);
  }
  for (const rep of reps) {
    // Only a rep with stops that day gets a plan line, and so an unplanned count: a digest of 20
    // reps without plans was 20 more round trips (half its time at 10,000 reps, `npm run bench:org`).
    if (out.get(rep.userId)!.planned === 0) continue;
    const { start, end } = localDayRange(date, rep.timeZone);
    const row = await db
      .selectFrom('visits as v')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('v.user_id', '=', rep.userId)
      .where('v.started_at', '>=', start)
      .where('v.started_at', '<', end)
      .where(sql<boolean>`not exists (select 1 from visit_plans p where p.user_id = v.user_id and p.customer_id = v.customer_id and p.local_date = ${date} and p.state <> 'cancelled')`)
      .executeTakeFirstOrThrow();
    out.get(rep.userId)!.unplanned = Number(row.n);
  }
  return out;
}

/**
 * The customers a person visited on their local `date` that nobody planned for that day (the plan
 * view's "unplanned" line), in visit order, each once.
 */
export async function listUnplannedVisits(db: Db, person: { id: string; time_zone: string }, date: string): Promise<string[]> {
  const { start, end } = localDayRange(date, person.time_zone);
  const rows = await db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['c.id', 'c.name'])
    .where('v.user_id', '=', person.id)
    .where('v.started_at', '>=', start)
    .where('v.started_at', '<', end)
    .where(sql<boolean>`not exists (select 1 from visit_plans p where p.user_id = v.user_id and p.customer_id = v.customer_id and p.local_date = ${date} and p.state <> 'cancelled')`)
    .orderBy('v.started_at')
    .execute();
  return [...new Map(rows.map((r) => [r.id, r.name])).values()];
}
