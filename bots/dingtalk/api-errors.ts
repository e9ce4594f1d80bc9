import { AuthFailedError, RateLimitedError, UnrecoverableError } from '../errors.ts';

/**
 * What DingTalk's answers mean for delivery. Sources:
 * - rate limits and quotas: "调用频次与限流"
 *   https://open.dingtalk.com/document/development/how-to-process-api-throttling-on-the-dingtalk-server
 *   (monthly quota 90020 / Forbidden.AccessDenied.ApiCountLimitForOrg; per-app QPS 90018 /
 *   QpsLimitForAppkeyAndApi; global QPS 90002 / QpsLimitForApi — all lifted after about a second; an IP
 *   over 10,000 calls in 20 s gets an HTML/JSON page `{status: 1111, wait: 5, punish: 'deny'}` for 5 min);
 * - robot webhooks: 130101 "send too fast" (20 messages a minute, then 10 minutes blocked), 90030
 *   "webhook over limit";
 * - an invalid token answers `{code: 'InvalidAuthentication'}` (HTTP 400 or 401).
 */
export const QPS_RETRY_MS = 1_000;
export const SEND_TOO_FAST_RETRY_MS = 10 * 60_000;
export const WEBHOOK_OVER_LIMIT_RETRY_MS = 10 * 60_000;
export const FLOW_CONTROLLED_RETRY_MS = 60_000;
/** How long proactive sends pause after the monthly quota ran out before one call probes it again. */
export const QUOTA_PROBE_INTERVAL_MS = 60 * 60_000;

const QUOTA_CODES = new Set(['Forbidden.AccessDenied.ApiCountLimitForOrg', '90020']);
const QPS_CODES = new Set([
  'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi',
  'Forbidden.AccessDenied.QpsLimitForApi',
  '90018',
  '90002',
]);
const TOKEN_CODES = new Set(['InvalidAuthentication', '40014', '42001', '88']);

/** The organisation's monthly OpenAPI quota is used up: proactive messages wait for the next probe. */
export class QuotaExhaustedError extends RateLimitedError {
  constructor(readonly code: string, retryAfterMs = QUOTA_PROBE_INTERVAL_MS) {
    super(retryAfterMs, `DingTalk OpenAPI quota exhausted (${code})`);
    this.name = 'QuotaExhaustedError';
  }
}

/** The access token was not accepted: refresh it once and try again. */
export class TokenRejectedError extends Error {
  constructor(readonly code: string) {
    super(`DingTalk rejected the access token (${code})`);
    this.name = 'TokenRejectedError';
  }
}

/** A failure worth retrying later with backoff (5xx, network trouble, an unreadable answer). */
export class DingTalkApiError extends Error {
  constructor(readonly status: number, readonly code: string | undefined, message: string) {
    super(message);
    this.name = 'DingTalkApiError';
  }
}

/** A session webhook refused the message for a reason other than a rate limit (expired, revoked). */
export class SessionWebhookRejectedError extends Error {
  constructor(readonly code: string) {
    super(`session webhook refused the message (errcode ${code})`);
    this.name = 'SessionWebhookRejectedError';
  }
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  errcode?: unknown;
  errmsg?: unknown;
  status?: unknown;
  wait?: unknown;
  punish?: unknown;
}

/** Parses `Retry-After` (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The error a failed OpenAPI call (api.dingtalk.com, HTTP status not 2xx) stands for. */
export function openApiFailure(status: number, body: unknown, retryAfter: string | null, now: Date): Error {
  const b = (body && typeof body === 'object' ? body : {}) as ErrorBody;
  const code = b.code !== undefined ? String(b.code) : b.errcode !== undefined ? String(b.errcode) : undefined;
  const message = typeof b.message === 'string' ? b.message : typeof b.errmsg === 'string' ? b.errmsg : '';
  const limited = limitError(code, b, retryAfter, now);
  if (limited) return limited;
  if (status === 429) return new RateLimitedError(retryAfterMs(retryAfter, now) ?? QPS_RETRY_MS, `DingTalk answered 429 ${code ?? ''}`.trim());
  if (status === 401 || (code && TOKEN_CODES.has(code))) return new TokenRejectedError(code ?? String(status));
  if (code === 'Forbidden.AccessDenied.AccessTokenPermissionDenied') {
    return new AuthFailedError(`DingTalk app lacks a permission (${code}): grant 企业内机器人发送消息权限 (qyapi_robot_sendmsg) in the developer console`);
  }
  if (status >= 400 && status < 500) {
    return new UnrecoverableError(`DingTalk refused the request: HTTP ${status} ${code ?? ''} ${message}`.trim());
  }
  return new DingTalkApiError(status, code, `DingTalk answered HTTP ${status} ${code ?? ''}`.trim());
}

/**
 * The error in a session webhook answer (HTTP 200 with `errcode`), or undefined when it was sent.
 * Rate limits are retried through the outbox; any other errcode means this webhook is no use and the
 * message should go through the OpenAPI instead.
 */
export function sessionWebhookFailure(status: number, body: unknown, retryAfter: string | null, now: Date): Error | undefined {
  const b = (body && typeof body === 'object' ? body : {}) as ErrorBody;
  const code = b.errcode !== undefined ? String(b.errcode) : undefined;
  if (status >= 200 && status < 300 && (code === undefined || code === '0')) return undefined;
  const limited = limitError(code, b, retryAfter, now);
  if (limited) return limited;
  if (status === 429) return new RateLimitedError(retryAfterMs(retryAfter, now) ?? QPS_RETRY_MS, 'session webhook answered 429');
  if (status >= 500) return new DingTalkApiError(status, code, `session webhook answered HTTP ${status}`);
  return new SessionWebhookRejectedError(code ?? String(status));
}

function limitError(code: string | undefined, b: ErrorBody, retryAfter: string | null, now: Date): Error | undefined {
  if (code && QUOTA_CODES.has(code)) return new QuotaExhaustedError(code);
  if (code && QPS_CODES.has(code)) return new RateLimitedError(retryAfterMs(retryAfter, now) ?? QPS_RETRY_MS, `DingTalk QPS limit (${code})`);
  if (code === '130101') return new RateLimitedError(SEND_TOO_FAST_RETRY_MS, 'DingTalk robot sends too fast (130101)');
  if (code === '90030') return new RateLimitedError(WEBHOOK_OVER_LIMIT_RETRY_MS, 'DingTalk webhook over limit (90030)');
  // The IP-level block answers with a page instead of an error code: {status: 1111, wait: minutes}.
  if (String(b.status) === '1111' || b.punish === 'deny') {
    const minutes = typeof b.wait === 'number' && b.wait > 0 ? b.wait : 5;
    return new RateLimitedError(minutes * 60_000, 'DingTalk blocked this IP for too many calls');
  }
  return undefined;
}
