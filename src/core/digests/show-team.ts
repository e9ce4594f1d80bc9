import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { loadSettingsBook } from '../schedules/settings-repository.ts';
import { buildDailyDigest } from './build-daily-digest.ts';
import { buildWeeklyDigest } from './build-weekly-digest.ts';
import { periodOf, previousPeriod } from '../schedules/calendar.ts';
import { loadDigestTeams } from './managed-teams.ts';
import { adminNames } from '../access/load-actor.ts';
import { digestMessages, renderDigest } from './render-digest.ts';

/**
 * `团队` / `team`: the manager's daily digest for today so far, on demand, as a reply where they
 * asked; `团队 昨天` / `team Dec 1` the daily digest of another of the manager's dates, `团队 上周` /
 * `team last week` the weekly digest. Someone who manages no team is told which admin can make them
 * a manager.
 */
export async function showTeam(
  { db, clock }: { db: Db; clock: Clock },
  input: { user: User; date?: string; week?: 'this' | 'last' },
): Promise<OutboundMessage> {
  const teams = await loadDigestTeams(db, await loadSettingsBook(db), input.user);
  if (teams.length === 0) {
    const admins = (await adminNames(db, input.user.org_id)).join(input.user.language === 'zh-CN' ? '、' : ', ');
    return { text: digestMessages(input.user.language).notManager({ admins }) };
  }
  const now = clock.now();
  const today = localDateOf(now, input.user.time_zone);
  if (input.week) {
    const week = periodOf('week', today);
    const digest = await buildWeeklyDigest(db, { managerId: input.user.id, week: input.week === 'last' ? previousPeriod(week) : week, timeZone: input.user.time_zone, teams });
    return renderDigest(digest, input.user.language, input.user.time_zone);
  }
  const digest = await buildDailyDigest(db, { managerId: input.user.id, date: input.date ?? today, now, teams });
  return renderDigest(digest, input.user.language, input.user.time_zone);
}
