import type { Db } from '../shared/db.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { catalogueFor } from '../../conversation/i18n/catalogue.ts';
import { enqueueMessages } from '../../conversation/outbox.ts';
import type { CommentBody } from './comment-text.ts';

/** What the comment is on, as the rep will read it. */
export type CommentSubject = { kind: 'report'; date: string } | { kind: 'visit'; date: string; customer: string };

/**
 * Queues the reply to the rep (the report's or visit's author) in their language, naming the manager
 * and the date, in the caller's transaction: it is sent only if the comment commits. A rep never
 * reached 1:1 gets nothing now and sees it under `今天` / `today` (returns false).
 */
export async function notifyComment(
  db: Db,
  input: { orgId: string; recipientId: string; author: string; subject: CommentSubject; body: CommentBody; now: Date },
): Promise<boolean> {
  const person = await db
    .selectFrom('users as u')
    .select(['u.language', directRefOf('u.id').as('direct_ref')])
    .where('u.id', '=', input.recipientId)
    .executeTakeFirst();
  if (!person?.direct_ref) return false;
  const t = catalogueFor(person.language);
  const { subject, body, author: manager } = input;
  const text =
    subject.kind === 'report'
      ? body.kind === 'like'
        ? t.likeOnReportReceived({ manager, date: subject.date })
        : t.commentOnReportReceived({ manager, date: subject.date, text: body.text })
      : body.kind === 'like'
        ? t.likeOnVisitReceived({ manager, customer: subject.customer, date: subject.date })
        : t.commentOnVisitReceived({ manager, customer: subject.customer, date: subject.date, text: body.text });
  await enqueueMessages(db, [{ orgId: input.orgId, targetRef: person.direct_ref, message: { text, language: person.language } }], input.now);
  return true;
}
