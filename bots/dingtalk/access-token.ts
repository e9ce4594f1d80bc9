import type { Clock } from '../../src/core/shared/clock.ts';

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
 * still the current one, so N parallel auth failures cause one refresh, not N.
 */
export class AccessTokenCache {
  private current?: { token: string; expiresAt: number };
  private inflight?: Promise<string>;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly clock: Clock,
  ) {}

  /** A valid token: the cached one, or a fresh one (shared with any refresh already running). */
  async get(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.current && now < this.current.expiresAt - EXPIRY_MARGIN_MS) return this.current.token;
    return this.refresh();
  }

  /** Forgets `token` if it is still the cached one (the API said it is invalid). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private refresh(): Promise<string> {
    this.inflight ??= this.issue()
      .then(({ token, expiresInSec }) => {
        this.current = { token, expiresAt: this.clock.now().getTime() + expiresInSec * 1000 };
        return token;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
