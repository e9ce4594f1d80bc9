import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { AuthFailedError, RateLimitedError } from '../errors.ts';
import { AccessTokenCache, type IssuedToken } from './access-token.ts';
import { DingTalkApiError, QuotaExhaustedError, TokenRejectedError, openApiFailure, sessionWebhookFailure } from './api-errors.ts';
import type { OpenApiMessage } from './encode.ts';
import { QuotaGuard, type QuotaMemory } from './quota-guard.ts';
import type { TokenStore } from '../token-store.ts';

export interface DingTalkApiOptions {
  /** OpenAPI origin, `https://api.dingtalk.com` unless DINGTALK_API_URL says otherwise. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  robotCode: string;
  clock: Clock;
  logger: Logger;
  timeoutMs?: number;
  /** Where the access token is kept; the adapter's own memory unless given (the Worker shares one per isolate). */
  tokenStore?: TokenStore;
  /** Whether the monthly quota ran out; the adapter's own memory unless given (the Worker shares one per isolate). */
  quotaMemory?: QuotaMemory;
}

/** `oToMessages/batchSend`'s answer: who DingTalk refused, and who it throttled. */
export interface BatchSendOutcome {
  processQueryKey?: string;
  invalidUserIds: string[];
  flowControlledUserIds: string[];
}

/** At most this many user ids per `oToMessages/batchSend` call (documented limit). */
export const BATCH_SEND_MAX_USERS = 20;

interface HttpAnswer {
  ok: boolean;
  status: number;
  body: unknown;
  retryAfter: string | null;
}

/**
 * The DingTalk HTTP APIs the adapter calls. Every call has a timeout; answers become the delivery
 * loop's error classes (see api-errors.ts). Nothing here logs a token, a secret or a webhook URL.
 */
