import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { AuthFailedError, RateLimitedError } from '../errors.ts';
import { errcodes, errorFor, tokenErrcodes } from './errors.ts';
import { createPacer } from './pacer.ts';
import type { WeComMessageBody } from './encode.ts';
import { memoryTokenStore, type TokenStore } from '../token-store.ts';
import type { SendPacer } from '../send-records.ts';

export interface WeComApiOptions {
  /** `https://qyapi.weixin.qq.com` (WECOM_API_URL points it elsewhere, e.g. at the tests' fake). */
  apiUrl: string;
  corpId: string;
  secret: string;
  agentId: string;
  clock: Clock;
  logger: Logger;
  requestTimeoutMs?: number;
  /** Where the access token is kept; the adapter's own memory unless given (the Worker shares one per isolate). */
  tokenStore?: TokenStore;
  /**
   * Paces group robot messages (20 a minute per robot): this process's own memory unless given; the
   * Node service and the Worker pass the database's (src/db/send-records.ts), shared by every sender.
   */
  robotPacer?: SendPacer;
}

interface WeComAnswer {
  errcode?: number;
  errmsg?: string;
  [field: string]: unknown;
}

/** Most members one `message/send` may address (`touser: 'a|b|…'`). */
export const maxRecipientsPerCall = 1000;
/** Group robots: 20 messages a minute per robot (https://developer.work.weixin.qq.com/document/path/91770). */
export const robotLimitPerMinute = 20;
/** Refresh the access token this long before WeCom says it expires, so no call races the expiry. */
const tokenMarginMs = 5 * 60_000;

/**
 * The WeCom server API for one self-built app: an access token cached until shortly before expiry
 * and refreshed single-flight (concurrent sends share one `gettoken`), one refresh-and-retry when
 * WeCom says the token is invalid or expired, and every errcode mapped to what the delivery loop
 * should do (see errors.ts). Never logs the secret, the token or a URL carrying either.
 */
