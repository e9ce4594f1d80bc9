import type { Db } from '../shared/db.ts';
import { digestKey } from '../digests/send-digests.ts';
import { raiseAlerts } from './raise-alerts.ts';

/**
 * A report filed after the rep's manager got that day's digest (which listed it as missing): the
 * manager hears of it at once. Only the first filing (an edit is not news), only to managers whose
 * daily digest for that date was written.
 */
export async function alertReportAfterDigest(db: Db, input: { orgId: string; userId: string; reportDate: string; revision: number; now: Date }): Promise<number> {
  if (input.revision !== 1) return 0;
  const managers = await db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select('t.manager_id')
    .distinct()
    .where('m.user_id', '=', input.userId)
    .execute();
  if (managers.length === 0) return 0;
  const keys = managers.map((m) => digestKey('daily', m.manager_id, input.reportDate));
  const sent = await db.selectFrom('scheduled_sends').select(['user_id']).where('key', 'in', keys).execute();
  return raiseAlerts(db, {
    orgId: input.orgId,
    subjectUserId: input.userId,
    now: input.now,
    onlyManagers: sent.map((s) => s.user_id!).filter(Boolean),
    alerts: [{ kind: 'lateReport', about: `${input.userId}:${input.reportDate}`, detail: { date: input.reportDate, at: input.now.toISOString() } }],
  });
}
