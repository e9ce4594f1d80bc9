import type { Language } from '../../conversation/intents/types.ts';
import type { MessageSection, OutboundMessage } from '../../conversation/types.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import type { Leaderboard } from './build-leaderboard.ts';
import { leaderboardEnUS } from './messages-en-US.ts';
import { leaderboardZhCN } from './messages-zh-CN.ts';

export type LeaderboardMessages = typeof leaderboardEnUS;

export function leaderboardMessages(language: Language): LeaderboardMessages {
  return language === 'zh-CN' ? leaderboardZhCN : leaderboardEnUS;
}

/** Lines shown in a group post; a 500-rep team's board lists the top and counts the rest. */
export const maxLines = 20;

/**
 * Renders a board as an outbound message: a title, the plain text (the title, then one line each),
 * and the same lines in two sections for adapters that render natively: the board (with "so far"
 * while the period runs, and how many more reps there are) and the team total.
 */
export function renderLeaderboard(board: Leaderboard, language: Language): OutboundMessage {
  const t = leaderboardMessages(language);
  const last = addDays(board.period.end, -1);
  const title = t.title({ team: board.teamName, period: board.period.period, start: board.period.start, last });
  const lines: string[] = [];
  // A period still running says so: Friday's weekly board is the week so far.
  if (board.asOf < last) lines.push(t.asOf({ date: board.asOf }));
  if (board.entries.length === 0) lines.push(t.noReps());
  for (const entry of board.entries.slice(0, maxLines)) {
    lines.push(
      t.line({
        rank: entry.rank,
        tied: entry.tied,
        name: entry.name ?? t.anonymous(),
        points: entry.points,
        verified: entry.verified,
        nextSteps: entry.verifiedWithNextStep,
        reports: entry.reportsOnTime,
        movement: entry.movement > 0 ? t.up({ places: entry.movement }) : entry.movement < 0 ? t.down({ places: -entry.movement }) : t.same(),
      }),
    );
  }
  if (board.entries.length > maxLines) lines.push(t.more({ count: board.entries.length - maxLines }));
  const total = board.entries.length > 0 ? [t.total(board.total)] : [];
  const sections: MessageSection[] = [{ lines }, ...(total.length ? [{ lines: total }] : [])];
  return { title, text: [title, ...lines, ...total].join('\n'), sections, language };
}
