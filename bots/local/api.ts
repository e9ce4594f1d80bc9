import type { LocalRenderedMessage } from './encode.ts';

/** One message as `GET /local/inbox/:userId` returns it. */
export interface LocalDelivered extends LocalRenderedMessage {
  id: string;
  at: string;
}

/**
 * The local adapter's "platform": a mailbox per conversation. Keyed by outbox id, so a message the
 * delivery loop retries after a crash is stored once.
 */
export interface LocalMailbox {
  deliver(outboxId: string, targetRef: string, message: LocalRenderedMessage): Promise<void>;
  list(targetRef: string, options?: { afterId?: string; limit?: number }): Promise<LocalDelivered[]>;
}
