import { createApiToken, listApiTokens, revokeApiToken } from '../../core/api-tokens/manage-api-tokens.ts';
import { localDateOf } from '../dates/local-date.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

/**
 * Admin API tokens from chat. A new token goes to the admin's private chat only (in a group the
 * group is told it was sent privately): it is shown once and must not sit in a shared channel.
 */
export async function handleApiToken(turn: Turn, intent: Extract<Intent, { kind: 'apiToken' }>): Promise<void> {
  const deps = { db: turn.db };
  if (intent.action === 'list') {
    const tokens = await listApiTokens(deps, { user: turn.user });
    if (tokens.length === 0) return turn.reply(turn.t.apiTokenNone());
    const zone = turn.user.time_zone;
    return turn.reply(
      turn.t.apiTokenList({
        tokens: tokens.map((t) => ({
          name: t.name,
          createdOn: localDateOf(t.createdAt, zone),
          createdBy: t.createdBy,
          lastUsedOn: t.lastUsedAt ? localDateOf(t.lastUsedAt, zone) : null,
        })),
      }),
    );
  }
  if (intent.action === 'revoke') {
    const { name } = await revokeApiToken(deps, { user: turn.user, name: intent.name, now: turn.now });
    return turn.reply(turn.t.apiTokenRevoked({ name }));
  }
  const { name, token } = await createApiToken(deps, { user: turn.user, name: intent.name, now: turn.now });
  return turn.replyPrivately(turn.t.apiTokenCreated({ name, token, publicUrl: turn.settings.publicUrl.replace(/\/+$/, '') }));
}
