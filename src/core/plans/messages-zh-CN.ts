/** 外勤计划的中文回复（issue 14），与 en-US 一一对应。 */
import type { DayLabel, PlanMessages, PlannedItem, StopView } from './messages-en-US.ts';
import { formatDistance } from '../../conversation/i18n/distance.ts';

const km = formatDistance['zh-CN'];
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function day(p: DayLabel): string {
  const date = `${Number(p.date.slice(5, 7))}月${Number(p.date.slice(8, 10))}日 ${WEEKDAYS[p.weekday - 1]}`;
  if (p.offset === 0) return `今天（${date}）`;
  if (p.offset === 1) return `明天（${date}）`;
  return date;
}

const items = (list: readonly PlannedItem[]) => list.map((s) => (s.time ? `${s.customer} ${s.time}` : s.customer)).join('、');

function stateText(s: StopView): string {
  switch (s.state) {
    case 'done':
      return s.checkInStatus === 'verified' ? '已完成 ✓（位置已核实）' : s.checkInStatus === 'outside' ? '已完成 ✓（不在客户附近签到）' : '已完成 ✓';
    case 'missed':
      return '未完成';
    case 'cancelled':
      return '已取消';
    case 'planned':
      return '待拜访';
  }
}

export const planMessagesZhCN: PlanMessages = {
  dayLabel: day,
  dayHeading: (p) => (p.who ? `${p.who} ${day(p.day)}的计划（按路线顺序）：` : `${day(p.day)}的计划（按路线顺序）：`),
  dayEmpty: (p) => (p.who ? `${p.who} ${day(p.day)}没有计划。` : `${day(p.day)}还没有计划。计划拜访：计划 明天 华为 10:00`),
  stopLine: (s) =>
    [
      `${s.index}. ${s.time ? `${s.time} ` : ''}${s.customer}`,
      s.purpose ? `目的：${s.purpose}` : null,
      s.expected ? `预期：${s.expected}` : null,
      s.fromPrevious !== null ? `距上一站 ${km(s.fromPrevious)}` : null,
      stateText(s),
      s.plannedBy ? `${s.plannedBy} 安排` : null,
    ]
      .filter((part) => part !== null)
      .join(' — '),
  cancelledLine: (p) => `✗ ${p.customer} — 已取消`,
  totals: (p) =>
    `总路程 ${km(p.meters)}${p.fromStart ? '（从出发点算起）' : ''}，` +
    (p.saved >= 1 ? `比输入顺序少 ${km(p.saved)}。` : '输入顺序已是最短。'),
  withoutPosition: (p) => `${p.customers} 没有位置，未排入路线。`,
  weekHeading: (p) => `${p.who ? `${p.who} ` : ''}${day(p.from)}至${day(p.to)}的计划：`,
  weekDayLine: (p) => `• ${day(p.day)}：${p.customers}（${p.stops} 站，已完成 ${p.done}${p.meters !== null ? `，${km(p.meters)}` : ''}）`,
  weekEmpty: (p) => (p.who ? `${p.who} 本周没有计划。` : '本周还没有计划。'),
  added: (p) =>
    `已计划 ${day(p.day)}：${items(p.stops)}。${p.updated > 0 ? `（其中 ${p.updated} 个原已在计划中，已更新。）` : ''}当天共 ${p.total} 站，发送「计划 ${p.day.date}」查看路线。`,
  assignedConfirm: (p) => `已为 ${p.rep} 安排 ${day(p.day)}：${items(p.stops)}，并已通知 ${p.rep}。`,
  assignedToRep: (p) =>
    `${p.manager} 为你安排了 ${day(p.day)} 的拜访：${items(p.stops)}${p.purpose ? `（目的：${p.purpose}）` : ''}。发送「计划 ${p.day.date}」查看路线。`,
  badDate: (p) => `看不懂日期"${p.text}"。可以写：明天、周三、下周一、12月8日。`,
  pastDate: (p) => `${day(p.day)}已经过去，只能计划今天或以后。未做任何计划。`,
  badTime: (p) => `"${p.text}"不是有效的时间（可以写 10:00、14:30、下午3点）。未做任何计划。`,
  pastTime: (p) => `今天 ${p.time} 已经过了。未做任何计划。`,
  timeOneCustomer: () => '时间只能对应一个客户：带时间的拜访请逐个计划。未做任何计划。',
  tooMany: (p) => `一天最多 ${p.max} 站，${day(p.day)}已有 ${p.existing} 站。未做任何计划。`,
  unresolvedOthers: (p) => `${p.names} 也无法唯一对应到一个客户，请之后单独计划。`,
  unresolved: (p) => `${p.names} 无法唯一对应到一个客户。请单独计划它，以便选择或新建客户；未做任何计划。`,
  cancelled: (p) => `已取消 ${day(p.day)}对 ${p.customer} 的拜访计划。`,
  notFound: (p) => `${p.customer} 没有待拜访的计划。发送「计划 本周」查看计划。`,
  moved: (p) => `已把 ${p.customer} 从${day(p.from)}改到${day(p.to)}${p.time ? ` ${p.time}` : ''}。`,
  alreadyThatDay: (p) => `${p.customer} 在${day(p.day)}已有计划，未做改动。`,
  startPointSet: (p) => `出发点已设为 ${p.lat.toFixed(5)},${p.lng.toFixed(5)}。当天首次签到前，路线从这里出发。`,
  startPointAsk: () => '请现在发送出发点的位置，或直接输入：设置出发点 22.54,113.95',
  startPointBad: () => '这不是有效的位置，请按"纬度,经度"输入，例如：设置出发点 22.54,113.95。未做改动。',
  personNotFound: (p) => `这里没有叫"${p.name}"的人。要自己计划拜访：计划 明天 ${p.name} 10:00`,
  personAmbiguous: (p) => `有多人匹配"${p.name}"：${p.options}。请输入全名。`,
  notAllowedView: (p) => `你只能查看自己管理的团队成员的计划，${p.name} 不在其中。`,
  notAllowedAssign: (p) => `你只能为自己管理的团队成员安排拜访（管理员可为任何人安排），${p.name} 不在其中。未做任何安排。`,
  repCannotAssign: () => '只有经理和管理员可以为别人安排拜访。计划自己的拜访：计划 明天 华为 10:00',
  suggestHeading: (p) => `${day(p.day)}建议拜访（按客户级别到期，逾期优先，位置相近）：`,
  suggestLine: (p) =>
    `${p.index}. ${p.customer}（${p.tier} 级）— ${p.reason === 'followUp' ? '跟进到期' : p.reason === 'never' ? '从未拜访' : `上次拜访在 ${p.days} 天前`}`,
  suggestFooter: () => '回复 1 全部加入计划，或回复编号挑选（如 1 3 4）。',
  suggestNone: (p) => `${day(p.day)}没有到期需要拜访的客户。`,
  suggestPickBad: (p) => `请回复 1 到 ${p.max} 之间的编号（1 表示全部）。`,
  morningHeading: (p) => `早上好！你${day(p.day)}的计划：`,
  beforeStop: (p) => `${p.minutes} 分钟后拜访：${p.customer} ${p.time}${p.purpose ? `（目的：${p.purpose}）` : ''}。到达后请签到。`,
  checkInButton: () => '签到',
  checkInAt: (p) => `签到：${p.customer}`,
  stopLinkLine: (p) => `   签到链接：${p.url}`,
  beforeStopLink: (p) => `签到链接：${p.url}`,
  unplannedLine: (p) => `计划外拜访：${p.customers}`,
};
