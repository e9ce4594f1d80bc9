import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import { weekdayOf } from '../../conversation/dates/local-date.ts';
import { dueToday, inQuietHours, isWorkday, localNow, periodOf, previousPeriod } from '../schedules/calendar.ts';
import { isAway } from '../schedules/prefs.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { existingKeys, writeScheduledSends } from '../schedules/scheduled-sends.ts';
import { loadSettingsBook } from '../schedules/settings-repository.ts';
import { buildDailyDigest } from './build-daily-digest.ts';
import { buildWeeklyDigest } from './build-weekly-digest.ts';
import { loadDigestTeams } from './managed-teams.ts';
import { renderDigest } from './render-digest.ts';
import { attachTrendChart, trendChartMessage } from '../../charts/attach-charts.ts';
import type { OutboundMessage } from '../../conversation/types.ts';

export interface DueDigest {
  key: string;
  kind: 'daily' | 'weekly';
  managerId: string;
  /** The manager's local date it is due on. */
  date: string;
}

/** Natural key: the daily digest by its date, the weekly one by the first day of the week it covers. */
export const digestKey = (kind: 'daily' | 'weekly', managerId: string, date: string) => `digest:${kind}:${managerId}:${date}`;

function coveredDate(kind: 'daily' | 'weekly', date: string): string {
  return kind === 'daily' ? date : previousPeriod(periodOf('week', date)).start;
}

/** Managers (people who manage a team) with their clock, language, reach and settings' team. */
function managers(db: Db) {
  return db
    .selectFrom('users as u')
    .leftJoin('user_schedule_prefs as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.org_id', 'u.role', 'u.time_zone', 'u.language', 'p.away_until'])
    .select(directRefOf('u.id').as('direct_ref'))
    .select(sql<string>`(select t.id from teams t where t.manager_id = u.id order by t.created_at, t.id limit 1)`.as('team_id'))
    .where((eb) => eb.exists(eb.selectFrom('teams as t').select('t.id').whereRef('t.manager_id', '=', 'u.id')));
}

/**
 * Digests due now and not yet sent: daily at 19:00 on the manager's workdays, weekly on Monday 09:00
 * (both from the settings of the first team they manage), due until the end of that local day and
 * held back in quiet hours or while the manager is away.
 */
export async function findDueDigests(db: Db, now: Date): Promise<DueDigest[]> {
  const book = await loadSettingsBook(db);
  const due: DueDigest[] = [];
  for (const m of await managers(db).execute()) {
    const settings = book.for(m.org_id, m.team_id);
    const local = localNow(now, m.time_zone);
    if (!m.direct_ref || !isWorkday(local.date, settings) || isAway({ awayUntil: m.away_until }, local.date)) continue;
    if (inQuietHours(local.minute, settings.quietHours)) continue;
    const { daily, weekly } = settings.digest;
    const add = (kind: 'daily' | 'weekly') => due.push({ key: digestKey(kind, m.id, coveredDate(kind, local.date)), kind, managerId: m.id, date: local.date });
    if (daily && dueToday(now, m.time_zone, local.date, daily)) add('daily');
    if (weekly && weekdayOf(local.date) === weekly.weekday && dueToday(now, m.time_zone, local.date, weekly.time)) add('weekly');
  }
  const done = await existingKeys(db, due.map((d) => d.key));
  return due.filter((d) => !done.has(d.key));
}

/**
 * Builds one digest and writes it to the manager's 1:1 conversation; idempotent by its key (a retry
 * or a second worker writes nothing). Returns whether it was written now.
 */
export async function sendDigest(db: Db, now: Date, item: Omit<DueDigest, 'key'>): Promise<boolean> {
  const manager = await managers(db).where('u.id', '=', item.managerId).executeTakeFirst();
  if (!manager?.direct_ref) return false;
  const key = digestKey(item.kind, manager.id, coveredDate(item.kind, item.date));
  if ((await existingKeys(db, [key])).size > 0) return false;
  const book = await loadSettingsBook(db);
  const teams = await loadDigestTeams(db, book, manager);
  const digest =
    item.kind === 'daily'
      ? await buildDailyDigest(db, { managerId: manager.id, date: item.date, now, teams })
      : await buildWeeklyDigest(db, { managerId: manager.id, week: previousPeriod(periodOf('week', item.date)), timeZone: manager.time_zone, teams });
  let message = renderDigest(digest, manager.language, manager.time_zone);
  // The weekly digest carries the trend of each of the manager's teams with reps (issue 18): the
  // first on the digest itself, each further team's in a message of its own right after it. The
  // trends count the digest's own reps (`loadDigestTeams`: `can()`, active reps only), no one else.
  const followUps: { key: string; message: OutboundMessage }[] = [];
  if (item.kind === 'weekly') {
    const lastWeekDate = coveredDate('weekly', item.date);
    const trendTeams = teams
      .filter((t) => t.reps.length > 0)
      .map((t) => ({ orgId: t.orgId, teamId: t.teamId, name: t.name, timeZone: t.settings.timeZone ?? manager.time_zone, settings: t.settings, repIds: t.reps.map((r) => r.userId) }));
    const [first, ...others] = trendTeams;
    if (first) message = await attachTrendChart(db, now, { team: first, lastWeekDate, language: manager.language, message });
    for (const [i, team] of others.entries()) {
      const chart = await trendChartMessage(db, now, { team, lastWeekDate, language: manager.language });
      // Keys sort after the digest's and in team order: the outbox delivers a conversation's rows by id.
      if (chart) followUps.push({ key: `${key}:trend:${String(i + 2).padStart(3, '0')}`, message: chart });
    }
  }
  const sends = [{ key, message }, ...followUps].map((s) => ({
    key: s.key, kind: `digest_${item.kind}`, orgId: manager.org_id, userId: manager.id, localDate: coveredDate(item.kind, item.date), targetRef: manager.direct_ref!, message: s.message,
  }));
  // One statement: the digest and its charts are recorded together, or (a retry, a second worker) not at all.
  const written = await writeScheduledSends(db, sends, now);
  return written > 0;
}
