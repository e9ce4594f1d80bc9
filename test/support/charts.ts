import type { Db } from '../../src/core/shared/db.ts';
import type { Leaderboard } from '../../src/core/leaderboards/build-leaderboard.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import { renderLeaderboardChart } from '../../src/charts/leaderboard-chart.ts';
import { storeChart, type ChartRef } from '../../src/charts/chart-store.ts';

/** A small weekly board with a Chinese and a Latin name and a tie. */
export function chartBoard(size = 3): Leaderboard {
  const names = ['张伟', 'Anna Lee', '李娜'];
  const entries = Array.from({ length: size }, (_, i) => ({
    userId: `rep-${i}`, name: names[i % 3]!, visits: 3, verified: 2, outside: 0, verifiedWithNextStep: 1, reportsOnTime: 2,
    points: i === 2 ? 20 : 30 - i * 10, rank: i === 2 ? 2 : i + 1, tied: i === 1 || i === 2, movement: 0,
  }));
  return { teamId: 't', teamName: '华东', period: { period: 'week', start: '2026-11-23', end: '2026-11-30' }, asOf: '2026-11-29', entries, total: { points: 0, verified: 0, visits: 0, reps: size } };
}

let rendered: { png: Buffer; alt: string } | undefined;

/**
 * A real chart stored as a post stores it (its own org row, so it can be inserted before anyone
 * chatted): rendered once per test process, since every platform test sends the same picture.
 */
export async function storeSampleChart(db: Db, now: Date, key = 'test:chart'): Promise<ChartRef & { png: Buffer }> {
  rendered ??= renderLeaderboardChart(chartBoard(), 'zh-CN');
  const org = await db
    .insertInto('orgs')
    .values({ name: `charts-${key}`, checkin_radius_m: 200, report_deadline: '20:00', default_time_zone: 'Asia/Shanghai', default_language: 'zh-CN' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ref = await storeChart(db, { key, orgId: org.id, kind: 'leaderboard', now, render: () => rendered! });
  return { ...ref, png: rendered.png };
}

/** A leaderboard-like post with its chart, as the scheduler writes it. */
export function postWithChart(chart: ChartRef, text = '华东 周排行榜\n第 1 名 张伟：30 分'): OutboundMessage {
  return { title: text.split('\n')[0], text, sections: [{ lines: text.split('\n').slice(1) }], language: 'zh-CN', image: { chartId: chart.chartId, alt: chart.alt } };
}
