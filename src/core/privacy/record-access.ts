import type { Db } from '../shared/db.ts';

/** What was opened about one person: their day, week, a report, their plan, their history. */
export type AccessWhat = 'day' | 'week' | 'report' | 'plan' | 'history' | 'profile';
export type AccessVia = 'chat' | 'api' | 'console';

/**
 * Writes one line of the access log: `viewer` (null: the admin API token) opened `subject`'s individual
 * history. Someone looking at their own records is not logged: the log answers "who looked at me".
 * Called in the viewer's transaction, so a refused or failed view leaves no line.
 */
export async function recordAccess(
  db: Db,
  input: { orgId: string; viewerId: string | null; subjectId: string; what: AccessWhat; via: AccessVia; now: Date },
): Promise<void> {
  if (input.viewerId === input.subjectId) return;
  await db
    .insertInto('access_log')
    .values({ org_id: input.orgId, viewer_id: input.viewerId, subject_id: input.subjectId, what: input.what, via: input.via, at: input.now })
    .execute();
}

export interface AccessLine {
  at: Date;
  /** The viewer's name now; null for the admin API (or a viewer since deleted). */
  viewer: string | null;
  what: AccessWhat;
  via: AccessVia;
}

/** The last `days` of a person's access log, newest first (at most `limit` lines). */
export async function readAccessLog(db: Db, input: { subjectId: string; now: Date; days?: number; limit?: number }): Promise<AccessLine[]> {
  const since = new Date(input.now.getTime() - (input.days ?? 30) * 86_400_000);
  const rows = await db
    .selectFrom('access_log as a')
    .leftJoin('users as u', 'u.id', 'a.viewer_id')
    .select(['a.at', 'a.what', 'a.via', 'u.display_name'])
    .where('a.subject_id', '=', input.subjectId)
    .where('a.at', '>=', since)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(input.limit ?? 50)
    .execute();
  return rows.map((r) => ({ at: new Date(r.at), viewer: r.display_name, what: r.what as AccessWhat, via: r.via }));
}
