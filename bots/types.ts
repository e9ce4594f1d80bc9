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
}

/** The platform prefix of a conversation ref ('local:user:alice' → 'local'). */
export function platformOfRef(ref: string): string {
  const i = ref.indexOf(':');
  return i < 0 ? ref : ref.slice(0, i);
}
