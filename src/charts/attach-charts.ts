import { createHash } from 'node:crypto';
import type { Db } from '../core/shared/db.ts';
import type { Language } from '../conversation/intents/types.ts';
import type { OutboundMessage } from '../conversation/types.ts';
import type { Leaderboard } from '../core/leaderboards/build-leaderboard.ts';
import { chartsEnabled, storeChart, type ChartRef } from './chart-store.ts';
import { ChartsUnavailableError } from './charts-unavailable.ts';
import { loadTrend, type TrendData, type TrendTeam } from './trend-data.ts';
import { chartText } from './chart-text.ts';
import { addDays } from '../conversation/dates/local-date.ts';

/**
 * The renderer (ECharts, resvg, the font's tables) is imported on the first chart, not at start-up.
 *
 * A leaderboard post with its chart beside the text (issue 18), unless the org turned charts off or
 * the board is empty. Keyed by what it shows (team, period, language and the board's content): a
 * post and any retry of its job draw it once, and a board asked for again unchanged reuses it.
 */
export async function attachLeaderboardChart(
  db: Db,
  now: Date,
  input: { board: Leaderboard; orgId: string; language: Language; message: OutboundMessage },
): Promise<OutboundMessage> {
  const { board } = input;
  if (board.entries.length === 0 || !(await chartsEnabled(db, input.orgId))) return input.message;
  const key = `leaderboard:${board.teamId}:${board.period.period}:${board.period.start}:${input.language}:${digest({ board, language: input.language })}`;
  const chart = await storeChartOrNone(db, { key, orgId: input.orgId, kind: 'leaderboard', now, render: async () => (await import('./leaderboard-chart.ts')).renderLeaderboardChart(board, input.language) });
  return chart ? { ...input.message, image: chart } : input.message;
}

/**
 * The stored chart, or none where this runtime cannot draw (the Cloudflare Worker): the post then
 * goes out as text alone. Any other failure is thrown: the job's runner logs it and retries.
 */
async function storeChartOrNone(db: Db, input: Parameters<typeof storeChart>[1]): Promise<ChartRef | undefined> {
  try {
    return await storeChart(db, input);
  } catch (error) {
    if (error instanceof ChartsUnavailableError) return undefined;
    throw error;
  }
}

/** A short fingerprint of what a chart shows. */
export function digest(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 16);
}

/**
 * A message of its own carrying a team's trend chart, its text the chart's title (team and weeks):
 * the weekly digest of a manager of several teams sends one after the digest for each further team
 * (a phone shows one chart a message legibly; one tall picture of every team would be shrunk to
 * nothing). None when charts are off, the team has no reps, or this runtime cannot draw.
 */
export async function trendChartMessage(db: Db, now: Date, input: { team: TrendTeam; lastWeekDate: string; language: Language }): Promise<OutboundMessage | undefined> {
  if (!(await chartsEnabled(db, input.team.orgId))) return undefined;
  const data = await loadTrend(db, input.team, input.lastWeekDate);
  if (data.reps.length === 0) return undefined;
  const text = chartText(input.language).trendTitle({ team: data.teamName, first: data.weeks[0]!.start, last: addDays(data.weeks.at(-1)!.end, -1) });
  const message = await attachTrendChart(db, now, { ...input, message: { text, language: input.language }, data });
  return message.image ? message : undefined;
}

/**
 * A message with the trend chart of a team (issue 18): the weekly digest's (the first of the
 * manager's teams with reps; the others follow in messages of their own, see `trendChartMessage`)
 * and `趋势` / `trend` on demand (`focus`: a rep against the team median). Unless charts
 * are off; keyed by team, last week, language, focus and content.
 */
export async function attachTrendChart(
  db: Db,
  now: Date,
  input: {
    team: TrendTeam;
    lastWeekDate: string;
    language: Language;
    message: OutboundMessage;
    focus?: { userId: string; name: string };
    /** Already loaded by the caller (the on-demand reply writes its text from it). */
    data?: TrendData;
  },
): Promise<OutboundMessage> {
  if (!(await chartsEnabled(db, input.team.orgId))) return input.message;
  const data = input.data ?? (await loadTrend(db, input.team, input.lastWeekDate));
  if (data.reps.length === 0) return input.message;
  const key = `trend:${input.team.teamId}:${data.weeks.at(-1)!.start}:${input.language}:${input.focus?.userId ?? 'team'}:${digest(data)}`;
  const chart = await storeChartOrNone(db, { key, orgId: input.team.orgId, kind: 'trend', now, render: async () => (await import('./trend-chart.ts')).renderTrendChart(data, input.language, input.focus) });
  return chart ? { ...input.message, image: chart } : input.message;
}
