import type { Db } from '../shared/db.ts';

/** Kinds of reminder a person can turn off one by one. */
export const reminderKinds = ['report', 'checkout', 'followup', 'overdue', 'plan'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** A person's own choices about scheduled messages. */
export interface SchedulePrefs {
  /** Away through this local date (inclusive): no reminders or digests until the day after. */
  awayUntil: string | null;
  remindersOff: readonly string[];
  leaderboardOptOut: boolean;
}

export const noPrefs: SchedulePrefs = Object.freeze({ awayUntil: null, remindersOff: [], leaderboardOptOut: false });

/** True when the person is away on local `date`. */
export function isAway(prefs: Pick<SchedulePrefs, 'awayUntil'>, date: string): boolean {
  return prefs.awayUntil !== null && date <= prefs.awayUntil;
}

/** Whether a reminder kind reaches the person on `date` (not away, kind not turned off). */
export function wantsReminder(prefs: SchedulePrefs, kind: ReminderKind, date: string): boolean {
  return !isAway(prefs, date) && !prefs.remindersOff.includes(kind);
}

export async function loadPrefs(db: Db, userId: string): Promise<SchedulePrefs> {
  const row = await db.selectFrom('user_schedule_prefs').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row ? { awayUntil: row.away_until, remindersOff: row.reminders_off, leaderboardOptOut: row.leaderboard_opt_out } : noPrefs;
}

/** Upserts part of a person's prefs. */
export async function savePrefs(
  db: Db,
  userId: string,
  patch: { awayUntil?: string | null; remindersOff?: string[]; leaderboardOptOut?: boolean },
  now: Date,
): Promise<void> {
  const values = {
    ...(patch.awayUntil !== undefined ? { away_until: patch.awayUntil } : {}),
    ...(patch.remindersOff !== undefined ? { reminders_off: patch.remindersOff } : {}),
    ...(patch.leaderboardOptOut !== undefined ? { leaderboard_opt_out: patch.leaderboardOptOut } : {}),
    updated_at: now,
  };
  await db
    .insertInto('user_schedule_prefs')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
