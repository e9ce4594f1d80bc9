import type { Language } from '../../src/conversation/intents/types.ts';

/**
 * The web chat's own words in both languages. The page shows the person's language (the one
 * Legwork keeps for them; before their first message, the browser's), so every label, chip and
 * error here exists in both catalogues as whole sentences with `{placeholders}`.
 */
const enUS = {
  title: 'Legwork local chat',
  userLabel: 'User',
  userAria: 'User id',
  groupLabel: 'Group',
  groupAria: 'Group channel id (empty for a direct chat)',
  groupPlaceholder: '(direct)',
  messageAria: 'Message',
  messagePlaceholder: 'checkin Acme / today / help',
  send: 'Send',
  locationButton: 'Check in or out with my location',
  welcomeTitle: 'Welcome to Legwork',
  welcomeBody:
    'Talk to the bot as any user: pick a user id above (and a group to chat as a team). Tap a command to try it, or type your own.',
  chips: ['help', 'new customer Acme 37.77,-122.42', 'checkin Acme', 'today', 'report'],
  chipsAria: 'Try it',
  bot: 'Legwork',
  you: 'You',
  openLocationPage: '📍 Open the location page',
  openLink: 'Open link',
  sharedLocation: '📍 Location {lat},{lng}',
  sending: 'Sending…',
  notSent: 'Not sent: {reason}',
  checkOutOf: 'Check out of {customer}',
  checkInElsewhere: 'Check in at a customer',
  locationMenuAria: 'Location options',
  unknownUser: '"{user}" has not said anything yet: send a message first (for example "help").',
  noUser: 'Enter a user id first.',
  linkFailed: 'Could not make a location link. Try again in a moment.',
  popupBlocked: 'Your browser blocked the new tab. Open the location page with the button below.',
  networkError: 'Could not reach Legwork. Check your connection and try again.',
  choicesAria: 'Answers',
};

export type WebChatText = typeof enUS;

const zhCN: WebChatText = {
  title: 'Legwork 本地聊天',
  userLabel: '用户',
  userAria: '用户 ID',
  groupLabel: '群',
  groupAria: '群聊 ID（留空为单聊）',
  groupPlaceholder: '（单聊）',
  messageAria: '消息',
  messagePlaceholder: '签到 华为 / 今天 / 帮助',
  send: '发送',
  locationButton: '用我的位置签到或签退',
  welcomeTitle: '欢迎使用 Legwork',
  welcomeBody: '可以以任何用户身份和机器人对话：在上方填写用户 ID（填写群 ID 即可以团队身份聊天）。点一下命令试试，或自己输入。',
  chips: ['帮助', '新客户 华为 22.54,113.95', '签到 华为', '今天', '日报'],
  chipsAria: '试一试',
  bot: 'Legwork',
  you: '我',
  openLocationPage: '📍 打开定位页面',
  openLink: '打开链接',
  sharedLocation: '📍 位置 {lat},{lng}',
  sending: '发送中…',
  notSent: '未发送：{reason}',
  checkOutOf: '从 {customer} 签退',
  checkInElsewhere: '在客户处签到',
  locationMenuAria: '位置选项',
  unknownUser: '"{user}" 还没有发过消息：请先发一条消息（例如"帮助"）。',
  noUser: '请先填写用户 ID。',
  linkFailed: '无法生成定位链接，请稍后再试。',
  popupBlocked: '浏览器拦截了新标签页。请用下面的按钮打开定位页面。',
  networkError: '无法连接 Legwork。请检查网络后重试。',
  choicesAria: '可选回答',
};

const texts: Record<Language, WebChatText> = { 'en-US': enUS, 'zh-CN': zhCN };

export function webChatTextFor(language: Language): WebChatText {
  return texts[language];
}

/** Both catalogues, for the page's script: it switches when the person's language is known. */
export const webChatTexts = texts;
