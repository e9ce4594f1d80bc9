import type { teamDayEnUS } from './team-day-en-US.ts';

type Same<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : never };

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const REPORT = { in: '日报已交', late: '日报迟交', missing: '日报未交', dayOff: '休息日', away: '请假', notJoined: '未加入' } as const;

/** 经理查看某人一天、一周的回复（`团队 张三`，issue #13），并入 zh-CN.ts。键与 team-day-en-US.ts 相同。 */
export const teamDayZhCN: Same<typeof teamDayEnUS> = {
  teamDayNotYours: (p) =>
    p.managers.length > 0
      ? `只有${p.person}的经理（${p.managers.join('、')}）或管理员（${p.admins.join('、')}）可以查看其一天。`
      : `只有管理员（${p.admins.join('、')}）可以查看${p.person}的一天。`,
  teamDayTitle: (p) => `${p.person}的一天：${p.date} ${WEEKDAYS[p.weekday - 1]}`,
  teamDayVisitsHeading: (p) => `签到与拜访（${p.count}）`,
  teamDayNoVisits: () => '没有签到或拜访。',
  teamDayVisitLine: (p) =>
    `• ${p.time} ${p.customer}：${p.status}${p.distanceM === null ? '' : `，距离 ${p.distanceM} 米`}${p.open ? '（未签退）' : ''}`,
  teamDayNotes: (p) => `  备注：${p.notes}`,
  teamDayNextStep: (p) => `  下一步：${p.nextStep ?? '-'}${p.followUp ? `（${p.followUp} 跟进）` : ''}`,
  teamDayReportHeading: (p) => `日报（${p.time} 提交${p.late ? '，迟交' : ''}）`,
  teamDayReportMissing: (p) => (p.dayOff ? '日报：无（休息日）' : '日报：未提交'),
  teamWeekTitle: (p) => `${p.person}的一周：${p.from} 至 ${p.to}`,
  teamWeekDayLine: (p) =>
    `• ${WEEKDAYS[p.weekday - 1]} ${p.date}：拜访 ${p.visits}（核实 ${p.verified}，范围外 ${p.outside}），${REPORT[p.report]}` +
    (p.planned > 0 ? `，计划完成 ${p.planDone}/${p.planned}` : ''),
  teamDayBadDate: (p) => `看不懂日期"${p.text}"。可以写：昨天、周一、12月1日、上周。`,

  // —— h13 遗留问题：请假与加入之前的日子不算"未交"（issue #13 试用）——
  teamDayNoReportDue: (p) => (p.why === 'away' ? '日报：无（请假）' : '日报：无（当时还未加入）'),
  teamWeekNotJoinedLine: (p) => `• ${WEEKDAYS[p.weekday - 1]} ${p.date}：未加入`,
};
