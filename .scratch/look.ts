import { writeFileSync } from 'node:fs';
import { renderLeaderboardChart } from '../src/charts/leaderboard-chart.ts';
const names = ['张伟', '李娜', 'Anna Lee', null, '欧阳娜娜', 'Bob', '王芳'];
const entries = names.map((name, i) => ({ userId: `u${i}`, name, visits: 1, verified: 1, outside: 0, verifiedWithNextStep: 0, reportsOnTime: 0, points: 40 - i * 5 + (i === 2 ? 5 : 0), rank: i === 2 ? 2 : i + 1, tied: i === 1 || i === 2, movement: 0 }));
const png = renderLeaderboardChart({ teamId: 't', teamName: '华东一组', period: { period: 'week', start: '2026-11-23', end: '2026-11-30' }, asOf: '2026-11-27', entries, total: { points: 0, verified: 0, visits: 0, reps: 7 } }, 'zh-CN').png;
writeFileSync('/tmp/board.png', png);
