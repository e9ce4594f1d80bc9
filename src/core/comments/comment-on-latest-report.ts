import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/domain-error.ts';
import { findPersonByName } from '../users/find-person.ts';
import { commentOnReport, requireFeedbackAllowed, type CommentAuthor, type PostedComment } from './comment-on-report.ts';

/**
 * `点评 张三 <内容>` / `comment Zhang <text>`: answers the named rep's latest daily report. The
 * permission is checked before looking for a report, so a rep or another team's manager learns
 * nothing about whether 张三 filed one.
 */
export async function commentOnLatestReport(
  deps: { db: Db; clock: Clock },
  input: { actor: CommentAuthor; personName: string; text: string },
): Promise<PostedComment> {
  const person = await findPersonByName(deps.db, input.actor.org_id, input.personName);
  await requireFeedbackAllowed(deps.db, input.actor, person);
  const latest = await deps.db
    .selectFrom('daily_reports')
    .select('id')
    .where('user_id', '=', person.id)
    .orderBy('report_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) throw new DomainError('commentNoReport', { person: person.display_name });
  return commentOnReport(deps, { actor: input.actor, reportId: latest.id, text: input.text });
}
