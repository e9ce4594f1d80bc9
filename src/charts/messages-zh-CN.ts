import type { chartTextEnUS } from './messages-en-US.ts';

/** 图表上的文字（中文）：与 en-US 同样的键。 */
export const chartTextZhCN: typeof chartTextEnUS = {
  points: () => '积分',
  rankedName: (p) => `${p.tied ? '并列' : ''}${p.rank}. ${p.name}`,
  shownOf: (p) => `共 ${p.total} 人，图中为前 ${p.shown} 名，其余见消息正文。`,
  leaderboardAlt: (p) => `条形图：${p.title}。按积分排列 ${p.shown} 人，第一名 ${p.leader}，${p.points} 分。`,
  trendTitle: (p) => `${p.team}：近 8 周（${p.first} 至 ${p.last}）`,
  personalTrendTitle: (p) => `${p.name} 与团队中位数（${p.first} 至 ${p.last}）`,
  verifiedPerWeek: () => '每周有效拜访',
  ratesPerWeek: () => '每周比例（%）',
  punctuality: () => '日报按时率',
  planAdherence: () => '计划完成率',
  coverage: (p) => `${p.tier} 级客户覆盖率`,
  teamMedian: () => '团队中位数',
  teamAverage: () => '团队',
  me: () => '我',
  othersCombined: (p) => `其余 ${p.count} 人（中位数）`,
  trendAlt: (p) => `折线图：${p.title}。每位销售每周的有效拜访次数和日报按时率。`,
  week: (p) => p.start.slice(5),
};
