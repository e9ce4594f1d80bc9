import { TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type WebSocket from 'ws';
import type { Logger } from '../../src/logger.ts';
import type { InboundHandler, InboundOutcome } from './inbound.ts';
import {
  LegworkStreamClient,
  STREAM_BAD_FRAME,
  STREAM_CLOSED,
  STREAM_DISCONNECT_REQUESTED,
  STREAM_OPENED,
} from './stream-client.ts';

export interface ReconnectPolicy {
  initialMs: number;
  maxMs: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = { initialMs: 1_000, maxMs: 60_000 };
/** A connection that lasted this long was healthy: the next drop reconnects at once, not after backoff. */
const STABLE_MS = 10_000;
const OPEN = 1;

/** The wait before attempt `failures` (1, 2, …): doubling from `initialMs` up to `maxMs`, ±20 % jitter. */
export function reconnectDelayMs(failures: number, policy: ReconnectPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + random() * 0.4));
}

export interface StreamTransportOptions {
  clientId: string;
  clientSecret: string;
  gatewayUrl: string;
  logger: Logger;
  inbound: InboundHandler;
  reconnect?: ReconnectPolicy;
  /** WebSocket ping interval; a connection that misses a pong for one interval is dropped. */
  heartbeatMs?: number;
}

/**
 * Stream mode: one WebSocket to DingTalk's gateway, kept open. `connect()` of the SDK never rejects,
 * so the transport watches the socket itself: a healthy connection that drops is reopened at once,
 * failed attempts back off exponentially (1 s … 60 s), and the state is reported through `health()`.
 *
 * Robot messages arrive as CALLBACK frames that the SDK does not acknowledge. Each is handled (in the
 * background, so the socket keeps reading) and then acknowledged on the socket it came from
 * (protocol: https://open-dingtalk.github.io/developerpedia/docs/learn/stream/protocol):
 * 200 once handled (or recognised as a duplicate), 400 for a payload that can never be handled, 500
 * when handling failed after in-process retries. DingTalk does not redeliver robot messages, so the
 * ack is diagnostic; if the socket is gone by then, there is nothing to ack on.
 */
