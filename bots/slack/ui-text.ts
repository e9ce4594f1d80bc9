import type { Language } from '../../src/conversation/intents/types.ts';

/**
 * Words of the Slack-only UI (modals, App Home). Conversation replies come from the core's
 * catalogues; these are labels and validation messages that exist only in Slack's forms. Whole
 * phrases with named parameters, as in the core catalogues. Modal titles must fit 24 characters.
 */
const enUS = {
  visitTitle: 'Visit notes',
  reportTitle: 'Daily report',
  save: 'Save',
  submit: 'Submit',
  cancel: 'Cancel',
  customerLabel: 'Customer',
  customerPlaceholder: 'e.g. Huawei',
  notesLabel: 'Notes',
  notesPlaceholder: 'What happened at the visit',
  nextStepLabel: 'Next step',
  followUpLabel: 'Follow-up date',
  reportBodyLabel: 'Your words: done, plan for tomorrow, problems',
  reportResubmitHint: 'You already submitted today\'s report; submitting again edits it.',
  reportNoSummary: 'No visits recorded today yet.',
  required: 'Please fill this in.',
  tooLong: (p: { max: number }) => `Please keep this under ${p.max} characters.`,
  customerNoColon: 'The customer name cannot contain ":" or line breaks.',
  noLabelsInField: 'Please don\'t write "next:" / "follow up:" (下一步 / 跟进) here; use the fields below.',
  badDate: 'Please pick a valid date.',
  pastDate: 'The follow-up date is in the past.',
  failed: 'Something went wrong on our side. Nothing was saved; please try again in a minute.',
  homeToday: (p: { date: string }) => `Today (${p.date})`,
  homeWeek: (p: { from: string; to: string }) => `This week (${p.from} – ${p.to})`,
  homeWeekLine: (p: { visits: number; verified: number; outside: number; reports: number; late: number }) =>
    `Visits: ${p.visits} (verified ${p.verified}, outside ${p.outside})\nDaily reports: ${p.reports} (late ${p.late})`,
  homeReportIn: 'Today\'s report: submitted ✓',
  homeReportMissing: 'Today\'s report: not yet. Use /report.',
  homeWelcome: 'Welcome to Legwork! Send me a message ("help") or use /checkin, /visit and /report to get started.',
  homeHelp: 'Commands: /checkin <customer> [lat,lng] · /checkout [notes] · /visit · /report · /leaderboard · /legwork help',
};

type UiText = typeof enUS;

const zhCN: UiText = {
  visitTitle: '拜访记录',
  reportTitle: '日报',
  save: '保存',
  submit: '提交',
  cancel: '取消',
  customerLabel: '客户',
  customerPlaceholder: '例如：华为',
  notesLabel: '拜访内容',
  notesPlaceholder: '这次拜访谈了什么',
  nextStepLabel: '下一步',
  followUpLabel: '跟进日期',
  reportBodyLabel: '我的总结：完成了什么、明日计划、遇到的问题',
  reportResubmitHint: '今天的日报已经提交过，再次提交会更新它。',
  reportNoSummary: '今天还没有拜访记录。',
  required: '请填写此项。',
  tooLong: (p: { max: number }) => `请控制在 ${p.max} 个字符以内。`,
  customerNoColon: '客户名称不能包含“:”或换行。',
  noLabelsInField: '请不要在这里写“下一步”/“跟进”（next: / follow up:），请使用下面的栏目。',
  badDate: '请选择有效的日期。',
  pastDate: '跟进日期已经过去了。',
  failed: '系统出了点问题，没有保存任何内容，请稍后再试。',
  homeToday: (p: { date: string }) => `今天（${p.date}）`,
  homeWeek: (p: { from: string; to: string }) => `本周（${p.from} 至 ${p.to}）`,
  homeWeekLine: (p: { visits: number; verified: number; outside: number; reports: number; late: number }) =>
    `拜访：${p.visits} 次（已验证 ${p.verified}，范围外 ${p.outside}）\n日报：${p.reports} 份（迟交 ${p.late}）`,
  homeReportIn: '今日日报：已提交 ✓',
  homeReportMissing: '今日日报：还没有提交，可以用 /report 填写。',
  homeWelcome: '欢迎使用 Legwork！给我发消息（“帮助”），或使用 /checkin、/visit、/report 开始。',
  homeHelp: '命令：/checkin <客户> [纬度,经度] · /checkout [备注] · /visit · /report · /leaderboard · /legwork 帮助',
};

export function uiText(language: Language): UiText {
  return language === 'zh-CN' ? zhCN : enUS;
}

/** Slack's `locale` ('zh-CN', 'zh-TW', 'en-GB', …) as one of our two languages. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}
