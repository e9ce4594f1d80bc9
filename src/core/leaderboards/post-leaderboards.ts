import type { Db } from '../shared/db.ts';
import { dueToday, isWorkday, lastWorkdayOfMonth, localNow, periodOf, type Period } from '../schedules/calendar.ts';
import { existingKeys, writeScheduledSends } from '../schedules/scheduled-sends.ts';
import { loadSettingsBook } from '../schedules/settings-repository.ts';
import { listTeams, loadTeams } from '../schedules/team-context.ts';
import { weekdayOf } from '../../conversation/dates/local-date.ts';
import { buildLeaderboards } from './build-leaderboard.ts';
import { renderLeaderboard } from './render-leaderboard.ts';
import { attachLeaderboardChart } from '../../charts/attach-charts.ts';

/** A scheduled board to post: which team, which period, the local date it is for. */
export interface DueLeaderboard {
  key: string;
  teamId: string;
  period: Period;
  date: string;
}

/** Natural key of a team's scheduled board for a period. */
export const leaderboardKey = (teamId: string, period: Period, start: string) => `leaderboard:${period}:${teamId}:${start}`;

/**
 * The boards due now and not yet posted: the week's on the weekly day and time (default Friday
 * 17:00) and the month's on its last workday, in each team's zone, for teams bound to a group.
 * Due until the end of that local day, so a pass after downtime still posts; never on a holiday.
 */
export async function findDueLeaderboards(db: Db, now: Date): Promise<DueLeaderboard[]> {
  const book = await loadSettingsBook(db);
  const due: DueLeaderboard[] = [];
  for (const team of await listTeams(db, book)) {
    if (!team.boundChannelRef) continue;
    const { leaderboard } = team.settings;
    const local = localNow(now, team.timeZone);
    if (!isWorkday(local.date, team.settings)) continue;
    const add = (period: Period) => due.push({ key: leaderboardKey(team.id, period, periodOf(period, local.date).start), teamId: team.id, period, date: local.date });
    if (leaderboard.weekly && weekdayOf(local.date) === leaderboard.weekly.weekday && dueToday(now, team.timeZone, local.date, leaderboard.weekly.time)) add('week');
    if (leaderboard.monthly && local.date === lastWorkdayOfMonth(local.date, team.settings) && dueToday(now, team.timeZone, local.date, leaderboard.monthly.time)) add('month');
  }
  const done = await existingKeys(db, due.map((d) => d.key));
  return due.filter((d) => !done.has(d.key));
}

/**
 * Builds and posts one scheduled board to the team's group (idempotent by its key: a second call,
 * from a retry or another worker, writes nothing). Returns whether it was written now.
 */
export async function postLeaderboard(db: Db, now: Date, item: Omit<DueLeaderboard, 'key'>): Promise<boolean> {
  return (await postLeaderboards(db, now, [item])) > 0;
}

/**
 * Builds and posts scheduled boards to their teams' groups, the tallies of all of them read
 * together (`buildLeaderboards`). Idempotent by each board's key: boards already posted (a retry,
 * another worker) are skipped before building, and the write itself inserts nothing twice.
 * Returns how many were written now.
 */
export async function postLeaderboards(db: Db, now: Date, items: readonly Omit<DueLeaderboard, 'key'>[]): Promise<number> {
  const keyOf = (item: Omit<DueLeaderboard, 'key'>) => leaderboardKey(item.teamId, item.period, periodOf(item.period, item.date).start);
  const done = await existingKeys(db, items.map(keyOf));
  const pending = items.filter((item) => !done.has(keyOf(item)));
  if (pending.length === 0) return 0;
  const teams = new Map((await loadTeams(db, await loadSettingsBook(db), [...new Set(pending.map((item) => item.teamId))])).map((team) => [team.id, team]));
  let written = 0;
  for (const period of [...new Set(pending.map((item) => item.period))]) {
    const boards = pending.flatMap((item) => {
      const team = teams.get(item.teamId);
      return item.period === period && team?.boundChannelRef ? [{ team, date: item.date }] : [];
    });
    const built = await buildLeaderboards(db, boards, period);
    for (const [i, board] of built.entries()) {
      const { team } = boards[i]!;
      written += await writeScheduledSends(
        db,
        [
          {
            key: leaderboardKey(team.id, period, board.period.start),
            kind: `leaderboard_${period}`,
            orgId: team.orgId,
            teamId: team.id,
            localDate: board.period.start,
            targetRef: team.boundChannelRef!,
            // The chart beside the text (issue 18), drawn once per board even if this job runs again.
            message: await attachLeaderboardChart(db, now, { board, orgId: team.orgId, language: team.language, message: renderLeaderboard(board, team.language) }),
          },
        ],
        now,
      );
    }
  }
  return written;
}
