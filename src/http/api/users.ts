import { createRoute, z } from '@hono/zod-openapi';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../core/shared/db.ts';
import { visibleTeamIds, visibleUserIds, type ApiActor } from '../../core/access/api-actor.ts';
import { can } from '../../core/access/permissions.ts';
import { loadPerson } from '../../core/access/load-actor.ts';
import { isValidTimeZone } from '../../conversation/dates/local-date.ts';
import { auditWrite, changedFields } from './audit.ts';
import { decodeCursor, finishPage, keysetPage, pageOf, PageQuery, type Keyset } from './pagination.ts';
import { ApiProblem, notFound, problemResponses } from './problem.ts';
import { IdParam, OrgQuery, security, Timestamp } from './schemas.ts';
import { zonedFormatter } from './zoned-time.ts';
import { recordApiAccess } from './access-log.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { ApiApp } from './context.ts';

const Role = z.enum(['admin', 'manager', 'rep']);
const Language = z.enum(['zh-CN', 'en-US']);

export const UserSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: Role,
    timeZone: z.string().openapi({ example: 'Asia/Shanghai' }),
    language: Language,
    teams: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['manager', 'rep']) })),
    createdAt: Timestamp,
    deactivatedAt: Timestamp.nullable().openapi({ description: 'When they were deactivated (left the company); null while active' }),
  })
  .openapi('User');

const UserPatch = z
  .object({
    role: Role.optional(),
    teamId: z.uuid().nullable().optional().openapi({ description: 'Move the rep into this team (out of their other teams); null: no team' }),
    timeZone: z.string().min(1).max(64).optional().openapi({ example: 'Asia/Shanghai' }),
    language: Language.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field')
  .openapi('UserPatch');

const userKeyset: Keyset = { key: 'u.created_at', keyType: 'timestamptz', id: 'u.id', idType: 'uuid' };

export function userQuery(db: Db, scope: ApiActor) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name', 'u.role', 'u.time_zone', 'u.language', 'u.created_at', 'u.deactivated_at'])
    .where('u.org_id', '=', scope.org.id)
    .where(sql<boolean>`u.id in (${visibleUserIds(db, scope.actor)})`);
}

export async function withTeams(db: Db, rows: Awaited<ReturnType<ReturnType<typeof userQuery>['execute']>>, scope: ApiActor) {
  const ids = rows.map((r) => r.id);
  const memberships = ids.length
    ? await db.selectFrom('team_memberships as m').innerJoin('teams as t', 't.id', 'm.team_id').select(['m.user_id', 't.id', 't.name', 'm.role']).where('m.user_id', 'in', ids).orderBy('t.name').execute()
    : [];
  const time = zonedFormatter(scope.org.timeZone);
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    role: r.role,
    timeZone: r.time_zone,
    language: r.language,
    teams: memberships.filter((m) => m.user_id === r.id).map((m) => ({ id: m.id, name: m.name, role: m.role })),
    createdAt: time(r.created_at)!,
    deactivatedAt: time(r.deactivated_at),
  }));
}

