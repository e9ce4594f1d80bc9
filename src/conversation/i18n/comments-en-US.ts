/**
 * English texts for feedback on reports and visits (issue 15): the manager's chat command, what the
 * rep receives, and replies shown in `today` and the report card. comments-zh-CN.ts mirrors every key.
 */
export const commentsEnUS = {
  /** To the rep, through the outbox. */
  commentOnReportReceived: (p: { manager: string; date: string; text: string }) =>
    `${p.manager} replied to your daily report of ${p.date}:\n${p.text}`,
  likeOnReportReceived: (p: { manager: string; date: string }) => `${p.manager} gave your daily report of ${p.date} a 👍.`,
  commentOnVisitReceived: (p: { manager: string; customer: string; date: string; text: string }) =>
    `${p.manager} commented on your visit to ${p.customer} on ${p.date}:\n${p.text}`,
  likeOnVisitReceived: (p: { manager: string; customer: string; date: string }) =>
    `${p.manager} gave your visit to ${p.customer} on ${p.date} a 👍.`,
  /** To the manager who commented. */
  commentSent: (p: { person: string; date: string }) => `Sent to ${p.person} (on their daily report of ${p.date}).`,
  commentSaved: (p: { person: string; date: string }) =>
    `Saved on ${p.person}'s daily report of ${p.date}. I cannot reach ${p.person} in a private chat yet: they will see it under "today".`,
  commentNoReport: (p: { person: string }) => `${p.person} has not filed a daily report yet, so there is nothing to answer.`,
  commentNotAllowed: (p: { person: string; admins: string[] }) =>
    `Only ${p.person}'s manager or an admin (${p.admins.join(', ')}) can answer their reports.`,
  commentNotFound: () => 'That report or visit does not exist, or is not yours to answer.',
  commentEmpty: () => 'The reply is empty: write a few words, or 👍.',
  commentTooLong: (p: { max: number }) => `The reply is too long: at most ${p.max} characters.`,
  /** `today` and the report card. */
  repliesHeading: () => 'Replies from your manager:',
  replyLine: (p: { author: string; date: string; text: string | null; customer: string | null }) =>
    `• ${p.author}${p.customer ? ` on your visit to ${p.customer}` : ` on your report of ${p.date}`}: ${p.text ?? '👍'}`,
  reportCardRepliesHeading: () => 'Replies:',
  reportCardReplyLine: (p: { author: string; text: string | null }) => `• ${p.author}: ${p.text ?? '👍'}`,
  /** `console`. */
  consoleLink: (p: { url: string; minutes: number }) =>
    `Your console link (works once, for ${p.minutes} minutes; do not share it):\n${p.url}`,
  consoleLinkLabel: () => 'Open the console',
  consoleLoggedOutEverywhere: (p: { count: number }) =>
    p.count === 0 ? 'You had no open console sessions.' : `Signed out of the console everywhere (${p.count} ${p.count === 1 ? 'session' : 'sessions'}).`,
};
