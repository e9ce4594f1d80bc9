import type { User } from '../../db/schema.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAllowed } from '../access/require-allowed.ts';
import { audit } from '../shared/audit.ts';
import type { Db } from '../shared/db.ts';
import { DomainError } from '../shared/domain-error.ts';

/**
 * Who asks to deactivate or erase someone: an admin in chat (checked with `can()`), or `null` for the
 * admin API, whose bearer ADMIN_TOKEN the route has already checked.
 */
export type OffboardingActor = User | null;

/** What the caller adds to the audit line: the admin API names its token (`via`), never the person. */
export type OffboardingAudit = { via?: Record<string, unknown> };

/** The person by id in the actor's org (the API passes ids; chat resolves a name first). */
export async function loadOffboardingSubject(db: Db, by: OffboardingActor, userId: string): Promise<User> {
  let query = db.selectFrom('users').selectAll().where('id', '=', userId);
  if (by) query = query.where('org_id', '=', by.org_id);
  const person = await query.executeTakeFirst();
  if (!person) throw new DomainError('personNotFound', { name: userId });
  if (by) await requireAllowed(db, await loadActor(db, by), { action: 'offboardPerson', orgId: by.org_id });
  return person;
}

/**
 * Deactivates someone who left: from now on no reminder is written for them (their direct ref is
 * no longer returned, see directRefOf), they leave leaderboards (their points still count in the team's
 * total, like an opted-out rep) and digests, and their own messages get a polite refusal. Their records
 * stay as they are. Idempotent: deactivating twice keeps the first date.
 */
export async function deactivateUser({ db, now }: { db: Db; now: Date }, input: { by: OffboardingActor; userId: string } & OffboardingAudit): Promise<User> {
  const person = await loadOffboardingSubject(db, input.by, input.userId);
  if (input.by && person.id === input.by.id) throw new DomainError('privacyNotYourself');
  if (person.deactivated_at) return person;
  const updated = await db.updateTable('users').set({ deactivated_at: now }).where('id', '=', person.id).returningAll().executeTakeFirstOrThrow();
  // A question they were asked (a list to choose from) is moot now.
  await db.deleteFrom('conversation_states').where('user_id', '=', person.id).execute();
  await audit(db, input.by ?? { id: null, org_id: person.org_id }, 'user.deactivated', person.id, auditDetail(input));
  return updated;
}

/** Undoes a deactivation (someone deactivated by mistake, or back from long leave). Not after erasure. */
export async function reactivateUser({ db }: { db: Db }, input: { by: OffboardingActor; userId: string } & OffboardingAudit): Promise<User> {
  const person = await loadOffboardingSubject(db, input.by, input.userId);
  if (person.erased_at) throw new DomainError('privacyErasedForGood');
  if (!person.deactivated_at) return person;
  const updated = await db.updateTable('users').set({ deactivated_at: null }).where('id', '=', person.id).returningAll().executeTakeFirstOrThrow();
  await audit(db, input.by ?? { id: null, org_id: person.org_id }, 'user.reactivated', person.id, auditDetail(input));
  return updated;
}

export function auditDetail(input: OffboardingAudit): Record<string, unknown> {
  return input.via ? { via: input.via } : {};
}
