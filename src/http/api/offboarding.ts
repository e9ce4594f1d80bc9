import { createRoute, z } from '@hono/zod-openapi';
import type { User } from '../../db/schema.ts';
import type { Db } from '../../core/shared/db.ts';
import { auditActor, type ApiActor } from '../../core/access/api-actor.ts';
import { can } from '../../core/access/permissions.ts';
import { loadPerson } from '../../core/access/load-actor.ts';
import { DomainError } from '../../core/shared/domain-error.ts';
import { deactivateUser, reactivateUser } from '../../core/privacy/deactivate-user.ts';
import { eraseUser } from '../../core/privacy/erase-user.ts';
import { ApiProblem, notFound, problemResponses } from './problem.ts';
import { IdParam, OrgQuery, security } from './schemas.ts';
import { userQuery, UserSchema, withTeams } from './users.ts';
import type { AdminApiDeps, ApiApp } from './context.ts';

const ErasureSchema = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ description: 'What they are called from now on', example: 'Former employee #1' }),
    formerNumber: z.number().int(),
  })
  .openapi('Erasure');

const offboard = (verb: 'deactivate' | 'reactivate', summary: string, description: string) =>
  createRoute({
    method: 'post',
    path: `/api/v1/users/{id}/${verb}`,
    tags: ['Users'],
    summary,
    description,
    security,
    request: { params: IdParam, query: OrgQuery },
    responses: { 200: { description: 'The user after the change', content: { 'application/json': { schema: UserSchema } } }, ...problemResponses(403, 404, 409) },
  });

const deactivate = offboard(
  'deactivate',
  'Deactivate someone who left',
  'No more reminders, off leaderboards and digests, their messages get a polite refusal; their records stay. Idempotent. Admins only; audited.',
);
const reactivate = offboard('reactivate', 'Undo a deactivation', 'Not after an erasure (409). Idempotent. Admins only; audited.');

const erase = createRoute({
  method: 'delete',
  path: '/api/v1/users/{id}',
  tags: ['Users'],
  summary: 'Erase a person (needs `erase=true`)',
  description:
    'Deleting a person means erasing them, for good: they become "Former employee #N", their chat identities and private messages are deleted, their name is replaced everywhere, their check-in coordinates are coarsened and (unless the org keeps work records) their notes removed. Visits, check-ins and reports stay as facts. Without `erase=true` the request is refused (422). Admins only; the audit line says an erasure happened, not what was erased.',
  security,
  request: { params: IdParam, query: OrgQuery.extend({ erase: z.enum(['true', 'false']).optional().openapi({ description: 'Must be `true`: confirms the erasure' }) }) },
  responses: { 200: { description: 'The erasure (repeating it returns the same number)', content: { 'application/json': { schema: ErasureSchema } } }, ...problemResponses(403, 404, 409, 422) },
});

/**
 * The person to offboard, checked against the caller's scope (another org's or an unseen person's
 * id: 404), and who the use case sees as acting: the admin's own user for a console session (so
 * `can()` and "not yourself" apply), null for a token (it acts as an admin of its org).
 */
async function offboardingCall(db: Db, scope: ApiActor, id: string): Promise<{ by: User | null; via: Record<string, unknown> }> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).where('org_id', '=', scope.org.id).executeTakeFirst();
  const person = user ? await loadPerson(db, user) : undefined;
  if (!user || !person || !can(scope.actor, { action: 'viewPerson', person })) throw notFound('user');
  if (!can(scope.actor, { action: 'offboardPerson', orgId: scope.org.id })) throw new ApiProblem('forbidden', 'Only an admin deactivates, reactivates or erases people');
  const by = scope.principal.kind === 'user' ? await db.selectFrom('users').selectAll().where('id', '=', scope.principal.userId).executeTakeFirstOrThrow() : null;
  return { by, via: auditActor(scope.principal).via };
}

/** The use cases' refusals as problems. */
function asProblem(error: unknown): never {
  if (error instanceof DomainError) {
    if (error.code === 'personNotFound') throw notFound('user');
    if (error.code === 'privacyNotYourself') throw new ApiProblem('conflict', 'You cannot deactivate or erase yourself; ask another admin');
    if (error.code === 'privacyErasedForGood') throw new ApiProblem('conflict', "This person's data was erased; the account cannot be reactivated");
    if (error.code === 'accessOnlyAdmin') throw new ApiProblem('forbidden', 'Only an admin deactivates, reactivates or erases people');
  }
  throw error;
}

/** `POST /users/{id}/deactivate`, `/reactivate` and `DELETE /users/{id}?erase=true`: the privacy use cases, audited by them. */
export function registerOffboarding(api: ApiApp, { db, clock }: Pick<AdminApiDeps, 'db' | 'clock'>): void {
  for (const [route, run] of [
    [deactivate, deactivateUser],
    [reactivate, reactivateUser],
  ] as const) {
    api.openapi(route, async (c) => {
      const scope = c.get('scope');
      const id = c.req.valid('param').id;
      await db
        .transaction()
        .execute(async (tx) => run({ db: tx, now: clock.now() }, { ...(await offboardingCall(tx, scope, id)), userId: id }))
        .catch(asProblem);
      const row = await userQuery(db, scope).where('u.id', '=', id).executeTakeFirstOrThrow();
      return c.json((await withTeams(db, [row], scope))[0]!, 200);
    });
  }

  api.openapi(erase, async (c) => {
    const scope = c.get('scope');
    const id = c.req.valid('param').id;
    if (c.req.valid('query').erase !== 'true') {
      throw new ApiProblem(
        'unprocessable',
        'Deleting a person means erasing their name, chat identities and notes for good; send DELETE /api/v1/users/{id}?erase=true to confirm. To stop their reminders but keep everything, POST /api/v1/users/{id}/deactivate.',
        [{ path: 'erase', message: 'must be true' }],
      );
    }
    const result = await db
      .transaction()
      .execute(async (tx) => eraseUser({ db: tx, now: clock.now() }, { ...(await offboardingCall(tx, scope, id)), userId: id }))
      .catch(asProblem);
    return c.json({ id: result.userId, name: result.displayName, formerNumber: result.formerNumber }, 200);
  });
}
