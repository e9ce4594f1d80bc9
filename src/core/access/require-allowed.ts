import type { Db } from '../shared/db.ts';
import { DomainError } from '../shared/domain-error.ts';
import { adminNames } from './load-actor.ts';
import { can, type Actor, type Check } from './permissions.ts';

/**
 * Refuses (rolling the turn back) unless `actor` may perform `check`. The refusal names who can:
 * the org's admins, and for a team's business also the team by name, so a rep knows whom to ask
 * instead of being pointed at a command they may not use.
 */
export async function requireAllowed(db: Db, actor: Actor, check: Check, context: { teamName?: string } = {}): Promise<void> {
  if (can(actor, check)) return;
  const admins = await adminNames(db, actor.orgId);
  if (context.teamName) throw new DomainError('accessOnlyTeamManager', { team: context.teamName, admins });
  throw new DomainError('accessOnlyAdmin', { admins });
}
