import type { Language } from '../conversation/intents/types.ts';
import { addDays } from '../conversation/dates/local-date.ts';
import { chartText } from './chart-text.ts';
import { renderPng, type ChartOption } from './render-png.ts';
import { median, type TrendData } from './trend-data.ts';

/** Lines a team chart draws one per rep; the others are one median line (a chart of 40 lines reads as noise). */
export const maxRepLines = 6;
const palette = ['#3b6fd8', '#e0892b', '#2ba471', '#d54941', '#8e56dd', '#0594a8'];
const grey = '#8a9099';

type Series = { name: string; data: (number | null)[]; dashed?: boolean; colour?: string };

/**
 * Eight weeks in two panels: verified visits per week (each rep, or one rep against the team median)
 * above, shares per week below (reports on time; plans kept and tier coverage when the team has them).
 */
export function trendChartOption(data: TrendData, language: Language, focus?: { userId: string; name: string }): { option: ChartOption; height: number; alt: string } {
  const c = chartText(language);
  const weeks = data.weeks.map((w) => c.week({ start: w.start }));
  const first = data.weeks[0]!.start;
  const last = addDays(data.weeks.at(-1)!.end, -1);
  const title = focus ? c.personalTrendTitle({ name: focus.name, first, last }) : c.trendTitle({ team: data.teamName, first, last });
  const medianOf = (pick: (r: TrendData['reps'][number]) => number[]) => weeks.map((_, n) => median(data.reps.map((r) => pick(r)[n]!)));
  const visits: Series[] = [];
  const rates: Series[] = [];
  if (focus) {
    const me = data.reps.find((r) => r.userId === focus.userId);
    visits.push({ name: c.me(), data: me?.verified ?? weeks.map(() => 0) }, { name: c.teamMedian(), data: medianOf((r) => r.verified), dashed: true, colour: grey });
    rates.push(
      { name: `${c.punctuality()} · ${c.me()}`, data: me?.punctuality ?? weeks.map(() => 0) },
      { name: `${c.punctuality()} · ${c.teamMedian()}`, data: medianOf((r) => r.punctuality), dashed: true, colour: grey },
    );
  } else {
    const byTotal = [...data.reps].sort((a, b) => sum(b.verified) - sum(a.verified) || (a.name < b.name ? -1 : 1));
    const shown = byTotal.length > maxRepLines + 1 ? byTotal.slice(0, maxRepLines) : byTotal;
    for (const rep of shown) visits.push({ name: rep.name, data: rep.verified });
    const rest = byTotal.slice(shown.length);
    if (rest.length) visits.push({ name: c.othersCombined({ count: rest.length }), data: weeks.map((_, n) => median(rest.map((r) => r.verified[n]!))), dashed: true, colour: grey });
    rates.push({ name: c.punctuality(), data: weeks.map((_, n) => Math.round(avg(data.reps.map((r) => r.punctuality[n]!)))) });
  }
  if (!focus && data.planAdherence) rates.push({ name: c.planAdherence(), data: data.planAdherence });
  if (!focus && data.coverage) {
    for (const tier of ['A', 'B', 'C'] as const) {
      const series = data.coverage[tier];
      // A week without customers of the tier is a gap in its line, not a 0 %.
      if (series) rates.push({ name: c.coverage({ tier }), data: series });
    }
  }

  // Each panel's legend sits right under it (two names a row on a phone-wide chart).
  const legend0 = Math.ceil(visits.length / 3) * 22;
  const legend1 = Math.ceil(rates.length / 2) * 22;
  const top = 56;
  const panel = 230;
  const second = top + panel + legend0 + 20;
  const height = second + panel + legend1 + 24;
  const line = (s: Series, i: number, axis: number) => ({
    type: 'line',
    name: s.name,
    xAxisIndex: axis,
    yAxisIndex: axis,
    data: s.data,
    symbolSize: 7,
    lineStyle: { width: 3, type: s.dashed ? 'dashed' : 'solid', color: s.colour ?? palette[i % palette.length] },
    itemStyle: { color: s.colour ?? palette[i % palette.length] },
  });
  const axisLabel = { fontSize: 12, color: '#646a73' };
  const option: ChartOption = {
    title: [
      { text: title, left: 12, top: 10, textStyle: { fontSize: 17, fontWeight: 'normal', color: '#1f2329', width: 476, overflow: 'truncate' } },
      { text: c.verifiedPerWeek(), left: 12, top: top - 6, textStyle: { fontSize: 14, fontWeight: 'normal', color: '#1f2329' } },
      { text: c.ratesPerWeek(), left: 12, top: second, textStyle: { fontSize: 14, fontWeight: 'normal', color: '#1f2329' } },
    ],
    legend: [
      { data: visits.map((s) => s.name), top: top + panel, left: 12, right: 12, itemWidth: 18, textStyle: { fontSize: 13, color: '#1f2329' } },
      { data: rates.map((s) => s.name), top: second + panel, left: 12, right: 12, itemWidth: 18, textStyle: { fontSize: 13, color: '#1f2329' } },
    ],
    grid: [
      { left: 12, right: 20, top: top + 22, height: panel - 40, containLabel: true },
      { left: 12, right: 20, top: second + 28, height: panel - 40, containLabel: true },
    ],
    xAxis: [0, 1].map((gridIndex) => ({ type: 'category', gridIndex, data: weeks, boundaryGap: false, axisLabel })),
    yAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1, axisLabel, splitLine: { lineStyle: { color: '#e5e6eb' } } },
      { type: 'value', gridIndex: 1, min: 0, max: 100, axisLabel, splitLine: { lineStyle: { color: '#e5e6eb' } } },
    ],
    series: [...visits.map((s, i) => line(s, i, 0)), ...rates.map((s, i) => line(s, i + 2, 1))],
  };
  return { option, height, alt: c.trendAlt({ title }) };
}

export function renderTrendChart(data: TrendData, language: Language, focus?: { userId: string; name: string }): { png: Buffer; alt: string } {
  const { option, height, alt } = trendChartOption(data, language, focus);
  return { png: renderPng(option, { height }), alt };
}

const sum = (list: number[]) => list.reduce((n, v) => n + v, 0);
const avg = (list: number[]) => (list.length ? sum(list) / list.length : 0);
