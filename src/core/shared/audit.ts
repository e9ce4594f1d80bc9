import type { Db } from './db.ts';

/** One line of the audit log: who did what to which subject, inside the caller's transaction. */
export async function audit(
  db: Db,
  actor: { id: string | null; org_id: string },
  action: string,
  subjectId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ org_id: actor.org_id, actor_user_id: actor.id, action, subject_id: subjectId, detail: JSON.stringify(detail) })
    .execute();
}
