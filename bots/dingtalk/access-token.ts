import type { Clock } from '../../src/core/shared/clock.ts';
import { memoryTokenStore, type TokenStore } from '../token-store.ts';

/** Refresh this long before DingTalk's stated expiry, so a token never dies in flight. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export interface IssuedToken {
  token: string;
  /** Lifetime in seconds, as DingTalk states it (`expireIn`, 7200). */
  expiresInSec: number;
}

/**
 * The app's access token, cached until shortly before it expires (by the injected clock). Concurrent
 * callers share one refresh (single flight), and a token the API rejected is dropped only if it is
 * still the current one, so N parallel auth failures cause one refresh, not N. The token itself
 * lives in `store` (the Worker passes one that outlives the request; see bots/token-store.ts).
 */
export class AccessTokenCache {
  private inflight?: Promise<string>;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly clock: Clock,
    private readonly store: TokenStore = memoryTokenStore(),
  ) {}

  /** A valid token: the cached one, or a fresh one (shared with any refresh already running). */
  async get(): Promise<string> {
    const now = this.clock.now().getTime();
    const current = this.store.read();
    if (current && now < current.expiresAt - EXPIRY_MARGIN_MS) return current.token;
    return this.refresh();
  }

  /** Forgets `token` if it is still the cached one (the API said it is invalid). */
  invalidate(token: string): void {
    this.store.drop(token);
  }

  private refresh(): Promise<string> {
    this.inflight ??= this.issue()
      .then(({ token, expiresInSec }) => {
        this.store.write({ token, expiresAt: this.clock.now().getTime() + expiresInSec * 1000 });
        return token;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
