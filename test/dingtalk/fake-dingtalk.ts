import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

/** One HTTP call the fake received, as the adapter sent it. */
export interface RecordedCall {
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: any;
  /** The request body as bytes (multipart uploads). */
  raw?: Buffer;
}

/** A frame the client sent on the Stream socket (acks, ping answers). */
export interface ClientFrame {
  code: number;
  headers: { messageId?: string; contentType?: string; topic?: string };
  message: string;
  data: string;
}

export interface ScriptedAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const TOPIC_ROBOT = '/v1.0/im/bot/messages/get';

/**
 * A local DingTalk: the Stream gateway (`POST /v1.0/gateway/connections/open` + the WebSocket it
 * points to, pushing frames shaped like the protocol document's examples), the OpenAPI endpoints the
 * adapter calls (token, oToMessages/batchSend, groupMessages/send) and robot session webhooks
 * (`/robot/sendBySession?session=…`). It checks what the real services check (credentials, ticket,
 * token header, batch size, msgParam as a JSON string) and records everything for assertions.
 */
export class FakeDingTalk {
  readonly calls: RecordedCall[] = [];
  readonly frames: ClientFrame[] = [];
  readonly sockets: WebSocket[] = [];
  gatewayOpens = 0;
  /** Answer the next N `connections/open` calls with 503. */
  gatewayFailures = 0;
  /** Staff ids DingTalk does not know (listed in invalidStaffIdList). */
  readonly invalidUsers = new Set<string>();
  private tickets = new Set<string>();
  private validTokens = new Set<string>();
  private tokenCount = 0;
  private scripted = new Map<string, ScriptedAnswer[]>();
  private queued: string[] = [];
  private server: Server;
  private wss = new WebSocketServer({ noServer: true });
  url = '';

