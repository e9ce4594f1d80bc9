import { commentOnLatestReport } from '../../core/comments/comment-on-latest-report.ts';
import { issueConsoleLink, consoleLinkMinutes } from '../../core/console/console-link.ts';
import { revokeConsoleSessions } from '../../core/console/console-sessions.ts';
import type { Turn } from '../turn.ts';

/** `点评 张三 <内容>` / `comment Zhang <text>`: answers 张三's latest report; the rep is told in their chat. */
export async function handleComment(turn: Turn, intent: { person: string; text: string }): Promise<void> {
  const posted = await commentOnLatestReport({ db: turn.db, clock: turn.clock }, { actor: turn.user, personName: intent.person, text: intent.text });
  const params = { person: posted.person.name, date: posted.subject.date };
  turn.reply(posted.delivered ? turn.t.commentSent(params) : turn.t.commentSaved(params));
}

/**
 * `后台` / `console`: a one-time link into the web console, for the person alone (a group is told it
 * went to their private chat). What the console shows depends on who opens it: a rep sees their own.
 */
export async function handleConsole(turn: Turn, intent: { logout?: true }): Promise<void> {
  if (intent.logout) {
    // A lost phone or a shared computer: every console session of this person ends at once.
    const ended = await revokeConsoleSessions(turn.db, { userId: turn.user.id, now: turn.now });
    return turn.reply(turn.t.consoleLoggedOutEverywhere({ count: ended }));
  }
  const link = issueConsoleLink(turn.settings, { orgId: turn.org.id, userId: turn.user.id, now: turn.now });
  turn.replyPrivately({
    text: turn.t.consoleLink({ url: link.url, minutes: consoleLinkMinutes }),
    actions: [{ label: turn.t.consoleLinkLabel(), url: link.url }],
  });
}
