import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db } from '../../core/shared/db.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { visibleTeamIds } from '../../core/access/api-actor.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { loadSettingsBook } from '../../core/schedules/settings-repository.ts';
import { loadTeams } from '../../core/schedules/team-context.ts';
import { buildLeaderboards } from '../../core/leaderboards/build-leaderboard.ts';
import { notFound, problemResponses } from './problem.ts';
import { LocalDate, OrgQuery, security } from './schemas.ts';
import type { ApiApp } from './context.ts';

const Entry = z
  .object({
    userId: z.string(),
    name: z.string().nullable().openapi({ description: 'Null for a rep who opted out of the board' }),
    rank: z.number().int(),
    points: z.number(),
    visits: z.number(),
    verified: z.number(),
    movement: z.number().int().openapi({ description: 'Places gained since the previous period' }),
  })
  .passthrough();

const Board = z
  .object({
    teamId: z.uuid(),
    teamName: z.string(),
    period: z.object({ period: z.enum(['day', 'week', 'month']), start: z.string(), end: z.string().openapi({ description: 'Exclusive' }) }),
    asOf: z.string(),
    entries: z.array(Entry),
    total: z.object({ points: z.number(), verified: z.number(), visits: z.number(), reps: z.number() }),
  })
  .openapi('Leaderboard');

const route = createRoute({
  method: 'get',
  path: '/api/v1/leaderboards',
  tags: ['Leaderboards'],
  summary: "Teams' leaderboards for the period containing a date",
  description: "Computed on request as the chat's leaderboard is; the date defaults to today in each team's zone.",
  security,
  request: {
    query: OrgQuery.extend({
      team: z.uuid().optional().openapi({ description: 'One team; default: every team in scope' }),
      period: z.enum(['day', 'week', 'month']).default('week'),
      date: LocalDate.optional(),
    }),
  },
  responses: { 200: { description: 'One board per team', content: { 'application/json': { schema: z.object({ boards: z.array(Board) }) } } }, ...problemResponses(404) },
});

export function registerLeaderboards(api: ApiApp, { db, clock }: { db: Db; clock: Clock }): void {
  api.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const scope = c.get('scope');
    let teams = db.selectFrom('teams as t').select('t.id').where(sql<boolean>`t.id in (${visibleTeamIds(db, scope.actor)})`).orderBy('t.name').orderBy('t.id');
    if (query.team) teams = teams.where('t.id', '=', query.team);
    const ids = (await teams.execute()).map((t) => t.id);
    if (query.team && ids.length === 0) throw notFound('team');
    const book = await loadSettingsBook(db);
    const teamsToShow = await loadTeams(db, book, ids);
    const boards = await buildLeaderboards(db, teamsToShow.map((team) => ({ team, date: query.date ?? localDateOf(clock.now(), team.timeZone) })), query.period);
    return c.json({ boards }, 200);
  });
}
