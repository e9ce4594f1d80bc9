import type { Db } from '../../core/shared/db.ts';
import { auditActor, type ApiActor } from '../../core/access/api-actor.ts';

/**
 * One audit line per API write: who (a person, or the token by name), what, and the subject's
 * fields before and after. Runs in the write's transaction, so there is no write without its line.
 */
export async function auditWrite(
  db: Db,
  scope: ApiActor,
  action: string,
  subjectId: string,
  change: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
): Promise<void> {
  const who = auditActor(scope.principal);
  await db
    .insertInto('audit_log')
    .values({
      org_id: scope.org.id,
      actor_user_id: who.actorUserId,
      action,
      subject_id: subjectId,
      detail: JSON.stringify({ via: who.via, before: change.before, after: change.after }),
    })
    .execute();
}

/** Only the fields that changed, before and after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
