import type { webApi } from '@slack/bolt';
import { AuthFailedError, RateLimitedError, UnrecoverableError } from '../errors.ts';
import type { RenderedSlackMessage } from './encode.ts';
import type { SlackView } from './views.ts';

type WebClient = webApi.WebClient;

/** A person's Slack profile as far as Legwork cares (time zone and language for first contact). */
export interface SlackProfile {
  displayName?: string;
  /** IANA zone, e.g. 'Asia/Shanghai'. Slack's tz_offset changes with DST, so only the zone is kept. */
  timeZone?: string;
  /** e.g. 'zh-CN', 'en-US'; present because we ask with include_locale. */
  locale?: string;
}

/** Platform errors meaning the token (or its scopes) is wrong: retrying soon will not help. */
const AUTH_ERRORS = new Set([
  'invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission',
  'missing_scope', 'not_allowed_token_type', 'ekm_access_denied', 'team_access_not_granted',
]);
/** Platform errors meaning this message can never be delivered as it is. */
const UNDELIVERABLE_ERRORS = new Set([
  'channel_not_found', 'is_archived', 'not_in_channel', 'user_not_found', 'user_not_in_channel',
  'user_disabled', 'cannot_dm_bot', 'msg_too_long', 'no_text', 'invalid_blocks', 'invalid_arguments',
  'restricted_action', 'too_many_attachments', 'messages_tab_disabled',
]);
/** chat.postEphemeral cannot reach the person there (the app is not in that channel, …): DM instead. */
export const EPHEMERAL_FALLBACK_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'user_not_in_channel', 'is_archived', 'restricted_action']);

/** The Slack error code of a Web API platform error (`{ ok: false, error }`), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: unknown } };
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/**
 * Turns a Web API failure into what the delivery loop understands: a 429 (rejected, not waited out:
 * `rejectRateLimitedCalls`) becomes RateLimitedError with Slack's Retry-After, so only that
 * conversation waits; bad credentials AuthFailedError; undeliverable messages UnrecoverableError.
 * Anything else (network, 5xx, `internal_error`) is rethrown as it is: transient, retried with backoff.
 */
export function toDeliveryError(error: unknown): unknown {
  const e = error as { code?: string; retryAfter?: unknown };
  if (e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number') {
    return new RateLimitedError(Math.max(1, e.retryAfter) * 1000, 'slack rate limited');
  }
  const code = slackErrorCode(error);
  if (code && AUTH_ERRORS.has(code)) return new AuthFailedError(`slack: ${code}`);
  if (code && UNDELIVERABLE_ERRORS.has(code)) return new UnrecoverableError(`slack: ${code}`);
  return error;
}

/**
 * The Slack Web API calls Legwork makes, on one client with the bot token. The client is built with
 * `rejectRateLimitedCalls` and no retries of its own: the outbox retries, per conversation.
 */
export class SlackApi {
  /** DM channel per user (single-flight); conversations.open is idempotent, this only saves calls. */
  private readonly dmChannels = new Map<string, Promise<string>>();

  constructor(private readonly client: WebClient) {}

  /** https://docs.slack.dev/reference/methods/auth.test — who the bot token belongs to. */
  async authTest(): Promise<{ botId: string; botUserId: string; teamId?: string }> {
    const result = await this.client.auth.test();
    if (!result.bot_id || !result.user_id) throw new AuthFailedError('slack: auth.test did not return a bot (is SLACK_BOT_TOKEN a bot token?)');
    return { botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id };
  }

  /** https://docs.slack.dev/reference/methods/users.info — `include_locale` is needed for `locale`. */
  async userProfile(user: string): Promise<SlackProfile> {
    const result = await this.client.users.info({ user, include_locale: true });
    const u = result.user;
    return {
      displayName: u?.profile?.display_name || u?.real_name || u?.profile?.real_name || u?.name || undefined,
      timeZone: u?.tz || undefined,
      locale: u?.locale || undefined,
    };
  }

  /** https://docs.slack.dev/reference/methods/chat.postMessage — blocks plus `text` as the fallback. */
  async postMessage(channel: string, message: RenderedSlackMessage): Promise<void> {
    await this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false });
  }

  /** https://docs.slack.dev/reference/methods/chat.postEphemeral — only `user` sees it, in `channel`. */
  async postEphemeral(channel: string, user: string, message: RenderedSlackMessage): Promise<void> {
    await this.client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks as never });
  }

  /**
   * https://docs.slack.dev/reference/methods/chat.update — a message the app posted (not an ephemeral
   * one), by channel and ts; the blocks replace the old ones, `text` stays the notification fallback.
   */
  async updateMessage(channel: string, ts: string, message: RenderedSlackMessage): Promise<void> {
    await this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
  }

  /** https://docs.slack.dev/reference/methods/conversations.open — the app's DM with a person. */
  openDm(user: string): Promise<string> {
    let channel = this.dmChannels.get(user);
    if (!channel) {
      channel = this.client.conversations.open({ users: user }).then((result) => {
        if (!result.channel?.id) throw new Error('slack: conversations.open returned no channel');
        return result.channel.id;
      });
      // A failed open is not remembered: the next delivery asks again.
      channel.catch(() => this.dmChannels.delete(user));
      this.dmChannels.set(user, channel);
    }
    return channel;
  }

  /**
   * A picture, step 1 and 2 of Slack's upload (https://docs.slack.dev/messaging/working-with-files#upload):
   * https://docs.slack.dev/reference/methods/files.getUploadURLExternal (Tier 4, scope `files:write`)
   * takes `filename`, `length` (bytes) and `alt_txt` (screen-reader text) and returns `upload_url` and
   * `file_id`; then the bytes are POSTed to `upload_url` (raw bytes or multipart; no token, the URL is
   * signed), which answers HTTP 200. The file is private until step 3 shares it. Returns the file id.
   */
  async uploadFile(png: Buffer, filename: string, alt: string): Promise<string> {
    const started = await this.client.files.getUploadURLExternal({ filename, length: png.length, alt_txt: alt } as never);
    if (!started.upload_url || !started.file_id) throw new Error('slack: files.getUploadURLExternal returned no upload_url');
    const response = await fetch(started.upload_url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(png) });
    if (!response.ok) throw new Error(`slack: file upload answered HTTP ${response.status}`);
    return started.file_id;
  }

  /**
   * Step 3: https://docs.slack.dev/reference/methods/files.completeUploadExternal (Tier 4) with `files`
   * `[{ id, title }]`, `channel_id` (shared there; without it the file stays private) and
   * `initial_comment`, "the message text introducing the file" (when given, `blocks` is ignored).
   */
  async completeUpload(fileId: string, title: string, channel: string, initialComment?: string): Promise<void> {
    await this.client.files.completeUploadExternal({
      files: [{ id: fileId, title }],
      channel_id: channel,
      ...(initialComment ? { initial_comment: initialComment } : {}),
    } as never);
  }

  /** https://docs.slack.dev/reference/methods/views.open — needs a trigger_id under 3 s old. */
  async openView(triggerId: string, view: SlackView): Promise<void> {
    await this.client.views.open({ trigger_id: triggerId, view: view as never });
  }

  /** https://docs.slack.dev/reference/methods/views.publish — the person's App Home tab. */
  async publishHome(user: string, view: SlackView): Promise<void> {
    await this.client.views.publish({ user_id: user, view: view as never });
  }
}
