import type { leaderboardEnUS } from './messages-en-US.ts';

/** 排行榜文案（中文）：与 en-US 同样的键，整句带命名参数。 */
export const leaderboardZhCN: typeof leaderboardEnUS = {
  title: (p) =>
    p.period === 'day'
      ? `${p.team} 排行榜（${p.start}）`
      : p.period === 'week'
        ? `${p.team} 周排行榜（${p.start} 至 ${p.last}）`
        : `${p.team} 月排行榜（${p.start.slice(0, 7)}）`,
  asOf: (p) => `（截至 ${p.date}）`,
  line: (p) =>
    `${p.tied ? '并列' : ''}第 ${p.rank} 名 ${p.name}：${p.points} 分（有效拜访 ${p.verified} 次，其中 ${p.nextSteps} 次有下一步，按时日报 ${p.reports} 份）${p.movement}`,
  anonymous: () => '（不参加排名的同事）',
  up: (p) => `↑${p.places}`,
  down: (p) => `↓${p.places}`,
  same: () => '→',
  more: (p) => `……另有 ${p.count} 位同事。`,
  total: (p) => `团队合计：${p.points} 分，有效拜访 ${p.verified} 次（签到拜访 ${p.visits} 次，共 ${p.reps} 人）。`,
  noReps: () => '团队里还没有销售，请他们发送「加入团队 <名称>」。',
  notInTeam: () => '你还没有加入团队，发送「加入团队 <名称>」加入。',
  optedOut: () => '已退出排行：你的积分照常计算，但排行榜上不显示你的名字。发送「参加排行」可恢复。',
  optedIn: () => '排行榜上会重新显示你的名字。',
};
