import { sql, type SelectQueryBuilder } from 'kysely';
import type { z } from '@hono/zod-openapi';
import type { Db } from '../../core/shared/db.ts';
import { can } from '../../core/access/permissions.ts';
import { loadPerson } from '../../core/access/load-actor.ts';
import { visibleTeamIds, visibleUserIds, type ApiActor } from '../../core/access/api-actor.ts';
import { localDayRange } from '../../core/shared/local-day.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import { ApiProblem, notFound } from './problem.ts';
import type { FilterQuery } from './schemas.ts';
import type { AccessWhat } from '../../core/privacy/record-access.ts';
import { recordApiAccess } from './access-log.ts';

export interface Filters {
  teamId?: string;
  userId?: string;
  customerId?: string;
  /** Local dates, inclusive. */
  fromDate?: string;
  toDate?: string;
  /** The same span as instants in the org's zone: [from, to). */
  fromInstant?: Date;
  toInstant?: Date;
}

/**
 * Checks each filter against the caller's scope: a team, person or customer they may not see is a
 * 404 exactly like one that does not exist. With `access`, a `user` filter (one person's records)
 * writes a line in that person's access log.
 */
export async function resolveFilters(db: Db, scope: ApiActor, query: z.infer<typeof FilterQuery>, access?: { what: AccessWhat; now: Date }): Promise<Filters> {
  const { actor, org } = scope;
  const filters: Filters = {};
  if (query.team) {
    const team = await visibleTeamIds(db, actor).where('teams.id', '=', query.team).executeTakeFirst();
    if (!team) throw notFound('team');
    filters.teamId = query.team;
  }
  if (query.user) {
    const user = await db.selectFrom('users').select(['id', 'org_id']).where('id', '=', query.user).executeTakeFirst();
    if (!user || !can(actor, { action: 'viewPerson', person: await loadPerson(db, user) })) throw notFound('user');
    filters.userId = user.id;
    if (access) await recordApiAccess(db, scope, { subjectId: user.id, ...access });
  }
  if (query.customer) {
    const customer = await db.selectFrom('customers').select('id').where('id', '=', query.customer).where('org_id', '=', org.id).executeTakeFirst();
    if (!customer) throw notFound('customer');
    filters.customerId = customer.id;
  }
  if (query.from && query.to && query.from > query.to) {
    throw new ApiProblem('validation_failed', '`from` is after `to`', [{ path: 'from', message: 'after to' }]);
  }
  if (query.from) {
    filters.fromDate = query.from;
    filters.fromInstant = localDayRange(query.from, org.timeZone).start;
  }
  if (query.to) {
    filters.toDate = query.to;
    filters.toInstant = localDayRange(addDays(query.to, 0), org.timeZone).end;
  }
  return filters;
}

/**
 * Narrows a query on people's records to what the caller may see and the filters ask for.
 * `userColumn` / `customerColumn` / `timeColumn` are the qualified columns of the query's main table;
 * `dateColumn` is used instead of `timeColumn` for tables keyed by local date (reports, plans).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function applyFilters<Q extends SelectQueryBuilder<any, any, any>>(
  db: Db,
  scope: ApiActor,
  query: Q,
  filters: Filters,
  columns: { user: string; customer?: string; time?: string; date?: string },
): Q {
  const user = sql.ref(columns.user);
  let q = query.where(sql<boolean>`${user} in (${visibleUserIds(db, scope.actor)})`);
  if (filters.teamId) q = q.where(sql<boolean>`${user} in (select user_id from team_memberships where team_id = ${filters.teamId})`);
  if (filters.userId) q = q.where(sql<boolean>`${user} = ${filters.userId}`);
  if (filters.customerId && columns.customer) q = q.where(sql<boolean>`${sql.ref(columns.customer)} = ${filters.customerId}`);
  if (columns.date) {
    if (filters.fromDate) q = q.where(sql<boolean>`${sql.ref(columns.date)} >= ${filters.fromDate}`);
    if (filters.toDate) q = q.where(sql<boolean>`${sql.ref(columns.date)} <= ${filters.toDate}`);
  } else if (columns.time) {
    if (filters.fromInstant) q = q.where(sql<boolean>`${sql.ref(columns.time)} >= ${filters.fromInstant}`);
    if (filters.toInstant) q = q.where(sql<boolean>`${sql.ref(columns.time)} < ${filters.toInstant}`);
  }
  return q as Q;
}
