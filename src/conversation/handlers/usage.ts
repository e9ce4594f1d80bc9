import type { CommandName, Language } from '../intents/types.ts';

/** One example per command, in the user's language: the answer to a command with missing parts. */
const examples: Record<Language, Record<CommandName, string>> = {
  'zh-CN': {
    checkIn: '签到 华为 22.54,113.95',
    checkOut: '签退 见了采购，对报价有兴趣',
    visitNote: '拜访 华为 演示顺利 下一步 发报价 跟进 下周五',
    report: '日报 今天拜访了 3 家客户，明天跟进报价',
    showCustomer: '客户 华为',
    newCustomer: '新客户 华为 22.54,113.95',
    createTeam: '创建团队 华东',
    joinTeam: '加入团队 华东',
    bindTeam: '绑定团队 华东',
    setTimeZone: '设置时区 Asia/Shanghai',
    setLanguage: '语言 中文 或 语言 English',
    leaderboard: '排行榜 周（或 日、月）；不参加排行',
    away: '请假 到 周五',
    reminderSwitch: '关闭提醒 日报（日报、签退、跟进、重点客户）',
    workdays: '工作日 周一至周五（或 周一 周三 周五、1-5）',
    holidays: '节假日 添加 10月1日 至 10月7日；节假日 删除 10月1日',
    quietHours: '免打扰 22:00-07:00（或 免打扰 关）',
    reportReminder: '日报提醒 18:30（或 日报提醒 关）',
    dailyDigest: '摘要时间 19:00（或 摘要时间 关）',
  },
  'en-US': {
    checkIn: 'checkin Huawei 22.54,113.95',
    checkOut: 'checkout met the buyer, keen on the quote',
    visitNote: 'visit Huawei: demo went well; next: send quote; follow up: next Friday',
    report: 'report Visited 3 customers; following up quotes tomorrow',
    showCustomer: 'customer Huawei',
    newCustomer: 'new customer Huawei 22.54,113.95',
    createTeam: 'team create East',
    joinTeam: 'join East',
    bindTeam: 'bind East',
    setTimeZone: 'timezone America/Los_Angeles',
    setLanguage: 'language en or language zh',
    leaderboard: 'leaderboard week (or day, month); leaderboard off',
    away: 'away until Friday',
    reminderSwitch: 'reminders off report (report, checkout, followup, overdue)',
    workdays: 'workdays mon-fri (or mon,wed,fri or 1-5)',
    holidays: 'holiday add Oct 1 to Oct 7; holiday remove Oct 1',
    quietHours: 'quiet 22:00-07:00 (or quiet off)',
    reportReminder: 'report reminder 18:30 (or report reminder off)',
    dailyDigest: 'digest time 19:00 (or digest time off)',
  },
};

export function usageExample(language: Language, command: CommandName): string {
  return examples[language][command];
}
