import type { digestEnUS } from './messages-en-US.ts';
import { formatDistance } from '../../conversation/i18n/distance.ts';

/** 简报文案（中文）：与 en-US 同样的键。 */
const km = formatDistance['zh-CN'];
/** 日报状态；休息日（周末、节假日）没交不算未交。 */
const reportWords = { in: '日报已交', late: '日报迟交', missing: '日报未交', dayOff: '休息日，无需日报', away: '请假' } as const;

const share = (done: number, of: number) => `${Math.round((100 * done) / of)}%`;
const adherence = (w: { planned: number; done: number }) => (w.planned === 0 ? '无计划' : `计划 ${w.planned} 站，完成 ${w.done} 站（${share(w.done, w.planned)}）`);

export const digestZhCN: typeof digestEnUS = {
  dailyTitle: (p) => `每日简报（${p.date}）`,
  weeklyTitle: (p) => `每周简报（${p.start} 至 ${p.last}）`,
  dailyTeam: (p) =>
    `${p.team}：${p.reps} 人，拜访 ${p.visits} 次（有效 ${p.verified}，范围外 ${p.outside}）；日报已交 ${p.reportsIn}、迟交 ${p.late}、未交 ${p.missing}`,
  dailyRep: (p) =>
    p.visits === 0
      ? `${p.name}：没有拜访；${reportWords[p.report]}`
      : `${p.name}：拜访 ${p.visits} 次（有效 ${p.verified}，范围外 ${p.outside}），客户：${p.customers}；${reportWords[p.report]}`,
  openCheckIn: (p) => `  • ${p.since} 在${p.customer}签到，尚未签退`,
  offSite: (p) => `  • 范围外签到：${p.customer}，相距 ${km(p.distanceM)}`,
  doubtfulLocation: (p) => (p.reason === 'mocked' ? `  • ${p.customer} 签到：手机报告为模拟定位` : `  • ${p.customer} 签到：定位精度不足，无法核实`),
  followUpTomorrow: (p) => `  • 明天跟进：${p.customer}${p.nextStep ? `（${p.nextStep}）` : ''}`,
  overdue: (p) => (p.days === null ? `  • 超期未拜访：${p.customer}（${p.tier} 级，从未拜访）` : `  • 超期未拜访：${p.customer}（${p.tier} 级，已 ${p.days} 天）`),
  noReps: (p) => `${p.team}：还没有销售。`,
  weeklyTeam: (p) =>
    `${p.team}：拜访 ${p.visits} 次（较上周 ${p.visitsTrend}），有效 ${p.verified} 次（${p.verifiedTrend}），范围外 ${p.outside} 次；日报已交 ${p.reportsIn}、迟交 ${p.late}、未交 ${p.missing}；积分 ${p.points}（${p.pointsTrend}）`,
  weeklyRep: (p) =>
    `${p.name}：拜访 ${p.visits} 次（${p.visitsTrend}），有效 ${p.verified} 次（${p.verifiedTrend}），范围外 ${p.outside} 次，客户 ${p.customers} 家；日报已交 ${p.reportsIn}、迟交 ${p.late}、未交 ${p.missing}；积分 ${p.points}（${p.pointsTrend}）`,
  trend: (p) => (p.delta > 0 ? `+${p.delta}` : p.delta < 0 ? `−${-p.delta}` : '持平'),
  notManager: (p) => (p.admins ? `团队简报只给团队经理看。要管理团队，请联系管理员（${p.admins}）。` : '团队简报只给团队经理看。'),
  weeklyPlan: (p) => `  • 计划执行：${adherence(p.current)}；上周：${adherence(p.previous)}`,
  coverage: (p) =>
    `客户覆盖（在级别周期内拜访过）：${p.current.map((c) => `${c.tier} 级 ${c.visited}/${c.total}（${share(c.visited, c.total)}）`).join('，')}；上周：${p.previous.map((c) => `${c.tier} 级 ${share(c.visited, c.total)}`).join('，')}`,
  planLine: (p) => `  • 计划：${p.planned} 站，完成 ${p.done}${p.missed ? `，未完成：${p.missed}` : ''}；计划外拜访 ${p.unplanned} 次`,
  reportFeedback: (p) => (p.feedback === 'answered' ? '  • 日报：你已回复 ✓' : '  • 日报：你已阅读（尚未回复）'),
};
