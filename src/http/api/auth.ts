import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../../core/shared/db.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { hashToken, sameSecret } from '../../core/api-tokens/token-hash.ts';
import { tokenActor, type ApiActor } from '../../core/access/api-actor.ts';
import { ApiProblem } from './problem.ts';
import type { ApiEnv } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bearer auth for `/api/v1`: `ADMIN_TOKEN` (any org, chosen with `?org=`; optional while there is
 * one org) or a per-org token from chat (only its hash is looked up; a revoked one says so). The
 * token itself is never logged: it is not kept past this function, and the logger redacts
 * `authorization` headers (src/logger.ts).
 */
export function bearerAuth(deps: { db: Db; clock: Clock; adminToken?: string; sessionActor?: (c: Context) => Promise<ApiActor | undefined> }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    if (header === '' && deps.sessionActor) {
      const session = await deps.sessionActor(c);
      if (session) {
        c.set('scope', session);
        return next();
      }
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new ApiProblem('unauthorized', 'Send "Authorization: Bearer <token>"');
    const presented = match[1]!;
    const orgParam = c.req.query('org');
    if (deps.adminToken && (await sameSecret(presented, deps.adminToken))) {
      c.set('scope', await adminScope(deps.db, orgParam));
      return next();
    }
    const row = await deps.db
      .selectFrom('api_tokens')
      .select(['id', 'org_id', 'name', 'revoked_at', 'last_used_at'])
      .where('token_hash', '=', await hashToken(presented))
      .executeTakeFirst();
    if (!row) throw new ApiProblem('unauthorized', 'Unknown token');
    if (row.revoked_at) throw new ApiProblem('token_revoked');
    // Another org's id with this token is a 404, as for any other out-of-scope id.
    if (orgParam !== undefined && orgParam !== row.org_id) throw new ApiProblem('not_found', 'No org with this id');
    const now = deps.clock.now();
    // At most one write a minute per token: a busy integration must not turn reads into writes.
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
      await deps.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    c.set('scope', { actor: tokenActor(row.org_id), principal: { kind: 'apiToken', tokenId: row.id, name: row.name }, org: await loadOrg(deps.db, row.org_id) });
    return next();
  };
}

async function adminScope(db: Db, orgParam: string | undefined): Promise<ApiActor> {
  let orgId = orgParam;
  if (orgId === undefined) {
    const orgs = await db.selectFrom('orgs').select('id').limit(2).execute();
    if (orgs.length === 0) throw new ApiProblem('not_found', 'There is no org yet: the first person to message the bot creates it');
    if (orgs.length > 1) throw new ApiProblem('org_required');
    orgId = orgs[0]!.id;
  }
  if (!UUID.test(orgId)) throw new ApiProblem('not_found', 'No org with this id');
  return { actor: tokenActor(orgId), principal: { kind: 'adminToken' }, org: await loadOrg(db, orgId) };
}

async function loadOrg(db: Db, orgId: string): Promise<ApiActor['org']> {
  const org = await db.selectFrom('orgs').select(['id', 'name', 'default_time_zone', 'default_language']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw new ApiProblem('not_found', 'No org with this id');
  return { id: org.id, name: org.name, timeZone: org.default_time_zone, language: org.default_language };
}
