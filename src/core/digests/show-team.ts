import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { loadSettingsBook } from '../schedules/settings-repository.ts';
import { buildDailyDigest } from './build-daily-digest.ts';
import { loadManagedTeams } from './managed-teams.ts';
import { adminNames } from '../access/load-actor.ts';
import { digestMessages, renderDigest } from './render-digest.ts';

/**
 * `团队` / `team`: the manager's daily digest for today so far, on demand, as a reply where they
 * asked. Someone who manages no team is told which admin can make them a manager.
 */
export async function showTeam({ db, clock }: { db: Db; clock: Clock }, input: { user: User }): Promise<OutboundMessage> {
  const teams = await loadManagedTeams(db, await loadSettingsBook(db), input.user.id);
  if (teams.length === 0) {
    const admins = (await adminNames(db, input.user.org_id)).join(input.user.language === 'zh-CN' ? '、' : ', ');
    return { text: digestMessages(input.user.language).notManager({ admins }) };
  }
  const now = clock.now();
  const digest = await buildDailyDigest(db, { managerId: input.user.id, date: localDateOf(now, input.user.time_zone), now, teams });
  return renderDigest(digest, input.user.language, input.user.time_zone);
}
