import { createHash } from 'node:crypto';
import { memoryTokenStore, type TokenStore } from '../../bots/token-store.ts';
import type { QuotaMemory } from '../../bots/dingtalk/quota-guard.ts';

/**
 * Module state: it lives as long as the Worker's isolate, across the requests and cron runs it
 * serves (a Worker builds its adapters per request, so their own memory dies with each request).
 * - Access tokens: DingTalk and WeCom hand out one per app for 2 hours and count `gettoken` calls,
 *   so fetching one per request would cost a round trip on every webhook and risk their limits.
 * - Slack's bot user id (when SLACK_BOT_USER_ID is not set): one auth.test per isolate, not one per
 *   @mention.
 * - DingTalk's monthly OpenAPI quota: once it ran out, sends wait for the next probe (an hour)
 *   instead of each request calling DingTalk again to hear the same refusal.
 * Only settled values are kept, never a promise (workerd does not let one request wait on another's
 * I/O). An evicted isolate starts empty: it fetches a token and learns about the quota again.
 */
const tokenStores = new Map<string, TokenStore>();
const quotaMemories = new Map<string, QuotaMemory>();
const slackIdentities = new Map<string, { botUserId?: string }>();

/**
 * Another app, a rotated secret or a test's fake gets its own entry; the digest keeps the secret
 * out of the map's keys.
 */
const keyOf = (parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url');

/** The token store for one app's credentials on one API origin. */
export function isolateTokenStore(platform: 'dingtalk' | 'wecom', apiUrl: string, appId: string, secret: string): TokenStore {
  const key = keyOf([platform, apiUrl, appId, secret]);
  let store = tokenStores.get(key);
  if (!store) {
    store = memoryTokenStore();
    tokenStores.set(key, store);
  }
  return store;
}

/** Whether a DingTalk app's monthly OpenAPI quota ran out (the quota is the organisation's, per app credentials here). */
export function isolateDingTalkQuota(apiUrl: string, clientId: string): QuotaMemory {
  const key = keyOf(['dingtalk-quota', apiUrl, clientId]);
  let memory = quotaMemories.get(key);
  if (!memory) {
    memory = {};
    quotaMemories.set(key, memory);
  }
  return memory;
}

/** The Slack bot's identity as auth.test told it, per bot token. */
export function isolateSlackIdentity(apiUrl: string, botToken: string): { botUserId?: string } {
  const key = keyOf(['slack-identity', apiUrl, botToken]);
  let identity = slackIdentities.get(key);
  if (!identity) {
    identity = {};
    slackIdentities.set(key, identity);
  }
  return identity;
}
