import type { Language } from '../../conversation/intents/types.ts';

/** The privacy notice (`GET /privacy`) and the data export page, in both languages. */
export const privacyPageText: Record<Language, {
  title: string;
  intro: string;
  storedHeading: string;
  columns: [string, string, string];
  rows: (days: number) => [string, string, string][];
  notStored: string;
  rightsHeading: string;
  rights: string[];
  companyHeading: string;
  exportTitle: string;
  exportIntro: string;
  exportButton: string;
  exportExpired: string;
  exportUsed: string;
  exportInvalid: string;
}> = {
  'en-US': {
    title: 'Privacy: what Legwork records',
    intro: 'Legwork records your location only when you check in or out at a customer. It never tracks you in the background.',
    storedHeading: 'What is stored, why, and for how long',
    columns: ['What', 'Why', 'How long'],
    rows: (days) => [
      ['Your name, role, time zone, language, chat account ids', 'To know who you are and reach you with replies and reminders', 'While you use Legwork; removed when your data is erased'],
      ['Check-in location (exact), accuracy, distance to the customer, result', 'To show a visit really happened at the customer', `Exact for ${days} days, then coarsened to about 1 km; the result and distance stay`],
      ['Visits, visit notes, next steps, daily reports, plans', 'Your work record, for you and your manager', 'While the company keeps work records; the words are removed on erasure unless the company keeps work records'],
      ['Reminders sent, messages waiting to be delivered', 'To send each message exactly once', 'Delivered messages 30 days'],
      ['Ids of incoming chat messages (not their content)', 'So a message delivered twice is handled once', '14 days'],
      ['Audit log (who changed a setting or a role) and access log (who opened your records)', 'Accountability', 'Access log entries are shown to you for 30 days; both stay with the company record'],
    ],
    notStored: 'Raw platform payloads (the messages as DingTalk, WeCom or Slack send them) are not stored; photos and files are not kept.',
    rightsHeading: 'Your rights, from the chat',
    rights: ['"my data": a one-time link to download everything Legwork holds about you', '"who sees me": who can see your individual records, and what they see', '"access log": who opened your records in the last 30 days'],
    companyHeading: 'From your company',
    exportTitle: 'Download your data',
    exportIntro: 'A zip with one JSON file and a CSV file per kind of record. The link works once.',
    exportButton: 'Download',
    exportExpired: 'This link has expired. Send "my data" again for a new one.',
    exportUsed: 'This link was already used. Send "my data" again for a new one.',
    exportInvalid: 'This link is not valid.',
  },
  'zh-CN': {
    title: '隐私：Legwork 记录什么',
    intro: 'Legwork 只在你在客户处签到或签退时记录位置，绝不在后台跟踪你。',
    storedHeading: '保存什么、为什么、保存多久',
    columns: ['内容', '用途', '保存期限'],
    rows: (days) => [
      ['姓名、角色、时区、语言、聊天账号 ID', '识别你的身份，向你发送回复和提醒', '使用期间保存；删除数据时移除'],
      ['签到位置（精确）、精度、与客户的距离、结果', '证明拜访确实在客户处发生', `精确位置保存 ${days} 天，之后模糊到约 1 公里；结果和距离保留`],
      ['拜访、拜访备注、下一步、日报、计划', '你的工作记录，供你和经理查看', '随公司工作记录保存；删除数据时移除文字（公司设置保留工作记录时除外）'],
      ['已发送的提醒、待发送的消息', '确保每条消息只发送一次', '已发送的消息保存 30 天'],
      ['收到的聊天消息 ID（不含内容）', '同一条消息重复送达时只处理一次', '14 天'],
      ['审计日志（谁修改了设置或角色）和访问记录（谁查看了你的记录）', '问责', '访问记录向你展示最近 30 天；两者随公司记录保存'],
    ],
    notStored: '不保存平台的原始消息（钉钉、企业微信、Slack 发来的原始数据）；不保存照片和文件。',
    rightsHeading: '你的权利（在聊天中发送）',
    rights: ['"我的数据"：一次性链接，下载 Legwork 保存的关于你的全部数据', '"谁能看到我"：谁能查看你的个人记录，以及能看到什么', '"查看记录"：最近 30 天谁查看过你的记录'],
    companyHeading: '公司补充说明',
    exportTitle: '下载你的数据',
    exportIntro: '一个 zip 文件：一个 JSON 文件，每类记录一个 CSV 文件。链接仅可使用一次。',
    exportButton: '下载',
    exportExpired: '链接已过期。请重新发送"我的数据"获取新链接。',
    exportUsed: '链接已使用过。请重新发送"我的数据"获取新链接。',
    exportInvalid: '链接无效。',
  },
};
