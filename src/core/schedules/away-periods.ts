import type { Db } from '../shared/db.ts';
import { addDays } from '../../conversation/dates/local-date.ts';

/**
 * The history of `请假` / `away`: user_schedule_prefs.away_until says whether someone is away now
 * (reminders, digests); these periods say which past days they were, so a manager looking back at a
 * week reads 请假 rather than "report missing".
 */

/** Records `请假` said on local `today` through `until` (inclusive). */
export async function recordAwayPeriod(db: Db, userId: string, today: string, until: string, now: Date): Promise<void> {
  await db.insertInto('away_periods').values({ user_id: userId, first_date: today, last_date: until, created_at: now }).execute();
}

/**
 * `恢复` / `back` on local `today`: today is a working day again, so periods reaching it end
 * yesterday; one that only started today never happened.
 */
export async function endAwayPeriods(db: Db, userId: string, today: string): Promise<void> {
  await db.deleteFrom('away_periods').where('user_id', '=', userId).where('first_date', '>=', today).execute();
  await db
    .updateTable('away_periods')
    .set({ last_date: addDays(today, -1) })
    .where('user_id', '=', userId)
    .where('last_date', '>=', today)
    .execute();
}

/** The local dates in `from`..`to` (inclusive) on which the person was away. */
export async function loadAwayDates(db: Db, userId: string, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('away_periods')
    .select(['first_date', 'last_date'])
    .where('user_id', '=', userId)
    .where('first_date', '<=', to)
    .where('last_date', '>=', from)
    .execute();
  const dates = new Set<string>();
  for (const r of rows) {
    const first = String(r.first_date) > from ? String(r.first_date) : from;
    const last = String(r.last_date) < to ? String(r.last_date) : to;
    for (let date = first; date <= last; date = addDays(date, 1)) dates.add(date);
  }
  return dates;
}
