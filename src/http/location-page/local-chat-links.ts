import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../core/shared/clock.ts';
import { findOpenVisit } from '../../core/visits/visit-repository.ts';
import { issueLocationLink } from '../../core/location-links/issue-location-link.ts';
import { localChannelRef, localUserRef } from '../../../bots/local/decode.ts';
import { isJsonContentType, unsupportedMediaType } from '../../../bots/local/request-checks.ts';

export interface LocalChatLinkDeps {
  db: Kysely<Database>;
  clock: Clock;
  settings: { publicUrl: string; linkTtlMinutes: number; linkSecret: string };
  /** Runs a handler with the location page's error handling (logged without the token). */
  guarded: (c: Context, handler: () => Promise<Response>) => Promise<Response>;
}

/**
 * The web chat's 📍 button (only mounted with the local chat on; it has no authentication by design):
 * `GET /local/people/:userId` says what the button should offer (check-out when a visit is open) and
 * in which language, `POST /local/location-link` makes the link.
 */
export function mountLocalChatLinks(app: Hono, deps: LocalChatLinkDeps): void {
  app.get('/local/people/:userId', (c) => deps.guarded(c, () => person(deps, c)));
  app.post('/local/location-link', (c) => deps.guarded(c, () => localLink(deps, c)));
}

async function findLocalUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('identities')
    .innerJoin('users', 'users.id', 'identities.user_id')
    .select(['users.id', 'users.org_id', 'users.language'])
    .where('identities.platform', '=', 'local')
    .where('identities.tenant_id', '=', 'local')
    .where('identities.external_id', '=', userId)
    .executeTakeFirst();
}

async function person(deps: LocalChatLinkDeps, c: Context): Promise<Response> {
  const userId = c.req.param('userId') ?? '';
  const user = await findLocalUser(deps.db, userId);
  if (!user) return noStore(c.json({ userId, known: false, openVisit: null }));
  const open = await findOpenVisit(deps.db, user.id);
  return noStore(c.json({ userId, known: true, language: user.language, openVisit: open ? { customer: open.customer_name } : null }));
}

const localLinkSchema = z.object({
  userId: z.string().min(1).max(200),
  channelId: z.string().min(1).max(200).optional(),
  action: z.enum(['in', 'out']).default('in'),
});

/** A link for a local chat user, confirmations going back to the chat (or group) it was asked from. */
async function localLink(deps: LocalChatLinkDeps, c: Context): Promise<Response> {
  if (!isJsonContentType(c.req.header('content-type'))) return unsupportedMediaType(c);
  const parsed = localLinkSchema.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) return c.json({ error: 'invalid request', message: 'body must be { "userId": "...", "channelId"?: "..." }' }, 400);
  const { userId, channelId, action } = parsed.data;
  const user = await findLocalUser(deps.db, userId);
  if (!user) {
    return c.json({ error: 'unknown user', message: `"${userId}" has not said anything yet: send a message first (e.g. "help").` }, 404);
  }
  const link = issueLocationLink(deps.settings, {
    orgId: user.org_id,
    userId: user.id,
    replyRef: channelId ? localChannelRef(channelId) : localUserRef(userId),
    action,
    now: deps.clock.now(),
  });
  return noStore(c.json({ url: link.url, expiresAt: link.expiresAt.toISOString() }, 201));
}

function noStore(res: Response): Response {
  res.headers.set('cache-control', 'no-store');
  return res;
}
