import type { commentsEnUS } from './comments-en-US.ts';

/** 点评与后台链接（中文），与 comments-en-US.ts 同样的键。 */
export const commentsZhCN: typeof commentsEnUS = {
  commentOnReportReceived: (p) => `${p.manager}回复了你 ${p.date} 的日报：\n${p.text}`,
  likeOnReportReceived: (p) => `${p.manager}给你 ${p.date} 的日报点了 👍。`,
  commentOnVisitReceived: (p) => `${p.manager}点评了你 ${p.date} 对${p.customer}的拜访：\n${p.text}`,
  likeOnVisitReceived: (p) => `${p.manager}给你 ${p.date} 对${p.customer}的拜访点了 👍。`,
  commentSent: (p) => `已发给${p.person}（回复其 ${p.date} 的日报）。`,
  commentSaved: (p) => `已保存在${p.person} ${p.date} 的日报上。暂时无法私聊联系到${p.person}，对方发"今天"时会看到。`,
  commentNoReport: (p) => `${p.person}还没有提交过日报，暂无可点评的内容。`,
  commentNotAllowed: (p) => `只有${p.person}的经理或管理员（${p.admins.join('、')}）可以点评其日报。`,
  commentNotFound: () => '找不到这份日报或拜访，或者你无权点评。',
  commentEmpty: () => '点评内容是空的：写几个字，或者发 👍。',
  commentTooLong: (p) => `点评太长了：最多 ${p.max} 个字。`,
  repliesHeading: () => '经理的回复：',
  replyLine: (p) => `• ${p.author}${p.customer ? `（${p.customer} 的拜访）` : `（${p.date} 的日报）`}：${p.text ?? '👍'}`,
  reportCardRepliesHeading: () => '回复：',
  reportCardReplyLine: (p) => `• ${p.author}：${p.text ?? '👍'}`,
  consoleLink: (p) => `你的后台链接（只能用一次，${p.minutes} 分钟内有效，请勿转发）：\n${p.url}`,
  consoleLinkLabel: () => '打开后台',
  consoleLoggedOutEverywhere: (p) => (p.count === 0 ? '你没有已登录的后台。' : `已退出所有后台登录（${p.count} 个）。`),
};
