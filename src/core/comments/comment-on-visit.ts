import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/domain-error.ts';
import { audit } from '../shared/audit.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { readCommentBody } from './comment-text.ts';
import { notifyComment, type CommentSubject } from './notify-comment.ts';
import { requireFeedbackAllowed, type CommentAuthor, type PostedComment } from './comment-on-report.ts';

/**
 * A manager's reply (or 👍) on one visit: stored, audited and queued to the rep, naming the customer
 * and the visit's date on the rep's own calendar. Same rules as {@link commentOnReport}.
 */
export async function commentOnVisit(
  { db, clock }: { db: Db; clock: Clock },
  input: { actor: CommentAuthor; visitId: string; text: string },
): Promise<PostedComment> {
  const visit = await db
    .selectFrom('visits as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['v.id', 'v.org_id', 'v.started_at', 'u.id as user_id', 'u.display_name', 'u.org_id as user_org', 'u.time_zone', 'c.name as customer'])
    .where('v.id', '=', input.visitId)
    .where('v.org_id', '=', input.actor.org_id)
    .executeTakeFirst();
  if (!visit) throw new DomainError('commentNotFound');
  await requireFeedbackAllowed(db, input.actor, { id: visit.user_id, org_id: visit.user_org, display_name: visit.display_name });
  const body = readCommentBody(input.text);
  const now = clock.now();
  const row = await db
    .insertInto('comments')
    .values({ org_id: visit.org_id, visit_id: visit.id, subject_user_id: visit.user_id, author_id: input.actor.id, kind: body.kind, text: body.text, created_at: now })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  const subject: CommentSubject = { kind: 'visit', date: localDateOf(new Date(visit.started_at), visit.time_zone), customer: visit.customer };
  await audit(db, input.actor, 'comment.created', row.id, { visitId: visit.id, kind: body.kind });
  const delivered = await notifyComment(db, { orgId: visit.org_id, recipientId: visit.user_id, author: input.actor.display_name, subject, body, now });
  return { id: row.id, person: { id: visit.user_id, name: visit.display_name }, subject, kind: body.kind, text: body.text, createdAt: new Date(row.created_at), delivered };
}
