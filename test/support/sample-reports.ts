import type { Language } from '../../src/conversation/intents/types.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { DailyDigest, RepDay } from '../../src/core/digests/types.ts';
import { renderDigest } from '../../src/core/digests/render-digest.ts';
import type { Leaderboard } from '../../src/core/leaderboards/build-leaderboard.ts';
import { renderLeaderboard } from '../../src/core/leaderboards/render-leaderboard.ts';

/**
 * Digests and boards as the core renders them, without a database: for encoder unit tests and the
 * adapters' end-to-end tests through the fake platforms.
 */

const customers = ['Huawei', 'ZTE', 'Alibaba', 'Tencent', 'Baidu', 'Xiaomi'];

/** One rep's busy day: visits, an open check-in, an off-site one, a follow-up and overdue customers. */
function busyDay(i: number, name: string): RepDay {
  const at = (k: number) => customers[(i + k) % customers.length]!;
  return {
    userId: `rep-${i}`,
    name,
    visits: { total: 3, verified: 2, outside: 1, unverified: 0, noteOnly: 0 },
    customers: [at(0), at(1), at(2)],
    report: i % 3 === 0 ? 'missing' : i % 3 === 1 ? 'late' : 'in',
    openCheckIns: [{ customer: at(1), since: '2026-10-30T06:00:00Z' }],
    offSite: [{ customer: at(2), distanceM: 1200 + i * 10 }],
    doubtfulLocations: i % 2 ? [{ customer: at(0), reason: 'mocked' }] : [],
    followUpsTomorrow: [{ customer: at(0), nextStep: 'send the revised quote & <pricing>' }],
    overdueCustomers: [
      { customerId: `c-${i}-a`, name: at(3), tier: 'A', days: 12 },
      { customerId: `c-${i}-b`, name: at(4), tier: 'C', days: null },
    ],
  };
}

/** A manager's daily digest over two teams of `reps` people each (`reps: 20` makes 40 reps). */
export function bigDailyDigest(reps: number, language: Language = 'en-US'): OutboundMessage {
  const digest: DailyDigest = {
    kind: 'daily',
    managerId: 'mgr',
    date: '2026-10-30',
    teams: ['East', 'West'].map((team, t) => ({
      teamId: `team-${t}`,
      name: team,
      reps: Array.from({ length: reps }, (_, i) => busyDay(t * reps + i, language === 'zh-CN' ? `销售${t * reps + i + 1}号` : `Rep ${t * reps + i + 1}`)),
    })),
  };
  return renderDigest(digest, language, 'Asia/Shanghai');
}

/** A small daily digest: one team of two reps and a team without reps. */
export function smallDailyDigest(language: Language = 'en-US'): OutboundMessage {
  const digest: DailyDigest = {
    kind: 'daily',
    managerId: 'mgr',
    date: '2026-10-30',
    teams: [
      { teamId: 'team-0', name: 'East', reps: [busyDay(1, 'Ann & <Bob>'), { ...busyDay(2, 'Cat'), openCheckIns: [], offSite: [], doubtfulLocations: [], followUpsTomorrow: [], overdueCustomers: [] }] },
      { teamId: 'team-1', name: 'West', reps: [] },
    ],
  };
  return renderDigest(digest, language, 'Asia/Shanghai');
}

/** A weekly board, so far (as of Friday), with a tie and a rep who opted out. */
export function sampleLeaderboard(language: Language = 'en-US', reps = 4): OutboundMessage {
  const names = ['Ann', 'Ben', 'Cat', 'Dan'];
  const entries = Array.from({ length: reps }, (_, i) => {
    const rank = i === 2 ? 2 : i + 1;
    return {
      userId: `rep-${i}`,
      name: i === 3 ? null : (names[i] ?? `Rep ${i + 1}`),
      visits: 5 - Math.min(i, 4),
      verified: 4 - Math.min(i, 3),
      outside: 1,
      verifiedWithNextStep: 1,
      reportsOnTime: 4,
      points: 30 - i,
      rank,
      tied: i === 1 || i === 2,
      movement: i === 0 ? 1 : i === 1 ? -1 : 0,
    };
  });
  const board: Leaderboard = {
    teamId: 'team-0',
    teamName: 'East',
    period: { period: 'week', start: '2026-10-26', end: '2026-11-02' },
    asOf: '2026-10-30',
    entries,
    total: { points: entries.reduce((n, e) => n + e.points, 0), verified: 10, visits: 14, reps },
  };
  return renderLeaderboard(board, language);
}
