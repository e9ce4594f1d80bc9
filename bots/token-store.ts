/** An access token and when to stop using it (ms since the epoch, by the adapter's clock). */
export interface StoredToken {
  token: string;
  expiresAt: number;
}

/**
 * Where an adapter keeps its platform access token (DingTalk, WeCom) between calls. The Node service
 * keeps one adapter for the life of the process, so the default memory store does. A Cloudflare
 * Worker builds its adapters per request and passes a store that outlives them (one per isolate,
 * src/edge/isolate-state.ts), so a token is fetched once per isolate and expiry, not once
 * per request. Only the settled token is shared: a refresh in flight stays with the request that
 * started it (workerd does not let one request wait on another's I/O).
 */
export interface TokenStore {
  read(): StoredToken | undefined;
  write(token: StoredToken): void;
  /** Forgets `token` if it is still the stored one (the platform rejected it). */
  drop(token: string): void;
}

export function memoryTokenStore(): TokenStore {
  let current: StoredToken | undefined;
  return {
    read: () => current,
    write(token) {
      current = token;
    },
    drop(token) {
      if (current?.token === token) current = undefined;
    },
  };
}
