import type { LocalRenderedMessage } from './encode.ts';

/** One message as `GET /local/inbox/:userId` returns it. */
export interface LocalDelivered extends LocalRenderedMessage {
  id: string;
  at: string;
}

/** What a person posted to the local chat, as the conversation keeps it. */
export interface LocalInbound {
  eventId: string;
  senderId: string;
  senderName: string;
  text?: string;
  location?: { lat: number; lng: number; system: 'wgs84' | 'gcj02'; accuracy?: number };
  /** The question a tap answered (the post's `answers`): lets a client show the tapped label. */
  answers?: string;
}

/**
 * One message of a conversation as `GET /local/conversation` returns it: the bot's (`from: 'bot'`)
 * or a person's (`from: 'user'`, with `sender` and, for a shared position, `location`). `id` is the
 * conversation's own cursor, not an inbox id.
 */
export interface LocalChatEntry {
  id: string;
  from: 'user' | 'bot';
  sender?: { id: string; name: string };
  /** The id the message was posted with (`from: 'user'` only): lets a client match its own bubbles. */
  eventId?: string;
  text: string;
  title?: string;
  actions?: { label: string; url: string }[];
  /** A bot message's quick answers, as delivered (see LocalRenderedMessage): a client shows them as buttons. */
  choices?: LocalRenderedMessage['choices'];
  questionId?: string;
  /** A bot message's chart (issue 18), as delivered. */
  image?: LocalRenderedMessage['image'];
  /** A person's tap (`from: 'user'` only): the `questionId` of the list it answered. */
  answers?: string;
  location?: LocalInbound['location'];
  at: string;
}

/**
 * The local adapter's "platform": a mailbox per conversation. Keyed by outbox id, so a message the
 * delivery loop retries after a crash is stored once.
 */
export interface LocalMailbox {
  deliver(outboxId: string, targetRef: string, message: LocalRenderedMessage): Promise<void>;
  list(targetRef: string, options?: { afterId?: string; limit?: number }): Promise<LocalDelivered[]>;
  /** Keeps what a person said in a conversation; a redelivered event id is kept once. */
  recordInbound(targetRef: string, message: LocalInbound): Promise<void>;
  /** Both sides of a conversation, oldest first: after `afterId`, or else the latest `limit`. */
  conversation(targetRef: string, options?: { afterId?: string; limit?: number }): Promise<LocalChatEntry[]>;
}
