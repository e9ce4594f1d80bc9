import type { Language } from '../conversation/intents/types.ts';
import { addDays } from '../conversation/dates/local-date.ts';
import type { Leaderboard } from '../core/leaderboards/build-leaderboard.ts';
import { leaderboardMessages } from '../core/leaderboards/render-leaderboard.ts';
import { chartText } from './chart-text.ts';
import { renderPng, type ChartOption } from './render-png.ts';

/** Most bars a chart draws; a larger team's rest is in the message text (which lists and counts them). */
export const maxBars = 30;

const barColour = '#3b6fd8';
const leaderColour = '#e0892b';

/**
 * The board as horizontal bars, best at the top: "rank. name" (ties share a rank and say so, an
 * opted-out rep reads as in the text board), points at the end of each bar, the board's own title
 * (team and period) and, for a team larger than the chart, how many are shown.
 */
export function leaderboardChartOption(board: Leaderboard, language: Language): { option: ChartOption; height: number; alt: string } {
  const t = leaderboardMessages(language);
  const c = chartText(language);
  const title = t.title({ team: board.teamName, period: board.period.period, start: board.period.start, last: addDays(board.period.end, -1) });
  const entries = board.entries.slice(0, maxBars);
  const names = entries.map((e) => c.rankedName({ rank: e.rank, tied: e.tied, name: e.name ?? t.anonymous() }));
  const subtitle = [board.asOf < addDays(board.period.end, -1) ? t.asOf({ date: board.asOf }) : '', board.entries.length > maxBars ? c.shownOf({ shown: maxBars, total: board.entries.length }) : '']
    .filter(Boolean)
    .join('  ');
  const top = subtitle ? 74 : 52;
  const height = top + Math.max(1, entries.length) * 30 + 40;
  const option: ChartOption = {
    title: { text: title, subtext: subtitle, left: 12, top: 10, textStyle: { fontSize: 17, fontWeight: 'normal', color: '#1f2329', width: 476, overflow: 'truncate' }, subtextStyle: { fontSize: 13, color: '#646a73' } },
    grid: { left: 12, right: 60, top, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: c.points(), nameLocation: 'end', nameTextStyle: { fontSize: 12, color: '#646a73' }, minInterval: 1, axisLabel: { fontSize: 12, color: '#646a73' }, splitLine: { lineStyle: { color: '#e5e6eb' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c9cdd4' } },
      axisLabel: { fontSize: 15, color: '#1f2329', width: 215, overflow: 'truncate', interval: 0 },
    },
    series: [
      {
        type: 'bar',
        barWidth: 20,
        data: entries.map((e) => ({ value: e.points, itemStyle: { color: e.rank === 1 ? leaderColour : barColour, borderRadius: [0, 4, 4, 0] } })),
        label: { show: true, position: 'right', fontSize: 15, color: '#1f2329' },
      },
    ],
  };
  const leader = entries[0];
  const alt = leader
    ? c.leaderboardAlt({ title, shown: entries.length, leader: leader.name ?? t.anonymous(), points: leader.points })
    : title;
  return { option, height, alt };
}

/** The board as a PNG (1000 px wide) with the picture's text alternative. */
export function renderLeaderboardChart(board: Leaderboard, language: Language): { png: Buffer; alt: string } {
  const { option, height, alt } = leaderboardChartOption(board, language);
  return { png: renderPng(option, { height }), alt };
}
