import type { schedulePrefsEnUS } from './messages-en-US.ts';

/** 提醒设置的回复（中文）。 */
export const schedulePrefsZhCN: typeof schedulePrefsEnUS = {
  kindName: (p) => ({ report: '日报', checkout: '签退', followup: '跟进', overdue: '重点客户', plan: '计划' })[p.kind],
  awaySet: (p) =>
    `已暂停提醒，直到 ${p.date}（${['周一', '周二', '周三', '周四', '周五', '周六', '周日'][p.weekday - 1]}）。提前回来请发送「恢复」。`,
  awayBadDate: (p) => `看不懂日期「${p.text}」。可以试试「请假 到 周五」或「请假 到 12月5日」。`,
  awayPastDate: (p) => `${p.date} 已经过去了，请换一个以后的日期，例如「请假 到 周五」。`,
  back: () => '欢迎回来，提醒已恢复。',
  notAway: () => '你的提醒本来就是开启的。',
  reminderOff: (p) => `已关闭${p.name}提醒。发送「开启提醒 ${p.name}」可重新开启。`,
  reminderOn: (p) => `已开启${p.name}提醒。`,
};
