import { weekdayRuns } from './setting-values.ts';
import type { HolidayRuns, ScheduleSettingsMessages, SettingsWhere } from './settings-messages-en-US.ts';

const DAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const day = (n: number) => DAYS[n - 1] ?? String(n);
const days = (list: number[]) =>
  list.length === 0 ? '无' : weekdayRuns(list).map(([a, b]) => (a === b ? day(a) : b === a + 1 ? `${day(a)}、${day(b)}` : `${day(a)}至${day(b)}`)).join('、');
const where = (p: SettingsWhere) => (p.team ? `团队"${p.team}"` : '全公司（各团队的默认设置）');
const run = ([a, b]: [string, string]) => (a === b ? a : `${a} 至 ${b}`);
const holidays = (p: HolidayRuns) => (p.runs.length === 0 ? '无' : `${p.runs.map(run).join('、')}${p.more > 0 ? ` 等（另有 ${p.more} 段）` : ''}`);
const range = (p: { from: string; to: string }) => (p.from === p.to ? p.from : `${p.from} 至 ${p.to}`);

/** 从聊天修改提醒设置的回复（中文）。 */
export const scheduleSettingsZhCN: ScheduleSettingsMessages = {
  summary: (p) =>
    [
      `${where(p)}的提醒设置：`,
      `• 工作日：${days(p.workdays)}`,
      `• 接下来的节假日：${holidays(p)}`,
      `• 免打扰：${p.quietHours ? `${p.quietHours.start}-${p.quietHours.end}` : '无'}`,
      `• 日报提醒：${p.report ? `${p.report}${p.reportFollowUp ? `（${p.reportFollowUp} 再提醒一次）` : ''}` : '已关闭'}`,
      `• 经理每日简报：${p.digest ?? '已关闭'}`,
      `• 周排行榜：${p.weeklyLeaderboard ? `${day(p.weeklyLeaderboard.weekday)} ${p.weeklyLeaderboard.time}` : '已关闭'}`,
      '时间均为每个人的当地时间。',
      p.canChange
        ? '修改示例：「工作日 周一至周五」「节假日 添加 10月1日 至 10月7日」「免打扰 22:00-07:00」「日报提醒 18:30」「摘要时间 19:00」。'
        : '只有团队经理或管理员可以修改。',
    ].join('\n'),
  holidayList: (p) => `${where(p)}接下来的节假日：${holidays(p)}。`,

  workdaysSet: (p) => `${where(p)}的工作日已改为：${days(p.days)}。`,
  holidaysAdded: (p) =>
    `已为${where(p)}添加节假日：${range(p)}。这些天不发提醒、简报和定时排行榜。\n接下来的节假日：${holidays(p)}。`,
  holidaysRemoved: (p) => `${range(p)} 已不再是${where(p)}的节假日。\n接下来的节假日：${holidays(p)}。`,
  holidaysAlready: (p) => `${range(p)} 已经是${where(p)}的节假日了。`,
  holidaysNotFound: (p) => `${range(p)} 不是${where(p)}的节假日。发送「节假日」查看。`,
  holidayOrgWide: (p) => `${p.date} 是全公司的节假日，需要管理员发送「节假日 删除 ${p.date} 全公司」来删除。`,
  quietSet: (p) => `${where(p)}的免打扰时段已改为 ${p.start}-${p.end}：这段时间不发消息，仍需提醒的会在结束后发出。`,
  quietOff: (p) => `已关闭${where(p)}的免打扰时段：提醒按时发出，不分昼夜。`,
  reportReminderSet: (p) =>
    `${where(p)}的日报提醒已改为工作日 ${p.time}${p.followUp ? `，到 ${p.followUp} 还没交会再提醒一次` : ''}。`,
  reportReminderOff: (p) => `已关闭${where(p)}的日报提醒。`,
  digestSet: (p) => `${where(p)}的经理每日简报已改为工作日 ${p.time} 发送。`,
  digestOff: (p) => `已关闭${where(p)}的经理每日简报。`,
  timeInQuietHours: (p) => `注意：${p.time} 在免打扰时段（${p.start}-${p.end}）内，会等到免打扰结束再发（如果那时已过当天则不再发）。`,
  keptByTeams: (p) => `有自己设置的团队保持不变：${p.teams.join('、')}。`,

  unknownWeekday: (p) => `"${p.token}"不是星期几。示例：工作日 周一至周五，或 工作日 周一 周三 周五。`,
  noWorkdays: () => '请至少写一个工作日。示例：工作日 周一至周五。',
  badTime: (p) => `"${p.text}"不是有效的时间。请用 24 小时制 时:分，例如 18:30。`,
  badWindow: (p) => `看不懂免打扰时段"${p.text}"。请写开始和结束时间，例如「免打扰 22:00-07:00」，或「免打扰 关」。`,
  emptyWindow: () => '免打扰的开始和结束时间不能相同，例如「免打扰 22:00-07:00」（或「免打扰 关」）。',
  badDate: (p) => `看不懂日期"${p.text}"。可以写 2026-10-01、10月1日 或 明天。`,
  rangeBackwards: (p) => `${p.to} 早于 ${p.from}。请先写开始日期，例如「节假日 添加 10月1日 至 10月7日」。`,
  rangeTooLong: (p) => `超过 ${p.max} 天了。长假请分几次添加，每次最多 ${p.max} 天。`,
  datePassed: (p) => `${p.date} 已经过去了，节假日只对以后的日子有用。`,

  notAllowed: () => '只有团队经理或管理员可以修改提醒设置。发送「设置」可以查看当前设置。',
  onlyAdminForOrg: () => '只有管理员可以修改全公司的设置。去掉「全公司」即可修改你自己团队的设置。',
  onlyManagerOfTeam: (p) => `只有团队"${p.team}"的经理或管理员可以修改它的设置。`,
  whichTeam: (p) => `你管理多个团队（${p.teams.join('、')}），请在最后加上团队，例如「免打扰 22:00-07:00 团队 ${p.teams[0] ?? '华东'}」。`,
  teamNotFound: (p) => `没有名为"${p.name}"的团队。`,
};
