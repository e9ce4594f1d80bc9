import type { Db } from '../shared/db.ts';
import type { AlertDetail, AlertKind } from '../../db/schema.ts';
import { flushManagerAlerts, windowStart } from './flush-alerts.ts';

export interface RaisedAlert {
  kind: AlertKind;
  /** What it is about (a check-in's id, `<report user>:<date>`): with the kind and manager, its natural key. */
  about: string;
  /** Everything but the rep's name, which is read here. */
  detail: Omit<AlertDetail, 'person'>;
}

export interface RaiseInput {
  orgId: string;
  subjectUserId: string;
  now: Date;
  alerts: readonly RaisedAlert[];
  /** Only these of the rep's managers (a report after their digest). */
  onlyManagers?: readonly string[];
  /** These managers instead of the rep's (a join request goes to the team asked, not yet the rep's). */
  toManagers?: readonly string[];
}

/**
 * Raises alerts about a rep to the managers of the teams they are in (never to themselves), except
 * managers who switched that kind off. Stored in the caller's transaction (so an alert exists only if
 * what it tells about committed), once per natural key; then each manager's alerts go out at once
 * unless their 10-minute window or quiet hours hold them for the scheduler's next pass.
 */
export async function raiseAlerts(db: Db, input: RaiseInput): Promise<number> {
  if (input.alerts.length === 0 || input.onlyManagers?.length === 0 || input.toManagers?.length === 0) return 0;
  const managers = await recipients(db, input);
  const rows = managers.flatMap((m) =>
    input.alerts
      .filter((a) => !(m.alerts_off ?? []).includes(a.kind))
      .map((a) => ({ manager_id: m.manager_id, kind: a.kind, natural_key: `${a.kind}:${a.about}:${m.manager_id}`, detail: a.detail })),
  );
  if (rows.length === 0) return 0;
  const person = await db.selectFrom('users').select('display_name').where('id', '=', input.subjectUserId).executeTakeFirstOrThrow();
  const inserted = await db
    .insertInto('manager_alerts')
    .values(
      rows.map((r) => ({
        ...r,
        org_id: input.orgId,
        subject_user_id: input.subjectUserId,
        detail: JSON.stringify({ person: person.display_name, ...r.detail }),
        created_at: input.now,
      })),
    )
    .onConflict((oc) => oc.column('natural_key').doNothing())
    .returning('manager_id')
    .execute();
  for (const managerId of [...new Set(inserted.map((r) => r.manager_id))].sort()) await flushManagerAlerts(db, managerId, input.now);
  return inserted.length;
}

async function recipients(db: Db, input: RaiseInput): Promise<{ manager_id: string; alerts_off: string[] | null }[]> {
  if (input.toManagers) {
    return db
      .selectFrom('users as u')
      .leftJoin('user_schedule_prefs as p', 'p.user_id', 'u.id')
      .select(['u.id as manager_id', 'p.alerts_off'])
      .where('u.id', 'in', [...input.toManagers])
      .where('u.id', '<>', input.subjectUserId)
      .execute();
  }
  let query = db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .leftJoin('user_schedule_prefs as p', 'p.user_id', 't.manager_id')
    .select(['t.manager_id', 'p.alerts_off'])
    .distinct()
    .where('m.user_id', '=', input.subjectUserId)
    .where('t.manager_id', '<>', input.subjectUserId);
  if (input.onlyManagers) query = query.where('t.manager_id', 'in', [...input.onlyManagers]);
  return query.execute();
}

/** Managers with alerts waiting that may go now (a join request, or a window that has passed). */
export async function managersWithDueAlerts(db: Db, now: Date, windowMinutes: number): Promise<string[]> {
  const rows = await db
    .selectFrom('manager_alerts as a')
    .leftJoin('alert_windows as w', 'w.manager_id', 'a.manager_id')
    .select('a.manager_id')
    .distinct()
    .where('a.sent_at', 'is', null)
    .where((eb) =>
      eb.or([eb('a.kind', '=', 'joinRequest'), eb('w.last_sent_at', 'is', null), eb('w.last_sent_at', '<=', windowStart(now, windowMinutes))]),
    )
    .orderBy('a.manager_id')
    .execute();
  return rows.map((r) => r.manager_id);
}
