import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../core/shared/db.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { can } from '../../core/access/permissions.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { loadSettingsBook } from '../../core/schedules/settings-repository.ts';
import { loadTeam } from '../../core/schedules/team-context.ts';
import { periodOf } from '../../core/schedules/calendar.ts';
import { loadManagedTeams } from '../../core/digests/managed-teams.ts';
import { buildDailyDigest } from '../../core/digests/build-daily-digest.ts';
import { buildWeeklyDigest } from '../../core/digests/build-weekly-digest.ts';
import { notFound, problemResponses } from './problem.ts';
import { LocalDate, OrgQuery, security } from './schemas.ts';
import type { ApiApp } from './context.ts';

const Digest = z
  .object({
    kind: z.enum(['daily', 'weekly']),
    managerId: z.string(),
    date: z.string().optional().openapi({ description: 'Daily: the local date' }),
    week: z.object({ period: z.literal('week'), start: z.string(), end: z.string() }).optional().openapi({ description: 'Weekly: Monday to the next Monday (exclusive)' }),
    teams: z.array(z.object({ teamId: z.string(), name: z.string(), reps: z.array(z.record(z.string(), z.unknown())) }).passthrough()),
  })
  .openapi('Digest', { description: "The manager's digest as the chat sends it, per rep: visits, customers, report in / late / missing / dayOff (none due: not a workday of the team), and more" });

const route = createRoute({
  method: 'get',
  path: '/api/v1/digests/{kind}',
  tags: ['Digests'],
  summary: "A team's daily or weekly digest for a date",
  security,
  request: {
    params: z.object({ kind: z.enum(['daily', 'weekly']).openapi({ param: { name: 'kind', in: 'path' } }) }),
    query: OrgQuery.extend({ team: z.uuid().openapi({ description: 'The team' }), date: LocalDate.optional().openapi({ description: "Default: today in the team's zone; weekly: the week containing it" }) }),
  },
  responses: { 200: { description: 'The digest', content: { 'application/json': { schema: Digest } } }, ...problemResponses(404) },
});

export function registerDigests(api: ApiApp, { db, clock }: { db: Db; clock: Clock }): void {
  api.openapi(route, async (c) => {
    const { kind } = c.req.valid('param');
    const query = c.req.valid('query');
    const scope = c.get('scope');
    // A digest is every member's day in figures: the team's manager and admins (`viewTeam`), not its reps.
    const found = await db.selectFrom('teams').select(['id', 'org_id']).where('id', '=', query.team).where('org_id', '=', scope.actor.orgId).executeTakeFirst();
    if (!found || !can(scope.actor, { action: 'viewTeam', orgId: found.org_id, teamId: found.id })) throw notFound('team');
    const book = await loadSettingsBook(db);
    const team = await loadTeam(db, book, query.team);
    if (!team) throw notFound('team');
    const teams = (await loadManagedTeams(db, book, team.managerId)).filter((t) => t.teamId === team.id);
    const date = query.date ?? localDateOf(clock.now(), team.timeZone);
    const digest =
      kind === 'daily'
        ? await buildDailyDigest(db, { managerId: team.managerId, date, now: clock.now(), teams })
        : await buildWeeklyDigest(db, { managerId: team.managerId, week: periodOf('week', date), timeZone: team.timeZone, teams });
    return c.json(digest as unknown as z.infer<typeof Digest>, 200);
  });
}
