import { AuthFailedError, RateLimitedError, UnrecoverableError } from '../errors.ts';

/**
 * What a WeCom `errcode` means for delivery (global error codes:
 * https://developer.work.weixin.qq.com/document/path/90313). Anything not listed is transient: the
 * delivery loop retries it with backoff.
 */
export const errcodes = {
  busy: -1,
  invalidSecret: 40001,
  invalidCorpId: 40013,
  invalidAccessToken: 40014,
  accessTokenExpired: 42001,
  rateLimited: 45009,
  untrustedIp: 60020,
  invalidUserId: 40003,
  noValidRecipient: 81013,
  invalidWebhookKey: 93000,
  /**
   * "code已经被使用过。只能使用一次": a template card's response code used a second time. WeCom
   * documents no separate errcode for one past its 72 hours; anything else is logged as a failure.
   */
  responseCodeUsed: 42022,
} as const;

/** Errcodes after which a fresh access token is fetched and the call tried once more. */
export const tokenErrcodes: ReadonlySet<number> = new Set([errcodes.invalidAccessToken, errcodes.accessTokenExpired]);

/** Credentials or app settings an admin must fix (secret, corp id, agent id, permissions, disabled app, IP). */
const authErrcodes: ReadonlySet<number> = new Set([
  errcodes.invalidSecret, errcodes.invalidCorpId, 40056, 40091, 48002, 48006, 50003, errcodes.untrustedIp,
]);
/**
 * The same request can never succeed: unknown user or chat, dissolved group, removed robot, or a
 * payload WeCom refuses (invalid parameter, empty or oversized content, msgtype).
 */
const unrecoverableErrcodes: ReadonlySet<number> = new Set([
  errcodes.invalidUserId, errcodes.noValidRecipient, errcodes.invalidWebhookKey, 40008, 40050, 40058, 44004, 45002, 49008,
]);
/** Frequency (45009), concurrency (45033) and system busy (-1): wait and try again. */
const rateLimitErrcodes: ReadonlySet<number> = new Set([errcodes.busy, errcodes.rateLimited, 45033]);

/** A WeCom answer with a non-zero errcode that is neither auth, rate limit nor unrecoverable. */
export class WeComApiError extends Error {
  constructor(readonly errcode: number, errmsg: string, path: string) {
    super(`WeCom ${path} failed: errcode ${errcode} ${errmsg}`);
    this.name = 'WeComApiError';
  }
}

/**
 * Backoff for 45009 (API frequency limit, counted per minute) and -1 (system busy): grows with each
 * consecutive answer of that kind and resets after a success.
 */
export function rateLimitDelayMs(errcode: number, consecutive: number): number {
  const base = errcode === errcodes.busy ? 2_000 : 60_000;
  return Math.min(base * 2 ** Math.max(0, consecutive - 1), 600_000);
}

/** The delivery-loop error for a failed WeCom call. `errmsg` is WeCom's text: it never contains our secrets. */
export function errorFor(errcode: number, errmsg: string, path: string, consecutiveRateLimits: number): Error {
  const text = `WeCom ${path}: errcode ${errcode} ${errmsg}`;
  if (rateLimitErrcodes.has(errcode)) {
    return new RateLimitedError(rateLimitDelayMs(errcode, consecutiveRateLimits), text);
  }
  if (authErrcodes.has(errcode)) return new AuthFailedError(text);
  if (unrecoverableErrcodes.has(errcode)) return new UnrecoverableError(text);
  return new WeComApiError(errcode, errmsg, path);
}
