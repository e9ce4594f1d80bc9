import { describe, expect, it } from 'vitest';
import { AuthFailedError, RateLimitedError, UnrecoverableError } from '../errors.ts';
import { DingTalkApiError, QuotaExhaustedError, SessionWebhookRejectedError, TokenRejectedError, openApiFailure, sessionWebhookFailure } from './api-errors.ts';

const now = new Date('2026-11-27T02:00:00Z');

describe('openApiFailure', () => {
  it.each([
    [403, { code: 'Forbidden.AccessDenied.ApiCountLimitForOrg' }, QuotaExhaustedError, 3_600_000],
    [403, { code: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi' }, RateLimitedError, 1_000],
    [403, { code: 'Forbidden.AccessDenied.QpsLimitForApi' }, RateLimitedError, 1_000],
    [200, { errcode: 90020, errmsg: 'quota' }, QuotaExhaustedError, 3_600_000],
    [200, { errcode: 90030, errmsg: 'webhook over limit' }, RateLimitedError, 600_000],
    [200, { errcode: 130101, errmsg: 'send too fast' }, RateLimitedError, 600_000],
    [200, { status: 1111, wait: 5, punish: 'deny' }, RateLimitedError, 300_000],
    [429, {}, RateLimitedError, 1_000],
  ])('HTTP %i %j → %o', (status, body, type, retryAfterMs) => {
    const error = openApiFailure(status, body, null, now);
    expect(error).toBeInstanceOf(type);
    expect((error as RateLimitedError).retryAfterMs).toBe(retryAfterMs);
  });

  it('honours Retry-After in seconds and as a date', () => {
    expect((openApiFailure(429, {}, '7', now) as RateLimitedError).retryAfterMs).toBe(7_000);
    expect((openApiFailure(429, {}, new Date(now.getTime() + 20_000).toUTCString(), now) as RateLimitedError).retryAfterMs).toBe(20_000);
  });

  it('tells token, permission, request and server problems apart', () => {
    expect(openApiFailure(400, { code: 'InvalidAuthentication', message: '不合法的access_token' }, null, now)).toBeInstanceOf(TokenRejectedError);
    expect(openApiFailure(401, {}, null, now)).toBeInstanceOf(TokenRejectedError);
    const permission = openApiFailure(403, { code: 'Forbidden.AccessDenied.AccessTokenPermissionDenied' }, null, now);
    expect(permission).toBeInstanceOf(AuthFailedError);
    expect(permission.message).toContain('qyapi_robot_sendmsg');
    expect(openApiFailure(400, { code: 'InvalidParameter', message: 'robotCode' }, null, now)).toBeInstanceOf(UnrecoverableError);
    expect(openApiFailure(503, undefined, null, now)).toBeInstanceOf(DingTalkApiError);
  });
});

describe('sessionWebhookFailure', () => {
  it('is nothing for errcode 0, a rate limit for 90030, a refusal for other codes', () => {
    expect(sessionWebhookFailure(200, { errcode: 0, errmsg: 'ok' }, null, now)).toBeUndefined();
    expect(sessionWebhookFailure(200, { errcode: 90030 }, null, now)).toBeInstanceOf(RateLimitedError);
    expect(sessionWebhookFailure(200, { errcode: 300001, errmsg: 'session 不存在' }, null, now)).toBeInstanceOf(SessionWebhookRejectedError);
    expect(sessionWebhookFailure(502, undefined, null, now)).toBeInstanceOf(DingTalkApiError);
  });
});
