import type { Hono } from 'hono';
import type { OutboundMessage } from '../src/conversation/types.ts';

/** What a platform can do; the core adapts (e.g. sends a location link where no location message exists). */
export interface AdapterCapabilities {
  receivesLocation: boolean;
  richMessages: boolean;
  groups: boolean;
}

/** Metadata the delivery loop passes along with each send. */
export interface SendContext {
  /** The outbox row id: a stable idempotency key for platforms (and stores) that accept one. */
  outboxId: string;
}

/**
 * One chat platform. Created by a typed factory per platform (`createLocalAdapter(config, deps)`);
 * `platform` is also the prefix of every conversation ref it issues, which is how the delivery loop
 * finds the adapter for an outbox row.
 */
export interface ChatAdapter {
  readonly platform: string;
  readonly capabilities: AdapterCapabilities;
  /** HTTP routes the platform calls (webhooks), mounted on the main app. */
  routes?(app: Hono): void;
  send(targetRef: string, message: OutboundMessage, context: SendContext): Promise<void>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** For /readyz: connected, quota left, etc. */
  health?(): Promise<{ ok: boolean; detail?: string }>;
  /**
   * Optional: one message to many conversations in as few API calls as the platform allows (DingTalk
   * `oToMessages/batchSend` takes 20 people a call, WeCom `message/send` 1,000). The delivery loop
   * hands it identical scheduled messages (reminders, digests), at most `maxBatchTargets` at a time.
   * Throwing fails the whole batch; per-target errors (same classes as `send`) go in `failures`, and
   * every target not listed there counts as sent.
   */
  sendBatch?(targetRefs: readonly string[], message: OutboundMessage, context: BatchSendContext): Promise<BatchSendOutcome>;
  /** Most targets the delivery loop passes to one `sendBatch` (default 1000). */
  readonly maxBatchTargets?: number;
  /**
   * Optional pacing: the least time between two messages to one conversation (e.g. Slack about
   * 1,000 ms per channel, DingTalk/WeCom group robots 3,000 ms = 20 a minute). The delivery loop
   * holds the next message to that conversation back in the outbox, across processes.
   */
  readonly minSendIntervalMs?: number;
}

/** Metadata for a batch send: the outbox ids, in the order of the target refs. */
export interface BatchSendContext {
  outboxIds: readonly string[];
}

/** What a batch send did: every target not in `failures` was sent. */
export interface BatchSendOutcome {
  failures: { targetRef: string; error: Error }[];
}

/** The platform prefix of a conversation ref ('local:user:alice' → 'local'). */
export function platformOfRef(ref: string): string {
  const i = ref.indexOf(':');
  return i < 0 ? ref : ref.slice(0, i);
}
