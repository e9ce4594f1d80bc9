import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import { platformOfRef } from '../../bots/types.ts';
import { AuthFailedError, PictureNotSentError, RateLimitedError, UnrecoverableError } from '../../bots/errors.ts';
import { pictureOnly } from '../../bots/picture.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { claimDueMessages, markFailed, markSent, renewLeases, reschedule, type ClaimedMessage } from './outbox-repository.ts';
import { createOutageGate } from './outage-gate.ts';
import { markManySent, paceTargets, planFanOut, type FanOutGroup } from './fan-out.ts';
import { noMetrics, type MetricsRecorder } from '../../src/observability/metrics-recorder.ts';

export interface DeliveryOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  adapters: ReadonlyMap<string, ChatAdapter>;
  /**
   * How long a claimed message is reserved for one sender before another may retry it (default 5 s).
   * While the sender lives, a heartbeat renews the lease of what it has in flight every third of
   * this, so a slow send keeps its claim; after a crash the rows are free again within this long.
   */
  leaseMs?: number;
  batchSize?: number;
  pollIntervalMs?: number;
  maxAttempts?: number;
  /** Counts each attempt's outcome per platform (/metrics). */
  metrics?: MetricsRecorder;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

/** Conversation refs as logged: a group robot's webhook key is a credential, so it is masked. */
export function loggableRef(ref: string): string {
  return /webhook/i.test(ref) ? ref.replace(/[^:]{6}(?=[^:]*$)[^:]*$/, (key) => `${key.slice(0, 4)}…`) : ref;
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  const base = Math.min(2 ** attempts * 1000, 600_000);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * Drains the outbox through the adapters: at least once per message, and with the outbox id as the
 * idempotency key adapters can make that exactly once. A 429 delays only that conversation.
 */
export function createDeliveryLoop(options: DeliveryOptions) {
  const { db, clock, logger, adapters } = options;
  const leaseMs = options.leaseMs ?? 5000;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 10;
  const metrics = options.metrics ?? noMetrics;
  let timer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  /** Rows this loop has claimed and not yet settled: their leases are renewed by the heartbeat. */
  const inFlight = new Set<string>();
  const gate = createOutageGate({ clock, logger });
  let running: Promise<DrainResult> | undefined;
  let again = false;
  let stopped = true;

  async function deliver(item: ClaimedMessage, totals: DrainResult): Promise<void> {
    const adapter = adapters.get(platformOfRef(item.targetRef));
    const now = () => clock.now();
    if (!adapter) {
      await markFailed(db, item.id, `no adapter for ${platformOfRef(item.targetRef)}`);
      totals.failed++;
      metrics.delivery(platformOfRef(item.targetRef), 'failed');
      return;
    }
    try {
      await adapter.send(item.targetRef, item.message as OutboundMessage, { outboxId: item.id });
      await markSent(db, item.id, now());
      totals.sent++;
      metrics.delivery(adapter.platform, 'sent');
      await pace(adapter, [item.targetRef]);
    } catch (error) {
      if (error instanceof PictureNotSentError) await pictureFailed(adapter, item, error, totals);
      else await settleFailure(item, error, totals);
    }
  }

  /**
   * The text went out, the picture did not (issue 18): the message counts as sent, the platform's
   * error is logged, and the picture alone is queued to the same conversation, retried like any message.
   */
  async function pictureFailed(adapter: ChatAdapter, item: ClaimedMessage, error: PictureNotSentError, totals: DrainResult): Promise<void> {
    const message = item.message as OutboundMessage;
    await db.transaction().execute(async (trx) => {
      await markSent(trx, item.id, clock.now());
      await enqueueMessages(trx, [{ orgId: null, targetRef: item.targetRef, message: pictureOnly(message) }], clock.now());
    });
    logger.warn({ outboxId: item.id, target: loggableRef(item.targetRef), platform: adapter.platform, error: error.platformError }, 'picture not sent with its text; retrying the picture alone');
    totals.sent++;
    metrics.delivery(adapter.platform, 'sent');
    await pace(adapter, [item.targetRef]);
  }

  /** Spaces sends to one conversation by the adapter's minimum interval (when it declares one). */
  async function pace(adapter: ChatAdapter, targetRefs: string[]): Promise<void> {
    if (adapter.minSendIntervalMs) await paceTargets(db, targetRefs, new Date(clock.now().getTime() + adapter.minSendIntervalMs));
  }

  /** One `sendBatch` call for identical messages; each target's failure is settled like a single send's. */
  async function deliverGroup(group: FanOutGroup, totals: DrainResult): Promise<void> {
    let failures: Map<string, Error>;
    try {
      const outcome = await group.adapter.sendBatch(group.items.map((i) => i.targetRef), group.message, { outboxIds: group.items.map((i) => i.id) });
      failures = new Map(outcome.failures.map((f) => [f.targetRef, f.error]));
    } catch (error) {
      await Promise.all(group.items.map((item) => settleFailure(item, error, totals)));
      return;
    }
    const sent = group.items.filter((item) => !failures.has(item.targetRef));
    await markManySent(db, sent.map((item) => item.id), clock.now());
    totals.sent += sent.length;
    metrics.delivery(group.adapter.platform, 'sent', sent.length);
    await pace(group.adapter, sent.map((item) => item.targetRef));
    for (const item of group.items) {
      const error = failures.get(item.targetRef);
      if (error) await settleFailure(item, error, totals);
    }
  }

  /** What a failed send means for the message: wait (429), give up (unrecoverable), or back off. */
  async function settleFailure(item: ClaimedMessage, error: unknown, totals: DrainResult): Promise<void> {
    const now = () => clock.now();
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const platform = platformOfRef(item.targetRef);
    if (error instanceof RateLimitedError) {
      metrics.delivery(platform, '429');
      await reschedule(db, { id: item.id, availableAt: new Date(now().getTime() + error.retryAfterMs), error: text, countAttempt: false });
      totals.retried++;
    } else if (error instanceof UnrecoverableError || item.attempts >= maxAttempts) {
      await markFailed(db, item.id, text);
      logger.error({ outboxId: item.id, target: loggableRef(item.targetRef), error: text }, 'message could not be delivered');
      totals.failed++;
      metrics.delivery(platform, 'failed');
    } else {
      // Auth failures back off like any other: the message waits for the credentials to be fixed.
      const delay = backoffMs(item.attempts);
      await reschedule(db, { id: item.id, availableAt: new Date(now().getTime() + delay), error: text, countAttempt: true });
      logger.warn({ outboxId: item.id, target: loggableRef(item.targetRef), error: text, retryInMs: delay, auth: error instanceof AuthFailedError }, 'delivery failed, will retry');
      totals.retried++;
      metrics.delivery(platform, 'retried');
    }
  }

  async function drainNow(): Promise<DrainResult> {
    const totals: DrainResult = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const batch = await claimDueMessages(db, { now: clock.now(), leaseMs, limit: batchSize });
      if (batch.length === 0) return totals;
      for (const item of batch) inFlight.add(item.id);
      try {
        const plan = await planFanOut(db, adapters, batch, { now: clock.now(), leaseMs });
        const ids = [...plan.singles.map((item) => item.id), ...plan.groups.flatMap((group) => group.items.map((item) => item.id))];
        for (const id of ids) inFlight.add(id);
        await Promise.all([...plan.singles.map((item) => deliver(item, totals)), ...plan.groups.map((group) => deliverGroup(group, totals))]);
        for (const id of ids) inFlight.delete(id);
      } finally {
        for (const item of batch) inFlight.delete(item.id);
      }
    }
  }

  /** Renews the leases of the rows this loop is sending, so no other loop takes them while it lives. */
  async function heartbeat(): Promise<void> {
    if (inFlight.size === 0) return;
    await renewLeases(db, [...inFlight], new Date(clock.now().getTime() + leaseMs)).catch((error: unknown) =>
      logger.warn({ err: error, rows: inFlight.size }, 'could not renew outbox leases'),
    );
  }

  /**
   * A drain from the timer or a kick: skipped while the gate holds it back after failures (database
   * down), so an outage costs one attempt per backoff step and one log line, not one per tick.
   */
  async function poll(): Promise<void> {
    if (!gate.open()) return;
    try {
      await drainOnce();
      gate.succeeded();
    } catch (error) {
      gate.failed(error);
    }
  }

  /** Sends everything due now; concurrent calls share one run (and trigger one more after it). */
  function drainOnce(): Promise<DrainResult> {
    if (running) {
      again = true;
      return running;
    }
    running = drainNow().finally(() => {
      running = undefined;
      if (again && !stopped) {
        again = false;
        void poll();
      }
    });
    return running;
  }

  return {
    drainOnce,
    /** What the timer runs: a drain unless paused by failures (exposed for tests driving the clock). */
    poll,
    /** What the heartbeat timer runs (exposed for tests driving the clock). */
    heartbeat,
    /** Wakes the loop now (after a turn wrote replies). */
    kick(): void {
      if (!stopped) void poll();
    },
    start(): void {
      stopped = false;
      const interval = options.pollIntervalMs ?? 1000;
      timer = setInterval(() => void poll(), interval);
      timer.unref();
      heartbeatTimer = setInterval(() => void heartbeat(), Math.max(100, Math.floor(leaseMs / 3)));
      heartbeatTimer.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      await running?.catch(() => undefined);
    },
  };
}

export type DeliveryLoop = ReturnType<typeof createDeliveryLoop>;
