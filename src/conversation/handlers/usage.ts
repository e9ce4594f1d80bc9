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
  },
};

export function usageExample(language: Language, command: CommandName): string {
  return examples[language][command];
}
