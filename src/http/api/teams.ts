import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db } from '../../core/shared/db.ts';
import { visibleTeamIds, type ApiActor } from '../../core/access/api-actor.ts';
import { decodeCursor, finishPage, keysetPage, pageOf, PageQuery, type Keyset } from './pagination.ts';
import { notFound, problemResponses } from './problem.ts';
import { IdParam, OrgQuery, security } from './schemas.ts';
import type { ApiApp } from './context.ts';

export const TeamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    manager: z.object({ id: z.uuid(), name: z.string() }),
    members: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['manager', 'rep']) })),
    boundChats: z.array(z.string()).openapi({ description: 'Group chats the team posts to (platform-prefixed refs)', example: ['dingtalk:group:cid123'] }),
  })
  .openapi('Team');

const teamKeyset: Keyset = { key: 't.name', keyType: 'text', id: 't.id', idType: 'uuid' };

function teamQuery(db: Db, scope: ApiActor) {
  return db
    .selectFrom('teams as t')
    .innerJoin('users as mgr', 'mgr.id', 't.manager_id')
    .select(['t.id', 't.name', 't.manager_id', 'mgr.display_name as manager_name', 't.bound_channel_ref'])
    .where('t.org_id', '=', scope.org.id)
    .where(sql<boolean>`t.id in (${visibleTeamIds(db, scope.actor)})`);
}

async function withMembers(db: Db, rows: Awaited<ReturnType<ReturnType<typeof teamQuery>['execute']>>): Promise<z.infer<typeof TeamSchema>[]> {
  const ids = rows.map((r) => r.id);
  const members = ids.length
    ? await db.selectFrom('team_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['m.team_id', 'u.id', 'u.display_name', 'm.role']).where('m.team_id', 'in', ids).orderBy('u.display_name').orderBy('u.id').execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    manager: { id: r.manager_id, name: r.manager_name },
    members: members.filter((m) => m.team_id === r.id).map((m) => ({ id: m.id, name: m.display_name, role: m.role })),
    boundChats: r.bound_channel_ref ? [r.bound_channel_ref] : [],
  }));
}

const list = createRoute({
  method: 'get',
  path: '/api/v1/teams',
  tags: ['Teams'],
  summary: 'Teams with their manager, members and bound chats, by name',
  security,
  request: { query: PageQuery.extend({ org: OrgQuery.shape.org }) },
  responses: { 200: { description: 'A page of teams', content: { 'application/json': { schema: pageOf(TeamSchema, 'TeamPage') } } }, ...problemResponses(404) },
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/teams/{id}',
  tags: ['Teams'],
  summary: 'One team',
  security,
  request: { params: IdParam, query: OrgQuery },
  responses: { 200: { description: 'The team', content: { 'application/json': { schema: TeamSchema } } }, ...problemResponses(404) },
});

export function registerTeams(api: ApiApp, { db }: { db: Db }): void {
  api.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const page = finishPage(await keysetPage(teamQuery(db, c.get('scope')), teamKeyset, decodeCursor(query.cursor), query.limit).execute(), query.limit);
    return c.json({ items: await withMembers(db, page.rows), nextCursor: page.nextCursor }, 200);
  });
  api.openapi(get, async (c) => {
    const row = await teamQuery(db, c.get('scope')).where('t.id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!row) throw notFound('team');
    return c.json((await withMembers(db, [row]))[0]!, 200);
  });
}
