import type { remindersEnUS } from './messages-en-US.ts';

/** 提醒文案（中文）：与 en-US 同样的键，整句带命名参数。 */
const duration = (minutes: number) => (minutes >= 60 ? `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟` : `${minutes} 分钟`);

export const remindersZhCN: typeof remindersEnUS = {
  reportDue: (p) =>
    `现在是 ${p.time}，你 ${p.date} 的日报还没交。发送「日报」查看今天的汇总，或发送「日报 <内容>」直接提交。（外出请假？发送「请假 到 周五」暂停提醒。）`,
  reportFollowUp: (p) => `提醒：你 ${p.date} 的日报还没交（截止 ${p.deadline}）。发送「日报 <内容>」即可提交。`,
  checkoutDue: (p) => `你在${p.customer}的拜访从 ${p.since} 开始，已经 ${duration(p.minutes)}还没签退。离开时请发送「签退 <备注>」。`,
  followUpsDue: (p) => `今天（${p.date}）要跟进的客户：\n${p.lines}`,
  followUpLine: (p) => (p.nextStep ? `• ${p.customer}：${p.nextStep}` : `• ${p.customer}`),
  overdueCustomers: (p) => `以下重点客户该去拜访了：\n${p.lines}`,
  overdueLine: (p) => (p.days === null ? `• ${p.customer}（${p.tier} 级）：还没有拜访记录` : `• ${p.customer}（${p.tier} 级）：上次拜访是 ${p.days} 天前`),
};
