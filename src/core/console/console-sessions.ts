import { randomBytes } from 'node:crypto';
import type { Db } from '../shared/db.ts';
import type { Org, User } from '../../db/schema.ts';
import { hashSecret, type ConsoleLinkPayload } from './console-link.ts';

/** A console session lasts this long from login; logging out or revoking ends it sooner. */
export const consoleSessionHours = 12;

/**
 * Spends a console link's nonce and opens a session, in the caller's transaction. Returns undefined
 * when the nonce was spent already (a reused link, or a second tap racing the first). The cookie value
 * is returned once and only its SHA-256 is stored, so a database leak opens no session.
 */
export async function openConsoleSession(
  db: Db,
  input: { payload: ConsoleLinkPayload; now: Date },
): Promise<{ token: string; expiresAt: Date } | undefined> {
  const spent = await db
    .insertInto('console_link_nonces')
    .values({ nonce: input.payload.n, user_id: input.payload.u, used_at: input.now })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst();
  if (!spent) return undefined;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + consoleSessionHours * 3_600_000);
  await db
    .insertInto('console_sessions')
    .values({
      token_hash: hashSecret(token),
      user_id: input.payload.u,
      org_id: input.payload.o,
      csrf_token: randomBytes(24).toString('base64url'),
      created_at: input.now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** Whether a link's nonce was spent (the page then says "already used"). */
export async function isConsoleLinkSpent(db: Db, nonce: string): Promise<boolean> {
  return (await db.selectFrom('console_link_nonces').select('nonce').where('nonce', '=', nonce).executeTakeFirst()) !== undefined;
}

export interface ConsoleSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
  org: Org;
}

/** The live session a cookie value opens: unexpired, unrevoked, its user still in the same org. */
export async function findConsoleSession(db: Db, token: string, now: Date): Promise<ConsoleSession | undefined> {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('console_sessions as s')
    .innerJoin('users as u', (join) => join.onRef('u.id', '=', 's.user_id').onRef('u.org_id', '=', 's.org_id'))
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at', 'u.id'])
    .where('s.token_hash', '=', hashSecret(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  const org = await db.selectFrom('orgs').selectAll().where('id', '=', user.org_id).executeTakeFirstOrThrow();
  return { id: row.session_id, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at), user, org };
}

/** Log out (this session) or revoke every session of a person (`all`). */
export async function revokeConsoleSessions(db: Db, input: { sessionId?: string; userId?: string; now: Date }): Promise<number> {
  let query = db.updateTable('console_sessions').set({ revoked_at: input.now }).where('revoked_at', 'is', null);
  if (input.sessionId) query = query.where('id', '=', input.sessionId);
  else if (input.userId) query = query.where('user_id', '=', input.userId);
  else return 0;
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
