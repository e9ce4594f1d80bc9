import type { Clock } from '../../src/core/shared/clock.ts';
import type { SessionWebhook } from './decode.ts';

/** Stop using a webhook this long before DingTalk says it expires: a send takes a moment. */
const EXPIRY_MARGIN_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Where session webhooks outlive the adapter that received them (src/db/dingtalk-session-webhooks.ts):
 * the Worker builds its adapters per invocation, so a reply the cron retries would otherwise find
 * none and go to the OpenAPI, which cannot reach a sender without a staff id.
 */
export interface SessionWebhookStore {
  save(eventId: string, session: SessionWebhook): Promise<void>;
  /** The replied-to message's webhook, else the conversation's latest, among those valid after `validAfter`. */
  find(conversationRef: string, replyToEventId: string | undefined, validAfter: Date): Promise<{ session: SessionWebhook; isReply: boolean } | undefined>;
  /** Drops every stored entry with this URL (DingTalk refused it). */
  forget(url: string): Promise<void>;
}

/**
 * The session webhooks of recent messages, in memory: by message id (for the replies to that message)
 * and by conversation (the latest one, for anything else said there while it is valid). A reply through
 * a session webhook needs no token and is not an OpenAPI call (standard orgs have a monthly OpenAPI
 * quota). With a `durable` store (the Node service and the Worker pass the database's) they are also
 * written there and looked up there when memory has none: a reply retried by another process or a
 * later Worker invocation still reaches the sender. Without one, a restart only means the OpenAPI is
 * used instead.
 */
export class SessionWebhooks {
  private byEvent = new Map<string, SessionWebhook>();
  private byConversation = new Map<string, SessionWebhook>();

  constructor(
    private readonly clock: Clock,
    private readonly isTrusted: (url: string) => boolean,
    private readonly durable?: SessionWebhookStore,
  ) {}

  /** `remember`, then written to the durable store; false (and nothing stored) for an untrusted or expired webhook. */
  async keep(eventId: string, session: SessionWebhook): Promise<boolean> {
    if (!this.remember(eventId, session)) return false;
    await this.durable?.save(eventId, session);
    return true;
  }

  /** `find` in memory, else in the durable store. */
  async lookup(conversationRef: string, replyToEventId?: string): Promise<{ session: SessionWebhook; isReply: boolean } | undefined> {
    const found = this.find(conversationRef, replyToEventId);
    if (found || !this.durable) return found;
    const stored = await this.durable.find(conversationRef, replyToEventId, new Date(this.clock.now().getTime() + EXPIRY_MARGIN_MS));
    // Only trusted URLs are stored; checked again in case the configured API origin changed since.
    return stored && this.isTrusted(stored.session.url) ? stored : undefined;
  }

  /** `forget`, in memory and in the durable store. */
  async drop(session: SessionWebhook): Promise<void> {
    this.forget(session);
    await this.durable?.forget(session.url);
  }

  /** Keeps a message's webhook unless it is already expired or not on a DingTalk host. */
  remember(eventId: string, session: SessionWebhook): boolean {
    if (!this.isTrusted(session.url) || !this.usable(session)) return false;
    this.prune();
    this.byEvent.set(eventId, session);
    const known = this.byConversation.get(session.conversationRef);
    if (!known || known.expiresAt <= session.expiresAt) this.byConversation.set(session.conversationRef, session);
    return true;
  }

  /**
   * The webhook to reach `conversationRef`: the replied-to message's own (with its sender, to mention
   * in a group), else the conversation's latest, as long as it has not expired.
   */
  find(conversationRef: string, replyToEventId?: string): { session: SessionWebhook; isReply: boolean } | undefined {
    const own = replyToEventId ? this.byEvent.get(replyToEventId) : undefined;
    if (own && own.conversationRef === conversationRef && this.usable(own)) return { session: own, isReply: true };
    const latest = this.byConversation.get(conversationRef);
    if (latest && this.usable(latest)) return { session: latest, isReply: false };
    return undefined;
  }

  /** Drops a webhook DingTalk refused, so the next message goes straight to the OpenAPI. */
  forget(session: SessionWebhook): void {
    for (const [key, value] of this.byEvent) if (value.url === session.url) this.byEvent.delete(key);
    if (this.byConversation.get(session.conversationRef)?.url === session.url) this.byConversation.delete(session.conversationRef);
  }

  private usable(session: SessionWebhook): boolean {
    return session.expiresAt.getTime() - EXPIRY_MARGIN_MS > this.clock.now().getTime();
  }

  /** Drops expired entries, then the oldest ones if a flood of messages filled the map. */
  private prune(): void {
    for (const map of [this.byEvent, this.byConversation]) {
      for (const [key, value] of map) if (!this.usable(value)) map.delete(key);
      while (map.size >= MAX_ENTRIES) {
        const oldest = map.keys().next();
        if (oldest.done) break;
        map.delete(oldest.value);
      }
    }
  }
}

/**
 * Session webhooks come inside the payload; in HTTP mode the signature does not cover the body, so a
 * replayed signature with a forged body could point us anywhere. Only DingTalk's robot host (and the
 * configured API origin, which is how tests and proxies work) is accepted.
 */
export function trustedWebhookHosts(apiUrl: string): (url: string) => boolean {
  const allowed = new Set(['https://oapi.dingtalk.com', new URL(apiUrl).origin]);
  return (url) => {
    try {
      return allowed.has(new URL(url).origin);
    } catch {
      return false;
    }
  };
}
