import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import type { Period } from '../schedules/calendar.ts';
import { loadSettingsBook } from '../schedules/settings-repository.ts';
import { teamOfUser } from '../schedules/team-context.ts';
import { buildLeaderboard } from './build-leaderboard.ts';
import { leaderboardMessages, renderLeaderboard } from './render-leaderboard.ts';
import { attachLeaderboardChart } from '../../charts/attach-charts.ts';

/**
 * `排行榜` / `leaderboard [day|week|month]`: the asking person's team board for the period so far
 * (default the week), in their language, as a reply in the conversation they asked in.
 */
export async function showLeaderboard({ db, clock }: { db: Db; clock: Clock }, input: { user: User; period?: Period; chart?: boolean }): Promise<OutboundMessage> {
  const team = await teamOfUser(db, await loadSettingsBook(db), input.user.id);
  if (!team) return { text: leaderboardMessages(input.user.language).notInTeam() };
  const board = await buildLeaderboard(db, team, input.period ?? 'week', localDateOf(clock.now(), team.timeZone));
  const message = renderLeaderboard(board, input.user.language);
  // `排行榜 图` / `leaderboard chart` (issue 18): the same board with its chart, unless the org turned charts off.
  return input.chart ? attachLeaderboardChart(db, clock.now(), { board, orgId: team.orgId, language: input.user.language, message }) : message;
}
