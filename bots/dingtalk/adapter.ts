import type { DingTalkConfig } from '../../src/config.ts';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import type { ChatAdapter } from '../types.ts';
import { createDingTalkApi } from './api.ts';
import { mountDingTalkCallback } from './http-transport.ts';
import { createInboundHandler } from './inbound.ts';
import { DINGTALK_PLATFORM, isStaffId, parseDingTalkRef } from './refs.ts';
import { UnrecoverableError } from '../errors.ts';
import type { ChartImages } from '../../src/charts/chart-store.ts';
import { createDingTalkSender, type BatchSendResult } from './sender.ts';
import { SessionWebhooks, trustedWebhookHosts, type SessionWebhookStore } from './session-webhooks.ts';
import type { ReconnectPolicy, StreamTransport } from './stream-transport.ts';
import type { InboundHandler } from './inbound.ts';
import type { TokenStore } from '../token-store.ts';
import type { QuotaMemory } from './quota-guard.ts';

export interface DingTalkAdapterDeps {
  engine: Pick<ConversationEngine, 'handle'>;
  clock: Clock;
  logger: Logger;
  /** Stored charts (issue 18): uploaded with media/upload and sent as robot image messages. */
  charts?: ChartImages;
  /** Where the access token is kept between adapters (the Worker's per-isolate store); the adapter's own otherwise. */
  tokenStore?: TokenStore;
  /** Whether the OpenAPI quota ran out, kept between adapters (the Worker's per-isolate memory); the adapter's own otherwise. */
  quotaMemory?: QuotaMemory;
  /**
   * Where session webhooks are kept beyond this adapter (the database's, src/db/dingtalk-session-webhooks.ts,
   * on Node and the Worker), so a reply retried later still reaches a sender without a staff id.
   */
  sessionStore?: SessionWebhookStore;
}

/** Tuning for tests and unusual deployments; the defaults suit production. */
export interface DingTalkAdapterOptions {
  reconnect?: ReconnectPolicy;
  heartbeatMs?: number;
  /** Delays between in-process retries of a message whose handling failed. */
  inboundRetryDelaysMs?: readonly number[];
}

/** The DingTalk adapter, plus the batch sender the scheduler uses for fan-out to many people 1:1. */
export interface DingTalkAdapter extends ChatAdapter {
  /** One message to many staff ids, at most 20 per OpenAPI call. Bypasses the outbox: see BatchSendResult. */
  sendToUsers(userIds: readonly string[], message: OutboundMessage): Promise<BatchSendResult>;
}

/**
 * The DingTalk adapter around a transport: HTTP callback mode here; Stream mode when `openStream`
 * is given (index.ts passes it, importing dingtalk-stream only then). Kept free of the Stream
 * transport's imports so the Cloudflare Worker bundles HTTP mode without dingtalk-stream, axios or ws.
 */
export function buildDingTalkAdapter(
  config: Readonly<DingTalkConfig>,
  deps: DingTalkAdapterDeps,
  options: DingTalkAdapterOptions = {},
  openStream?: (inbound: InboundHandler) => StreamTransport,
): DingTalkAdapter {
  const { clock, logger } = deps;
  const api = createDingTalkApi({
    apiUrl: config.apiUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    robotCode: config.robotCode,
    clock,
    logger,
    tokenStore: deps.tokenStore,
    quotaMemory: deps.quotaMemory,
  });
  const sessions = new SessionWebhooks(clock, trustedWebhookHosts(config.apiUrl), deps.sessionStore);
  const inbound = createInboundHandler({ engine: deps.engine, clock, logger, sessions }, { retryDelaysMs: options.inboundRetryDelaysMs });
  const sender = createDingTalkSender({ api, sessions, logger, charts: deps.charts });

  const stream = config.mode === 'stream' ? openStream?.(inbound) : undefined;
  if (config.mode === 'stream' && !stream) throw new Error('DINGTALK_MODE=stream needs the Node service (a long-lived WebSocket): use DINGTALK_MODE=http here');

  return {
    platform: DINGTALK_PLATFORM,
    // Robots cannot receive locations: check-ins get the location page link (an ActionCard button).
    capabilities: { receivesLocation: false, richMessages: true, groups: true },
    routes(app) {
      if (config.mode === 'http') mountDingTalkCallback(app, { appSecret: config.clientSecret, clock, logger, inbound });
    },
    send: (targetRef, message, context) => sender.send(targetRef, message, context),
    sendToUsers: (userIds, message) => sender.sendToUsers(userIds, message),
    // The outbox hands identical scheduled messages (reminders, digests) here; the sender splits them
    // into batchSend calls of 20, the platform minimum.
    maxBatchTargets: 1000,
    async sendBatch(targetRefs, message, { outboxIds }) {
      const failures: { targetRef: string; error: Error }[] = [];
      const refOfUser = new Map<string, string>();
      for (const [i, ref] of targetRefs.entries()) {
        const target = parseDingTalkRef(ref);
        if (target?.kind === 'user' && isStaffId(target.userId)) {
          refOfUser.set(target.userId, ref);
          continue;
        }
        // Groups and people without a staff id have no batch API: one send each.
        await sender.send(ref, message, { outboxId: outboxIds[i]! }).catch((error: unknown) => {
          failures.push({ targetRef: ref, error: error instanceof Error ? error : new Error(String(error)) });
        });
      }
      const result = await sender.sendToUsers([...refOfUser.keys()], message);
      for (const id of result.invalid) {
        failures.push({ targetRef: refOfUser.get(id)!, error: new UnrecoverableError('DingTalk does not know this user (invalidStaffIdList)') });
      }
      for (const pending of result.pending) {
        for (const id of pending.userIds) failures.push({ targetRef: refOfUser.get(id)!, error: pending.error });
      }
      return { failures };
    },
    async start() {
      stream?.start();
    },
    async stop() {
      await stream?.stop();
      await inbound.idle();
    },
    async health() {
      const connection = stream ? stream.health() : { ok: true, detail: 'http callback mode' };
      const quota = api.quota.status();
      if (!quota.exhausted) return connection;
      // Still ready: replies through session webhooks work, and pulling the instance out of a load
      // balancer would not bring the quota back. The detail says what is held back and until when.
      return {
        ok: connection.ok,
        detail: `${connection.detail}; OpenAPI quota exhausted (${quota.code}) since ${quota.since!.toISOString()}, proactive messages held until ${quota.probeAt!.toISOString()}`,
      };
    },
  };
}