  constructor(readonly app: { clientId: string; clientSecret: string; robotCode: string }) {
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const ticket = url.searchParams.get('ticket') ?? '';
      // Protocol: a ticket is valid for one connection only.
      if (url.pathname !== '/connect' || !this.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Forgets calls and frames between tests (connections and tokens stay). */
  reset(): void {
    this.calls.length = 0;
    this.frames.length = 0;
    this.scripted.clear();
    this.invalidUsers.clear();
    this.gatewayFailures = 0;
  }

  /** Queues an answer for the next call to `path` (e.g. a 90030 for a session webhook). */
  script(path: string, ...answers: ScriptedAnswer[]): void {
    this.scripted.set(path, [...(this.scripted.get(path) ?? []), ...answers]);
  }

  /** Invalidates every token issued so far, as if DingTalk had rotated them. */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  get openSocket(): WebSocket | undefined {
    return this.sockets.find((ws) => ws.readyState === ws.OPEN);
  }

  /** Pushes a robot message as a CALLBACK frame; queued until a client is connected. */
  pushRobotMessage(payload: object, messageId = `msg_${randomUUID()}`): string {
    this.pushFrame({
      specVersion: '1.0',
      type: 'CALLBACK',
      headers: {
        appId: 'fake-app-id',
        connectionId: 'fake-connection',
        contentType: 'application/json',
        messageId,
        time: String(Date.now()),
        topic: TOPIC_ROBOT,
      },
      data: JSON.stringify(payload),
    });
    return messageId;
  }

  /** A SYSTEM frame such as `disconnect` (protocol "系统推送"). */
  pushSystem(topic: 'ping' | 'disconnect', data: object): void {
    this.pushFrame({ specVersion: '1.0', type: 'SYSTEM', headers: { topic, messageId: `sys_${randomUUID()}`, contentType: 'application/json' }, data: JSON.stringify(data) });
  }

  pushFrame(frame: object | string): void {
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
    const ws = this.openSocket;
    if (ws) ws.send(text);
    else this.queued.push(text);
  }

  /** Closes the client's socket from the server side, as a network drop would. */
  dropConnections(): void {
    for (const ws of this.sockets) if (ws.readyState === ws.OPEN) ws.terminate();
  }

  acksFor(messageId: string): ClientFrame[] {
    return this.frames.filter((f) => f.headers?.messageId === messageId);
  }

  sessionUrl(session: string): string {
    return `${this.url}/robot/sendBySession?session=${session}`;
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    ws.on('message', (raw) => {
      try {
        this.frames.push(JSON.parse(raw.toString()) as ClientFrame);
      } catch {
        this.frames.push({ code: -1, headers: {}, message: 'unparseable', data: raw.toString() });
      }
    });
    const pending = this.queued.splice(0);
    for (const frame of pending) ws.send(frame);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    let body: any;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    this.calls.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body, raw: Buffer.concat(chunks) });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    const scripted = this.scripted.get(url.pathname)?.shift();
    if (scripted) return send(scripted.status ?? 200, scripted.body, scripted.headers);

    switch (url.pathname) {
      case '/v1.0/gateway/connections/open': {
        this.gatewayOpens++;
        if (this.gatewayFailures > 0) {
          this.gatewayFailures--;
          return send(503, { code: 'ServiceUnavailable', message: 'try later' });
        }
        if (body?.clientId !== this.app.clientId || body?.clientSecret !== this.app.clientSecret) {
          return send(401, { code: 'InvalidClient', message: 'bad credentials' });
        }
        const subscribed = Array.isArray(body.subscriptions) && body.subscriptions.some((s: any) => s.type === 'CALLBACK' && s.topic === TOPIC_ROBOT);
        if (!subscribed) return send(400, { code: 'InvalidParameter', message: 'no subscriptions' });
        const ticket = randomUUID();
        this.tickets.add(ticket);
        return send(200, { endpoint: `${this.url.replace('http', 'ws')}/connect`, ticket });
      }
      case '/v1.0/oauth2/accessToken': {
        if (body?.appKey !== this.app.clientId || body?.appSecret !== this.app.clientSecret) {
          return send(400, { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' });
        }
        const token = `token-${++this.tokenCount}`;
        this.validTokens.add(token);
        return send(200, { accessToken: token, expireIn: 7200 });
      }
      case '/v1.0/robot/oToMessages/batchSend':
      case '/v1.0/robot/groupMessages/send': {
        const token = req.headers['x-acs-dingtalk-access-token'];
        if (typeof token !== 'string' || !this.validTokens.has(token)) {
          return send(400, { code: 'InvalidAuthentication', message: '不合法的access_token', requestid: randomUUID() });
        }
        const problem = this.checkMessage(url.pathname, body);
        if (problem) return send(400, { code: 'InvalidParameter', message: problem, requestid: randomUUID() });
        if (url.pathname.endsWith('groupMessages/send')) return send(200, { processQueryKey: randomUUID() });
        const invalid = body.userIds.filter((id: string) => this.invalidUsers.has(id));
        return send(200, { processQueryKey: randomUUID(), invalidStaffIdList: invalid, flowControlledStaffIdList: [] });
      }
      case '/media/upload': {
        // 上传媒体文件 (https://open.dingtalk.com/document/orgapp/upload-media-files): old API, access_token
        // in the query, multipart field "media"; errors are a non-zero errcode with HTTP 200.
        if (!this.validTokens.has(url.searchParams.get('access_token') ?? '')) return send(200, { errcode: 40014, errmsg: '不合法的access_token' });
        if (!['image', 'voice', 'video', 'file'].includes(url.searchParams.get('type') ?? '')) return send(200, { errcode: 40004, errmsg: '不合法的媒体文件类型' });
        if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return send(200, { errcode: 43008, errmsg: '参数需要multipart类型' });
        if (!/name="media"/.test(Buffer.concat(chunks).subarray(0, 400).toString('utf8'))) return send(200, { errcode: 41001, errmsg: '缺少media参数' });
        return send(200, { errcode: 0, errmsg: 'ok', type: url.searchParams.get('type'), media_id: `@lA${randomUUID().slice(0, 8)}`, created_at: 1764208800000 });
      }
      case '/robot/sendBySession':
        return send(200, { errcode: 0, errmsg: 'ok' });
      default:
        return send(404, { code: 'NotFound', message: url.pathname });
    }
  }

  private checkMessage(path: string, body: any): string | undefined {
    if (body?.robotCode !== this.app.robotCode) return 'robotCode';
    if (typeof body.msgKey !== 'string' || typeof body.msgParam !== 'string') return 'msgKey/msgParam';
    try {
      JSON.parse(body.msgParam);
    } catch {
      return 'msgParam must be a JSON string';
    }
    if (path.endsWith('batchSend')) {
      if (!Array.isArray(body.userIds) || body.userIds.length === 0 || body.userIds.length > 20) return 'userIds (1..20)';
    } else if (typeof body.openConversationId !== 'string') return 'openConversationId';
    return undefined;
  }
}
