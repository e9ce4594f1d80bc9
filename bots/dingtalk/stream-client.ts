import { DWClient, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type WebSocket from 'ws';

/** Events the subclass adds to the SDK's emitter (names cannot collide with callback topics). */
export const STREAM_OPENED = 'legwork:opened';
export const STREAM_CLOSED = 'legwork:closed';
export const STREAM_DISCONNECT_REQUESTED = 'legwork:disconnect-requested';
export const STREAM_BAD_FRAME = 'legwork:bad-frame';

export interface StreamClientOptions {
  clientId: string;
  clientSecret: string;
  /** Full URL of `POST /v1.0/gateway/connections/open`. */
  gatewayUrl: string;
  ua: string;
  timeoutMs?: number;
}

/**
 * dingtalk-stream 2.1.5's DWClient with the parts Legwork needs changed (checked against the SDK's
 * dist/client.mjs):
 * - `getEndpoint()` posts to a configurable gateway URL (the SDK's is a constant) and never prints the
 *   config: the SDK's version logs it, secret included, when `debug` is on (kept off here anyway);
 * - its own reconnect is off: it retries every second forever, and after a socket error it schedules
 *   two connects (from the rejected promise and from 'close'). The transport reconnects with backoff;
 * - the socket's open/close and the gateway's `disconnect` notice are surfaced as events;
 * - a frame that is not JSON is reported instead of throwing out of the socket's message handler.
 * Only robot messages are subscribed: the SDK's default subscriptions array is module-level state
 * shared by every client, and we handle no EVENT topics.
 */
export class LegworkStreamClient extends DWClient {
  /** Why the last connection attempt failed, for logs and /readyz (never contains credentials). */
  lastError: string | undefined;
  private readonly options: StreamClientOptions;

  constructor(options: StreamClientOptions) {
    super({ clientId: options.clientId, clientSecret: options.clientSecret, debug: false, keepAlive: false, ua: options.ua });
    this.options = options;
    this.config.autoReconnect = false;
    this.config.subscriptions = [{ type: 'CALLBACK', topic: TOPIC_ROBOT }];
  }

  /** The socket the SDK is using now (a TypeScript-private field of DWClient). */
  currentSocket(): WebSocket | undefined {
    return (this as unknown as { socket?: WebSocket }).socket;
  }

  override async getEndpoint(): Promise<this> {
    // Stream protocol, step 1 "注册连接凭证": https://open-dingtalk.github.io/developerpedia/docs/learn/stream/protocol
    let res: Response;
    try {
      res = await fetch(this.options.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          clientId: this.config.clientId,
          clientSecret: this.config.clientSecret,
          ua: this.options.ua,
          subscriptions: this.config.subscriptions,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw this.fail(`gateway unreachable (${causeOf(error)})`);
    }
    const body = (await res.json().catch(() => undefined)) as { endpoint?: unknown; ticket?: unknown; code?: unknown } | undefined;
    if (!res.ok) throw this.fail(`gateway answered HTTP ${res.status}${body?.code ? ` ${String(body.code)}` : ''}`);
    if (typeof body?.endpoint !== 'string' || typeof body.ticket !== 'string' || !body.endpoint || !body.ticket) {
      throw this.fail('gateway answer without endpoint or ticket');
    }
    // `dw_url` is what the SDK's _connect() opens. The ticket is single-use and valid for 90 s.
    (this as unknown as { dw_url?: string }).dw_url = `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`;
    return this;
  }

  override async _connect(): Promise<void> {
    try {
      await super._connect();
    } catch (error) {
      throw this.fail(`websocket failed (${causeOf(error)})`);
    }
    this.lastError = undefined;
    const socket = this.currentSocket();
    if (!socket) return;
    socket.once('close', (code: number) => this.emit(STREAM_CLOSED, { socket, code }));
    this.emit(STREAM_OPENED, socket);
  }

  override onDownStream(data: string): void {
    try {
      super.onDownStream(data);
    } catch (error) {
      this.emit(STREAM_BAD_FRAME, error);
    }
  }

  override onSystem(downstream: DWClientDownStream): void {
    super.onSystem(downstream);
    // The gateway announces it will close the connection in about 10 s (load balancing).
    if (downstream.headers?.topic === 'disconnect') this.emit(STREAM_DISCONNECT_REQUESTED);
  }

  private fail(reason: string): Error {
    this.lastError = reason;
    return new Error(reason);
  }
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? (error as { code?: string }).code ?? cause?.message ?? error.message;
}
