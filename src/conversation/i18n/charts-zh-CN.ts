import type { chartsEnUS } from './charts-en-US.ts';

/** 图表相关回复（中文，issue 18）：与 en-US 同样的键。 */
export const chartsZhCN: typeof chartsEnUS = {
  chartsSet: (p) => (p.on ? '已开启图表：排行榜和每周摘要会在文字旁附上图片。' : '已关闭图表：排行榜和摘要只发文字。'),
  trendTeamTitle: (p) => `${p.team}：近 8 周（${p.first} 至 ${p.last}）`,
  trendMyTitle: (p) => `你与团队中位数（${p.team}）：近 8 周（${p.first} 至 ${p.last}）`,
  trendRepLine: (p) => `• ${p.name}：最近一周有效拜访 ${p.lastWeek} 次，8 周共 ${p.total} 次；日报按时率 ${p.punctuality}%`,
  trendMyLine: (p) => `• 最近一周有效拜访 ${p.lastWeek} 次（团队中位数 ${p.median}）；8 周共 ${p.total} 次；日报按时率 ${p.punctuality}%`,
  trendMore: (p) => `……图中另有 ${p.count} 位同事。`,
  trendNoTeam: () => '你还没有加入团队，暂无趋势。发送「加入团队 <名称>」加入。',
  trendNoReps: () => '团队里还没有销售，暂无趋势。',
};
