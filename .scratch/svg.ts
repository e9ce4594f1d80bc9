import * as echarts from 'echarts';
import { leaderboardChartOption } from '../src/charts/leaderboard-chart.ts';
const names = ['Bob', 'Li Na 10'];
const entries = names.map((name, i) => ({ userId: `u${i}`, name, visits: 1, verified: 1, outside: 0, verifiedWithNextStep: 0, reportsOnTime: 0, points: 40, rank: 6+i, tied: false, movement: 0 }));
const { option, height } = leaderboardChartOption({ teamId: 't', teamName: 'x', period: { period: 'week', start: '2026-11-23', end: '2026-11-30' }, asOf: '2026-11-29', entries, total: { points: 0, verified: 0, visits: 0, reps: 7 } }, 'zh-CN');
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 500, height }); c.setOption(option);
console.log(c.renderToSVGString().match(/<text[^>]*>[^<]*Bob[^<]*<\/text>|<text[^>]*>[^<]*Li Na[^<]*<\/text>/g));
