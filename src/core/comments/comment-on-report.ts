import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';
import { audit } from '../shared/audit.ts';
import { adminNames, loadActor, loadPerson } from '../access/load-actor.ts';
import { can } from '../access/permissions.ts';
import { readCommentBody } from './comment-text.ts';
import { notifyComment, type CommentSubject } from './notify-comment.ts';

/** Who writes a comment: a manager or an admin of the rep's org. */
export type CommentAuthor = Pick<User, 'id' | 'org_id' | 'role' | 'display_name'>;

export interface PostedComment {
  id: string;
  /** Whose report or visit it was. */
  person: { id: string; name: string };
  subject: CommentSubject;
  kind: 'text' | 'like';
  text: string | null;
  createdAt: Date;
  /** Whether a chat message to the rep was queued (false: they were never reached 1:1). */
  delivered: boolean;
}

/**
 * A manager's reply (or 👍) on a daily report: stored, audited, and queued to the rep in their chat
 * and language, all in the caller's transaction. Chat, the console and the API call this one use case.
 * A report in another org, or one the actor may not answer, is "not found" for an outsider and
 * "not allowed" (naming who can) for a colleague in the same org who sees the person anyway.
 */
export async function commentOnReport(
  { db, clock }: { db: Db; clock: Clock },
  input: { actor: CommentAuthor; reportId: string; text: string },
): Promise<PostedComment> {
  const report = await db
    .selectFrom('daily_reports as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.org_id', 'r.report_date', 'u.id as user_id', 'u.display_name', 'u.org_id as user_org'])
    .where('r.id', '=', input.reportId)
    .where('r.org_id', '=', input.actor.org_id)
    .executeTakeFirst();
  if (!report) throw new DomainError('commentNotFound');
  await requireFeedbackAllowed(db, input.actor, { id: report.user_id, org_id: report.user_org, display_name: report.display_name });
  const body = readCommentBody(input.text);
  const now = clock.now();
  const row = await db
    .insertInto('comments')
    .values({ org_id: report.org_id, report_id: report.id, subject_user_id: report.user_id, author_id: input.actor.id, kind: body.kind, text: body.text, created_at: now })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  const subject: CommentSubject = { kind: 'report', date: String(report.report_date) };
  await audit(db, input.actor, 'comment.created', row.id, { reportId: report.id, kind: body.kind });
  const delivered = await notifyComment(db, { orgId: report.org_id, recipientId: report.user_id, author: input.actor.display_name, subject, body, now });
  return { id: row.id, person: { id: report.user_id, name: report.display_name }, subject, kind: body.kind, text: body.text, createdAt: new Date(row.created_at), delivered };
}

/** The `giveFeedback` check; a refusal names the person and the org's admins. */
export async function requireFeedbackAllowed(db: Db, actor: CommentAuthor, person: Pick<User, 'id' | 'org_id' | 'display_name'>): Promise<void> {
  if (can(await loadActor(db, actor), { action: 'giveFeedback', person: await loadPerson(db, person) })) return;
  throw new DomainError('commentNotAllowed', { person: person.display_name, admins: await adminNames(db, actor.org_id) });
}
