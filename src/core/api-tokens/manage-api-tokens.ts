import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { audit } from '../shared/audit.ts';
import { DomainError } from '../shared/domain-error.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAllowed } from '../access/require-allowed.ts';
import { hashToken, newTokenText } from './token-hash.ts';

export interface ApiTokenListing {
  name: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
}

/** Longest token name: it is typed in chat and shown in lists. */
export const maxTokenNameLength = 60;

/**
 * `API令牌 新建 <名称>` / `api token new <name>` (admins): a token for the admin API scoped to the
 * admin's org. Returns the token text, which is shown once and never stored (only its SHA-256).
 */
export async function createApiToken({ db }: { db: Db }, input: { user: User; name: string; now: Date }): Promise<{ name: string; token: string }> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'manageApiTokens', orgId: input.user.org_id });
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length > maxTokenNameLength) throw new DomainError('apiTokenNameTooLong', { max: maxTokenNameLength });
  const taken = await liveToken(db, input.user.org_id, name);
  if (taken) throw new DomainError('apiTokenNameTaken', { name: taken.name });
  const token = newTokenText();
  const row = await db
    .insertInto('api_tokens')
    .values({ org_id: input.user.org_id, name, token_hash: await hashToken(token), created_by: input.user.id, created_at: input.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(db, input.user, 'api_token.created', row.id, { name });
  return { name, token };
}

/** `API令牌` / `api token` (admins): the org's live tokens, oldest first, without their secrets. */
export async function listApiTokens({ db }: { db: Db }, input: { user: User }): Promise<ApiTokenListing[]> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'manageApiTokens', orgId: input.user.org_id });
  const rows = await db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select(['api_tokens.name', 'api_tokens.created_at', 'api_tokens.last_used_at', 'users.display_name'])
    .where('api_tokens.org_id', '=', input.user.org_id)
    .where('api_tokens.revoked_at', 'is', null)
    .orderBy('api_tokens.created_at')
    .orderBy('api_tokens.id')
    .execute();
  return rows.map((r) => ({ name: r.name, createdAt: new Date(r.created_at), createdBy: r.display_name, lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null }));
}

/** `API令牌 撤销 <名称>` / `api token revoke <name>` (admins): the token stops working at once. */
export async function revokeApiToken({ db }: { db: Db }, input: { user: User; name: string; now: Date }): Promise<{ name: string }> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'manageApiTokens', orgId: input.user.org_id });
  const token = await liveToken(db, input.user.org_id, input.name);
  if (!token) throw new DomainError('apiTokenNotFound', { name: input.name.trim() });
  await db.updateTable('api_tokens').set({ revoked_at: input.now }).where('id', '=', token.id).execute();
  await audit(db, input.user, 'api_token.revoked', token.id, { name: token.name });
  return { name: token.name };
}

function liveToken(db: Db, orgId: string, name: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().replace(/\s+/g, ' ').toLowerCase()))
    .executeTakeFirst();
}
