import type { Db } from '../../core/shared/db.ts';
import type { ApiActor } from '../../core/access/api-actor.ts';
import { recordAccess, type AccessWhat } from '../../core/privacy/record-access.ts';

/**
 * A line in the person's access log ("who looked at me") when the API returns their individual
 * records: the viewer is the session's person, or null for a token (ADMIN_TOKEN or a per-org one).
 */
export async function recordApiAccess(db: Db, scope: ApiActor, input: { subjectId: string; what: AccessWhat; now: Date }): Promise<void> {
  const viewerId = scope.principal.kind === 'user' ? scope.principal.userId : null;
  await recordAccess(db, { orgId: scope.org.id, viewerId, subjectId: input.subjectId, what: input.what, via: 'api', now: input.now });
}
