import type { alertsEnUS } from './alerts-en-US.ts';
import { formatDistance } from './distance.ts';

/** 给经理的实时提醒及其开关的中文文案（与 alerts-en-US.ts 同键）。 */
/** 与签到回复相同的距离写法（范围也一样：写"1.0 公里"而不是"1000 米"）。 */
const distance = formatDistance['zh-CN'];

export const alertsZhCN: typeof alertsEnUS = {
  alertOffsite: (p) => `${p.person} ${p.time} 在${p.customer}签到，距离客户 ${distance(p.distance)}（范围 ${distance(p.radius)}）。`,
  alertMocked: (p) => `${p.person} ${p.time} 在${p.customer}的签到，手机报告其位置为模拟定位。`,
  alertLateReport: (p) => `${p.person} 在 ${p.time} 补交了 ${p.date} 的日报，此时每日简报已发出。发送“日报 ${p.person}”查看。`,
  alertJoined: (p) => `${p.person} ${p.time} 加入了你的团队"${p.team}"（无需审批）。发送"移出团队 ${p.person} ${p.team}"可将其移出。`,
  alertOne: (p) => `提醒：${p.line}`,
  alertBatch: (p) => `${p.count} 条提醒（${p.from}–${p.to}）：\n${p.lines}`,
  alertsFooter: () => '关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交、入队）；发送“提醒”查看全部。',
  alertKindName: (p) => ({ offsite: '范围外签到', mocked: '模拟定位', lateReport: '简报后迟交的日报', joined: '无需审批的入队' })[p.kind],
  alertSwitched: (p) =>
    p.enabled
      ? `${p.name}提醒已开启：发生时即通知你（每 10 分钟最多一条消息，免打扰时段不发）。`
      : p.kind === 'joined'
        ? `${p.name}提醒已关闭，新成员仍会出现在每日简报里。`
        : `${p.name}提醒已关闭，每日简报里仍能看到。`,
  alertsList: (p) =>
    `关于你团队成员的实时提醒：\n${p.lines}\n入队申请总是即时发送并带按钮（免打扰时段顺延）。${p.manages ? '' : '\n你还没有管理团队，所以暂时收不到提醒。'}\n开关示例：“提醒 范围外 关” / “提醒 迟交 开”。`,
  alertsInSettings: (p) => `你的实时提醒（如“提醒 范围外 关”可关闭）：\n${p.lines}`,
  alertsListLine: (p) => `• ${p.name}：${p.enabled ? '开' : '关'}`,
};
