import { createHash } from 'node:crypto';
import { memoryTokenStore, type TokenStore } from '../../bots/token-store.ts';

/**
 * Module state: it lives as long as the Worker's isolate, across the requests and cron runs it
 * serves (a Worker builds its adapters per request, so their own caches die with each request).
 * DingTalk and WeCom hand out one access token per app for 2 hours and count `gettoken` calls, so
 * fetching one per request would waste a round trip on every webhook and risk their limits.
 */
const stores = new Map<string, TokenStore>();

/**
 * The token store for one app's credentials on one API origin. Keyed by a digest (another app, a
 * rotated secret or a test's fake gets its own store; the secret is never a map key in clear).
 * An isolate that is evicted simply starts with an empty store and fetches a new token.
 */
export function isolateTokenStore(platform: 'dingtalk' | 'wecom', apiUrl: string, appId: string, secret: string): TokenStore {
  const key = createHash('sha256').update([platform, apiUrl, appId, secret].join('\n')).digest('base64url');
  let store = stores.get(key);
  if (!store) {
    store = memoryTokenStore();
    stores.set(key, store);
  }
  return store;
}