export function createStreamTransport(options: StreamTransportOptions) {
  const { logger, inbound } = options;
  const policy = options.reconnect ?? defaultReconnectPolicy;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const client = new LegworkStreamClient({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    gatewayUrl: options.gatewayUrl,
    ua: 'legwork dingtalk-stream/2.1.5',
  });

  let started = false;
  let stopped = true;
  let failures = 0;
  let lastImmediateAt = -Infinity;
  let openedAt: number | undefined;
  let connectedSince: Date | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let nextAttemptAt: number | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let attempt: Promise<void> | undefined;

  client.registerCallbackListener(TOPIC_ROBOT, (frame) => onRobotFrame(frame));
  client.on(STREAM_OPENED, (socket: WebSocket) => {
    openedAt = Date.now();
    connectedSince = new Date();
    startHeartbeat(socket);
    logger.info({ platform: 'dingtalk', reconnectedAfterFailures: failures }, 'DingTalk Stream connected');
  });
  client.on(STREAM_CLOSED, ({ code }: { code: number }) => {
    stopHeartbeat();
    connectedSince = undefined;
    if (stopped) return;
    if (openedAt !== undefined && Date.now() - openedAt >= STABLE_MS) failures = 0;
    openedAt = undefined;
    const immediate = failures === 0 && Date.now() - lastImmediateAt > STABLE_MS;
    if (immediate) lastImmediateAt = Date.now();
    else failures++;
    logger.warn({ platform: 'dingtalk', code }, 'DingTalk Stream connection closed; reconnecting');
    schedule(immediate ? 0 : reconnectDelayMs(failures, policy));
  });
  client.on(STREAM_DISCONNECT_REQUESTED, () => {
    logger.info({ platform: 'dingtalk' }, 'DingTalk gateway asked to reconnect');
    // Like the official Python SDK: leave at once and open a fresh connection.
    client.currentSocket()?.close();
  });
  client.on(STREAM_BAD_FRAME, (error: unknown) => {
    logger.warn({ platform: 'dingtalk', err: error }, 'ignoring an unreadable DingTalk Stream frame');
  });

  function onRobotFrame(frame: DWClientDownStream): void {
    const socket = client.currentSocket();
    const messageId = frame.headers?.messageId;
    void inbound
      .handle(frame.data)
      .then((outcome) => acknowledge(socket, messageId, outcome))
      .catch((error: unknown) => logger.error({ platform: 'dingtalk', err: error }, 'DingTalk callback handling failed'));
  }

  function acknowledge(socket: WebSocket | undefined, messageId: string | undefined, outcome: InboundOutcome): void {
    if (!messageId) return;
    if (!socket || socket !== client.currentSocket() || socket.readyState !== OPEN) {
      logger.debug({ platform: 'dingtalk', messageId }, 'connection closed before the ack; robot messages are not redelivered');
      return;
    }
    if (outcome.kind === 'handled') {
      client.socketCallBackResponse(messageId, null);
      return;
    }
    // The SDK can only send code 200; the protocol's error codes are written as the same frame shape.
    const [code, message] = outcome.kind === 'invalid' ? [400, 'bad request'] : [500, 'internal error'];
    socket.send(JSON.stringify({ code, headers: { contentType: 'application/json', messageId }, message, data: JSON.stringify({ response: null }) }));
  }

  function startHeartbeat(socket: WebSocket): void {
    stopHeartbeat();
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    heartbeat = setInterval(() => {
      if (!alive) {
        logger.warn({ platform: 'dingtalk' }, 'DingTalk Stream missed a heartbeat; dropping the connection');
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, heartbeatMs);
    heartbeat.unref();
  }

  function stopHeartbeat(): void {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = undefined;
  }

  function schedule(delayMs: number): void {
    if (stopped || retryTimer) return;
    nextAttemptAt = Date.now() + delayMs;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      nextAttemptAt = undefined;
      attempt = connectSafely();
    }, delayMs);
  }

  /** Runs from a timer: a failure must end up in the log, never as an unhandled rejection. */
  function connectSafely(): Promise<void> {
    return connectOnce().catch((error: unknown) => {
      logger.error({ platform: 'dingtalk', err: error }, 'DingTalk Stream connection attempt crashed');
      failures++;
      schedule(reconnectDelayMs(failures, policy));
    });
  }

  async function connectOnce(): Promise<void> {
    if (stopped) return;
    await client.connect(); // never rejects: success shows as STREAM_OPENED, failure as lastError
    if (stopped) {
      client.disconnect();
      return;
    }
    if (!client.connected) {
      failures++;
      const delay = reconnectDelayMs(failures, policy);
      logger.warn({ platform: 'dingtalk', attempt: failures, error: client.lastError, retryInMs: delay }, 'DingTalk Stream connection failed');
      schedule(delay);
    }
  }

  return {
    /** Opens the connection in the background; start-up does not wait for DingTalk. */
    start(): void {
      if (!stopped) return;
      started = true;
      stopped = false;
      attempt = connectSafely();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      stopHeartbeat();
      await attempt?.catch(() => undefined);
      if (client.currentSocket()) client.disconnect();
    },
    health(): { ok: boolean; detail: string } {
      if (!started) return { ok: false, detail: 'stream not started' };
      if (client.connected && connectedSince) return { ok: true, detail: `stream connected since ${connectedSince.toISOString()}` };
      if (failures === 0 && !client.lastError) return { ok: false, detail: 'stream connecting' };
      const next = nextAttemptAt !== undefined ? `; next attempt in ${Math.max(0, Math.ceil((nextAttemptAt - Date.now()) / 1000))} s` : '';
      return { ok: false, detail: `stream disconnected (${failures} failed attempts${client.lastError ? `, last: ${client.lastError}` : ''})${next}` };
    },
  };
}

export type StreamTransport = ReturnType<typeof createStreamTransport>;
