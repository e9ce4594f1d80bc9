import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import { can, type Actor } from './permissions.ts';
import { loadActor } from './load-actor.ts';

/**
 * Who calls the admin API or the console, as one scope object: the {@link Actor} that `can()` checks,
 * plus how they proved it (for the audit log). The console builds it from a person's session with
 * `loadActor` (a manager: the teams they manage; a rep: their own records); the API from a token.
 */
export type Principal =
  /** `ADMIN_TOKEN`: the operator of the server, any org. */
  | { kind: 'adminToken' }
  /** A per-org token an admin created in chat; it acts as an admin of that org. */
  | { kind: 'apiToken'; tokenId: string; name: string }
  /** A person (console session). */
  | { kind: 'user'; userId: string };

export interface ApiActor {
  actor: Actor;
  principal: Principal;
  org: { id: string; name: string; timeZone: string; language: 'zh-CN' | 'en-US' };
}

/**
 * A token's actor: an admin of the org who is nobody in particular (no user id, no teams), so every
 * rule that lets admins act lets it act, and no rule about "one's own records" ever matches it.
 */
export function tokenActor(orgId: string): Actor {
  return { userId: '', orgId, role: 'admin', managedTeamIds: [], memberTeamIds: [] };
}

/** The audit log's "who": the person, or null with the token named in the detail. */
export function auditActor(principal: Principal): { actorUserId: string | null; via: Record<string, unknown> } {
  if (principal.kind === 'user') return { actorUserId: principal.userId, via: { kind: 'console' } };
  if (principal.kind === 'apiToken') return { actorUserId: null, via: { kind: 'apiToken', tokenId: principal.tokenId, name: principal.name } };
  return { actorUserId: null, via: { kind: 'adminToken' } };
}

/**
 * Ids of the people whose records `actor` may see, as a subquery: the SQL form of
 * `can(actor, { action: 'viewPerson', ... })` (admins: the org; managers: the members of the teams
 * they manage and themselves; reps: themselves), so lists, exports and single reads filter in the
 * database. Filters naming a person, and every write, ask `can()` itself.
 */
export function visibleUserIds(db: Db, actor: Actor) {
  const org = db.selectFrom('users').select('users.id').where('users.org_id', '=', actor.orgId);
  if (can(actor, { action: 'viewOrg', orgId: actor.orgId })) return org;
  if (actor.managedTeamIds.length === 0) return org.where('users.id', '=', actor.userId);
  return org.where((eb) =>
    eb.or([
      eb('users.id', '=', actor.userId),
      eb('users.id', 'in', eb.selectFrom('team_memberships').select('team_memberships.user_id').where('team_memberships.team_id', 'in', [...actor.managedTeamIds])),
    ]),
  );
}

/**
 * Teams `actor` may name in a filter or list: the org's for admins, those they manage or belong to
 * for others (a rep sees their own team's name and board). A team's figures about its members (the
 * digest) ask `can(viewTeam)` instead.
 */
export function visibleTeamIds(db: Db, actor: Actor) {
  const org = db.selectFrom('teams').select('teams.id').where('teams.org_id', '=', actor.orgId);
  if (can(actor, { action: 'viewOrg', orgId: actor.orgId })) return org;
  const ids = [...new Set([...actor.managedTeamIds, ...actor.memberTeamIds])];
  return ids.length === 0 ? org.where(sql<boolean>`false`) : org.where('teams.id', 'in', ids);
}

/** A person's scope (console sessions): their actor as `can()` sees it, and their org. */
export async function loadUserApiActor(db: Db, user: { id: string; org_id: string; role: 'admin' | 'manager' | 'rep' }): Promise<ApiActor> {
  const org = await db.selectFrom('orgs').select(['id', 'name', 'default_time_zone', 'default_language']).where('id', '=', user.org_id).executeTakeFirstOrThrow();
  return {
    actor: await loadActor(db, user),
    principal: { kind: 'user', userId: user.id },
    org: { id: org.id, name: org.name, timeZone: org.default_time_zone, language: org.default_language },
  };
}