export function createWeComApi(options: WeComApiOptions) {
  const { clock, logger } = options;
  const base = options.apiUrl.replace(/\/+$/, '');
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const robotPacer = options.robotPacer ?? memoryPacer(createPacer(clock, { limit: robotLimitPerMinute, windowMs: 60_000 }));
  const tokens = options.tokenStore ?? memoryTokenStore();
  let refreshing: Promise<string> | undefined;
  let consecutiveRateLimits = 0;
  let lastAuthFailure: string | undefined;

  async function request(path: string, query: Record<string, string>, body?: unknown): Promise<WeComAnswer> {
    const url = `${base}${path}?${new URLSearchParams(query).toString()}`;
    const multipart = body instanceof MultipartBody;
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'content-type': multipart ? body.contentType : 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : multipart ? new Uint8Array(body.bytes) : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status === 429) throw new RateLimitedError(60_000, `WeCom ${path}: HTTP 429`);
    if (!response.ok) throw new Error(`WeCom ${path}: HTTP ${response.status}`);
    return (await response.json()) as WeComAnswer;
  }

  /** Turns a non-zero errcode into the delivery loop's error, with a hint where an admin must act. */
  function fail(answer: WeComAnswer, path: string): never {
    const errcode = answer.errcode ?? -1;
    const errmsg = String(answer.errmsg ?? '');
    if (errcode === errcodes.rateLimited || errcode === errcodes.busy || errcode === 45033) consecutiveRateLimits++;
    const error = errorFor(errcode, errmsg, path, consecutiveRateLimits);
    if (error instanceof AuthFailedError) {
      lastAuthFailure = `errcode ${errcode}`;
      if (errcode === errcodes.untrustedIp) {
        logger.error(
          { path, errcode, errmsg },
          "WeCom refused this server's IP (60020): add the server's public IP to the app's trusted IPs (应用管理 → 应用 → 企业可信IP)",
        );
      } else {
        logger.error({ path, errcode, errmsg }, 'WeCom rejected the app credentials or permissions: check WECOM_CORP_ID, WECOM_SECRET and WECOM_AGENT_ID');
      }
    }
    throw error;
  }

  function succeeded(): void {
    consecutiveRateLimits = 0;
    lastAuthFailure = undefined;
  }

  /** A valid access token, fetching one when none is cached or it is about to expire. */
  async function accessToken(): Promise<string> {
    const cached = tokens.read();
    if (cached && clock.now().getTime() < cached.expiresAt) return cached.token;
    refreshing ??= (async () => {
      try {
        // Access token: https://developer.work.weixin.qq.com/document/path/91039
        const answer = await request('/cgi-bin/gettoken', { corpid: options.corpId, corpsecret: options.secret });
        if (answer.errcode || typeof answer.access_token !== 'string') fail(answer, '/cgi-bin/gettoken');
        const expiresInMs = Number(answer.expires_in ?? 7200) * 1000;
        const token = answer.access_token as string;
        tokens.write({ token, expiresAt: clock.now().getTime() + Math.max(expiresInMs - tokenMarginMs, 60_000) });
        return token;
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  }

  /** POSTs with the access token; on 40014/42001 drops the token, fetches a new one and retries once. */
  async function post(path: string, body: unknown, query: Record<string, string> = {}): Promise<WeComAnswer> {
    for (let attempt = 0; ; attempt++) {
      const token = await accessToken();
      const answer = await request(path, { access_token: token, ...query }, body);
      if (answer.errcode && tokenErrcodes.has(answer.errcode) && attempt === 0) {
        tokens.drop(token);
        continue;
      }
      if (answer.errcode) fail(answer, path);
      succeeded();
      return answer;
    }
  }

  /**
   * Sends one app message to up to 1,000 members. Resolves with the members WeCom refused
   * (`invaliduser`, and `unlicenseduser`), which it reports even when errcode is 0.
   */
  async function sendMessage(userIds: readonly string[], body: WeComMessageBody): Promise<{ invalidUsers: string[] }> {
    if (userIds.length === 0 || userIds.length > maxRecipientsPerCall) throw new Error(`message/send takes 1-${maxRecipientsPerCall} members`);
    // Send app message: https://developer.work.weixin.qq.com/document/path/90236
    const answer = await post('/cgi-bin/message/send', { touser: userIds.join('|'), agentid: Number(options.agentId), ...body });
    const refused = [answer.invaliduser, answer.unlicenseduser]
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .flatMap((v) => v.split('|'));
    return { invalidUsers: [...new Set(refused.map((u) => u.toLowerCase()))] };
  }

  return {
    sendMessage,

    /**
     * A chart for an app message (issue 18). 上传临时素材 https://developer.work.weixin.qq.com/document/path/90253:
     * `POST /cgi-bin/media/upload?access_token=…&type=image`, multipart/form-data with the file in the
     * field named `media` (its part carries filename, filelength and content-type); images up to
     * 10 MB, JPG or PNG. Answers `{ errcode: 0, type: 'image', media_id, created_at }`; the media id
     * lasts 3 days (the outbox retries a failed picture well within that, and uploads again anyway).
     */
    async uploadImage(png: Buffer, filename: string): Promise<string> {
      const answer = await post('/cgi-bin/media/upload', MultipartBody.file('media', filename, 'image/png', png), { type: 'image' });
      if (typeof answer.media_id !== 'string' || !answer.media_id) throw new Error('WeCom /cgi-bin/media/upload: no media_id in the answer');
      return answer.media_id;
    },

    /**
     * The scheduler's fan-out: one message to any number of members in calls of 1,000 (the fewest
     * calls WeCom allows). Returns the refused members; a failing call throws with the members
     * already reached in `error.delivered`, so a retry can skip them.
     */
    async sendMessageToMany(userIds: readonly string[], body: WeComMessageBody): Promise<{ invalidUsers: string[]; calls: number }> {
      const unique = [...new Set(userIds)];
      const invalidUsers: string[] = [];
      const delivered: string[] = [];
      let calls = 0;
      for (let i = 0; i < unique.length; i += maxRecipientsPerCall) {
        const batch = unique.slice(i, i + maxRecipientsPerCall);
        try {
          const result = await sendMessage(batch, body);
          calls++;
          invalidUsers.push(...result.invalidUsers);
          delivered.push(...batch.filter((u) => !result.invalidUsers.includes(u.toLowerCase())));
        } catch (error) {
          if (error instanceof Error) Object.assign(error, { delivered });
          throw error;
        }
      }
      return { invalidUsers, calls };
    },

    /** A message to a group chat the app created. */
    async sendAppChat(chatId: string, body: WeComMessageBody): Promise<void> {
      // Send to an app group chat: https://developer.work.weixin.qq.com/document/path/90248
      await post('/cgi-bin/appchat/send', { chatid: chatId, ...body });
    },

    /**
     * Turns the buttons of a tapped template card (button, vote or multiple-choice) into one disabled
     * button reading `replaceName`, for the members listed. `responseCode` is the tap's `ResponseCode`:
     * valid 72 hours and usable once (a second use answers `errcodes.responseCodeUsed`).
     */
    async updateTemplateCardButton(userIds: readonly string[], responseCode: string, replaceName: string): Promise<void> {
      // Update a template card (更新模版卡片消息 → 更新按钮为不可点击状态): https://developer.work.weixin.qq.com/document/path/94888
      await post('/cgi-bin/message/update_template_card', {
        userids: [...userIds],
        agentid: Number(options.agentId),
        response_code: responseCode,
        button: { replace_name: replaceName },
      });
    },

    /** A message through a group robot webhook, paced at 20 a minute per robot. */
    async sendRobot(key: string, body: WeComMessageBody): Promise<void> {
      await robotPacer.take(key);
      // Group robot webhook (no access token; the key is the credential): https://developer.work.weixin.qq.com/document/path/91770
      const answer = await request('/cgi-bin/webhook/send', { key }, body);
      if (answer.errcode) fail(answer, '/cgi-bin/webhook/send');
      succeeded();
    },

    /** For /readyz: whether the last call was refused for credentials, IP or permissions. */
    health(): { ok: boolean; detail?: string } {
      return lastAuthFailure ? { ok: false, detail: `WeCom refused the app: ${lastAuthFailure}` } : { ok: true };
    },
  };
}

export type WeComApi = ReturnType<typeof createWeComApi>;

const memoryPacer = (pacer: ReturnType<typeof createPacer>): SendPacer => ({ take: async (key) => pacer.take(key) });

/** A multipart/form-data body with one file part, as WeCom's media upload documents it (filelength included). */
export class MultipartBody {
  private constructor(readonly contentType: string, readonly bytes: Buffer) {}

  static file(field: string, filename: string, type: string, content: Buffer): MultipartBody {
    const boundary = `----legwork${randomBytes(12).toString('hex')}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"; filelength=${content.length}\r\nContent-Type: ${type}\r\n\r\n`;
    return new MultipartBody(`multipart/form-data; boundary=${boundary}`, Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]));
  }
}