export function createDingTalkApi(options: DingTalkApiOptions) {
  const { apiUrl, clock } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const quota = new QuotaGuard(clock, options.logger, options.quotaMemory);
  const tokens = new AccessTokenCache(issueToken, clock, options.tokenStore);

  async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // The URL may carry a session key: name only the failure.
      const detail = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
      const cause = detail?.code ?? detail?.message ?? (error instanceof Error ? error.name : 'error');
      throw new DingTalkApiError(0, undefined, `DingTalk unreachable (${cause})`);
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { ok: res.ok, status: res.status, body: parsed, retryAfter: res.headers.get('retry-after') };
  }

  async function issueToken(): Promise<IssuedToken> {
    // Access token of an internal app: https://open.dingtalk.com/document/orgapp/obtain-the-access_token-of-an-internal-app
    const answer = await postJson(`${apiUrl}/v1.0/oauth2/accessToken`, { appKey: options.clientId, appSecret: options.clientSecret });
    if (!answer.ok) {
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) {
        const code = (answer.body as { code?: unknown } | undefined)?.code;
        throw new AuthFailedError(`DingTalk issued no access token (${String(code ?? answer.status)}): check DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET`);
      }
      throw openApiFailure(answer.status, answer.body, answer.retryAfter, clock.now());
    }
    const body = answer.body as { accessToken?: unknown; expireIn?: unknown } | undefined;
    if (typeof body?.accessToken !== 'string' || !body.accessToken) throw new DingTalkApiError(answer.status, undefined, 'DingTalk token answer without accessToken');
    const expiresInSec = typeof body.expireIn === 'number' && body.expireIn > 0 ? body.expireIn : 7200;
    return { token: body.accessToken, expiresInSec };
  }

  /** An OpenAPI call with the cached token; a rejected token is refreshed once and the call repeated. */
  async function callOpenApi(path: string, body: unknown): Promise<unknown> {
    quota.check();
    for (let attempt = 0; ; attempt++) {
      const token = await tokens.get();
      const answer = await postJson(`${apiUrl}${path}`, body, { 'x-acs-dingtalk-access-token': token });
      if (answer.ok) {
        quota.succeeded();
        return answer.body;
      }
      const error = openApiFailure(answer.status, answer.body, answer.retryAfter, clock.now());
      if (error instanceof TokenRejectedError) {
        tokens.invalidate(token);
        if (attempt === 0) continue;
        throw new AuthFailedError(`DingTalk rejected a freshly issued access token (${error.code})`);
      }
      if (error instanceof QuotaExhaustedError) throw quota.exhausted(error.code);
      throw error;
    }
  }

  /** The old-style server API (media upload): oapi.dingtalk.com, or the same origin when DINGTALK_API_URL points at a fake. */
  const oapiUrl = apiUrl.replace(/\/+$/, '') === 'https://api.dingtalk.com' ? 'https://oapi.dingtalk.com' : apiUrl.replace(/\/+$/, '');

  return {
    quota,

    /**
     * A picture for a robot image message (issue 18). 上传媒体文件 https://open.dingtalk.com/document/orgapp/upload-media-files:
     * `POST https://oapi.dingtalk.com/media/upload?access_token=…&type=image`, multipart/form-data with
     * the file in the field `media`; answers `{ errcode: 0, type, media_id, created_at }` (errors as a
     * non-zero errcode with HTTP 200). The internal app's token from /v1.0/oauth2/accessToken is the
     * same access_token the old API takes. A rejected token is refreshed once, as for the OpenAPI.
     */
    async uploadImage(png: Buffer, filename: string): Promise<string> {
      quota.check();
      for (let attempt = 0; ; attempt++) {
        const token = await tokens.get();
        const boundary = `----legwork${randomBytes(12).toString('hex')}`;
        const head = `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`;
        const body = Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
        let res: Response;
        try {
          res = await fetch(`${oapiUrl}/media/upload?${new URLSearchParams({ access_token: token, type: 'image' })}`, {
            method: 'POST',
            headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
            body: new Uint8Array(body),
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          throw new DingTalkApiError(0, undefined, `DingTalk unreachable (${error instanceof Error ? error.name : 'error'})`);
        }
        if (res.status === 429) throw new RateLimitedError(60_000, 'DingTalk media/upload: HTTP 429');
        const answer = (await res.json().catch(() => undefined)) as { errcode?: number; errmsg?: string; media_id?: string } | undefined;
        const errcode = answer?.errcode ?? (res.ok ? 0 : res.status);
        if (errcode === 0 && typeof answer?.media_id === 'string' && answer.media_id) {
          quota.succeeded();
          return answer.media_id;
        }
        // 40014 invalid access_token, 42001 expired, 88 / 40001 token problems: fetch a new one once.
        if ([40014, 42001, 40001, 88].includes(errcode) && attempt === 0) {
          tokens.invalidate(token);
          continue;
        }
        throw new DingTalkApiError(res.status, String(errcode), `DingTalk media/upload refused the picture: errcode ${errcode} ${answer?.errmsg ?? ''}`.trim());
      }
    },

    /**
     * Sends one message to up to 20 people 1:1 ("批量发送人与机器人会话中机器人消息"):
     * https://open.dingtalk.com/document/orgapp/chatbots-send-one-on-one-chat-messages-in-batches
     */
    async batchSend(userIds: string[], message: OpenApiMessage): Promise<BatchSendOutcome> {
      if (userIds.length === 0 || userIds.length > BATCH_SEND_MAX_USERS) {
        throw new RangeError(`batchSend takes 1 to ${BATCH_SEND_MAX_USERS} user ids, got ${userIds.length}`);
      }
      const body = (await callOpenApi('/v1.0/robot/oToMessages/batchSend', {
        robotCode: options.robotCode,
        userIds,
        msgKey: message.msgKey,
        msgParam: message.msgParam,
      })) as { processQueryKey?: unknown; invalidStaffIdList?: unknown; flowControlledStaffIdList?: unknown } | undefined;
      const ids = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
      return {
        ...(typeof body?.processQueryKey === 'string' ? { processQueryKey: body.processQueryKey } : {}),
        invalidUserIds: ids(body?.invalidStaffIdList),
        flowControlledUserIds: ids(body?.flowControlledStaffIdList),
      };
    },

    /**
     * Sends one message to a group the robot is in ("机器人发送群聊消息"):
     * https://open.dingtalk.com/document/orgapp/the-robot-sends-a-group-message
     */
    async groupSend(openConversationId: string, message: OpenApiMessage): Promise<void> {
      await callOpenApi('/v1.0/robot/groupMessages/send', {
        robotCode: options.robotCode,
        openConversationId,
        msgKey: message.msgKey,
        msgParam: message.msgParam,
      });
    },

    /**
     * Replies through a message's session webhook (no token; valid about 90 minutes). Body formats as
     * for robot webhooks: https://open.dingtalk.com/document/orgapp/custom-robots-send-group-messages
     */
    async postSessionWebhook(url: string, body: Record<string, unknown>): Promise<void> {
      const answer = await postJson(url, body);
      const error = sessionWebhookFailure(answer.status, answer.body, answer.retryAfter, clock.now());
      if (error instanceof QuotaExhaustedError) throw quota.exhausted(error.code);
      if (error) throw error;
    },
  };
}

export type DingTalkApi = ReturnType<typeof createDingTalkApi>;