const list = createRoute({
  method: 'get',
  path: '/api/v1/users',
  tags: ['Users'],
  summary: 'People in scope, oldest first',
  security,
  request: { query: PageQuery.extend({ org: OrgQuery.shape.org, team: z.uuid().optional().openapi({ description: 'Only this team' }) }) },
  responses: { 200: { description: 'A page of users', content: { 'application/json': { schema: pageOf(UserSchema, 'UserPage') } } }, ...problemResponses(404) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/users/{id}',
  tags: ['Users'],
  summary: 'One person',
  security,
  request: { params: IdParam, query: OrgQuery },
  responses: { 200: { description: 'The user', content: { 'application/json': { schema: UserSchema } } }, ...problemResponses(404) },
});

const patch = createRoute({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags: ['Users'],
  summary: "Change a person's role, team, time zone or language",
  description: 'Role changes need an admin; a team move needs whoever may remove them from their teams and accept them into the new one. Audited with before and after.',
  security,
  request: { params: IdParam, query: OrgQuery, body: { required: true, content: { 'application/json': { schema: UserPatch } } } },
  responses: { 200: { description: 'The user after the change', content: { 'application/json': { schema: UserSchema } } }, ...problemResponses(403, 404, 409, 422) },
});

export function registerUsers(api: ApiApp, { db, clock }: { db: Kysely<Database>; clock: Clock }): void {
  api.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = c.get('scope');
    let q = userQuery(db, scope);
    if (query.team) {
      if (!(await visibleTeamIds(db, scope.actor).where('teams.id', '=', query.team).executeTakeFirst())) throw notFound('team');
      q = q.where(sql<boolean>`u.id in (select user_id from team_memberships where team_id = ${query.team})`);
    }
    const page = finishPage(await keysetPage(q, userKeyset, decodeCursor(query.cursor), query.limit).execute(), query.limit);
    return c.json({ items: await withTeams(db, page.rows, scope), nextCursor: page.nextCursor }, 200);
  });

  api.openapi(get, async (c) => {
    const scope = c.get('scope');
    const row = await userQuery(db, scope).where('u.id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw notFound('user');
    await recordApiAccess(db, scope, { subjectId: row.id, what: 'profile', now: clock.now() });
    return c.json((await withTeams(db, [row], scope))[0]!, 200);
  });

  api.openapi(patch, async (c) => {
    const scope = c.get('scope');
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    await db.transaction().execute(async (tx) => {
      const user = await tx.selectFrom('users').selectAll().where('id', '=', id).where('org_id', '=', scope.org.id).forUpdate().executeTakeFirst();
      const person = user ? await loadPerson(tx, user) : undefined;
      if (!user || !person || !can(scope.actor, { action: 'viewPerson', person })) throw notFound('user');
      const set: { role?: 'admin' | 'manager' | 'rep'; time_zone?: string; language?: 'zh-CN' | 'en-US' } = {};
      if (body.role !== undefined && body.role !== user.role) {
        if (!can(scope.actor, { action: 'assignRole', orgId: user.org_id })) throw new ApiProblem('forbidden', 'Only an admin changes roles');
        // The org's last admin is never demoted: nobody could then name admins, create teams or tokens.
        if (user.role === 'admin') {
          const others = await tx.selectFrom('users').select('id').where('org_id', '=', user.org_id).where('role', '=', 'admin').where('id', '<>', user.id).where('deactivated_at', 'is', null).executeTakeFirst();
          if (!others) throw new ApiProblem('conflict', `${user.display_name} is the org's only admin; make someone else an admin first`);
        }
        if (body.role === 'rep') {
          const managed = await tx.selectFrom('teams').select('name').where('manager_id', '=', user.id).execute();
          if (managed.length > 0) throw new ApiProblem('conflict', `${user.display_name} manages ${managed.map((t) => t.name).join(', ')}; name another manager first`);
        }
        set.role = body.role;
      }
      if (body.timeZone !== undefined || body.language !== undefined) {
        if (!can(scope.actor, { action: 'assignWork', assignee: person })) throw new ApiProblem('forbidden');
        if (body.timeZone !== undefined) {
          if (!isValidTimeZone(body.timeZone)) throw new ApiProblem('unprocessable', `"${body.timeZone}" is not an IANA time zone`, [{ path: 'timeZone', message: 'unknown time zone' }]);
          set.time_zone = body.timeZone;
        }
        if (body.language !== undefined) set.language = body.language;
      }
      const before: Record<string, unknown> = { role: user.role, timeZone: user.time_zone, language: user.language };
      const after: Record<string, unknown> = { role: set.role ?? user.role, timeZone: set.time_zone ?? user.time_zone, language: set.language ?? user.language };
      if (body.teamId !== undefined) {
        const teams = await moveToTeam(tx, scope, user.id, person.teamIds, body.teamId);
        before.teamIds = teams.before;
        after.teamIds = teams.after;
      }
      if (Object.keys(set).length > 0) await tx.updateTable('users').set(set).where('id', '=', user.id).execute();
      const change = changedFields(before, after);
      if (Object.keys(change.after).length > 0) await auditWrite(tx, scope, 'user.updated', user.id, change);
    });
    const row = await userQuery(db, scope).where('u.id', '=', id).executeTakeFirstOrThrow();
    return c.json((await withTeams(db, [row], scope))[0]!, 200);
  });
}

/** A rep's team: out of the teams they are a rep in, into `teamId` (none when null). */
async function moveToTeam(tx: Db, scope: ApiActor, userId: string, current: readonly string[], teamId: string | null): Promise<{ before: string[]; after: string[] }> {
  const manages = await tx.selectFrom('teams').select('name').where('manager_id', '=', userId).execute();
  if (manages.length > 0) throw new ApiProblem('conflict', `This person manages ${manages.map((t) => t.name).join(', ')}; a manager is moved by naming a new manager`);
  if (teamId !== null) {
    const team = await tx.selectFrom('teams').select(['id', 'org_id']).where('id', '=', teamId).where('org_id', '=', scope.org.id).executeTakeFirst();
    if (!team || !can(scope.actor, { action: 'decideJoin', orgId: team.org_id, teamId })) {
      throw new ApiProblem('unprocessable', 'No team with this id that you may add people to', [{ path: 'teamId', message: 'unknown team' }]);
    }
  }
  for (const old of current) {
    if (old !== teamId && !can(scope.actor, { action: 'removeFromTeam', orgId: scope.org.id, teamId: old })) throw new ApiProblem('forbidden', 'Not allowed to take this person out of their team');
  }
  await tx.deleteFrom('team_memberships').where('user_id', '=', userId).execute();
  if (teamId !== null) await tx.insertInto('team_memberships').values({ team_id: teamId, user_id: userId, role: 'rep' }).execute();
  return { before: [...current].sort(), after: teamId === null ? [] : [teamId] };
}
