import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call as the fake received it. */
export interface RecordedCall {
  method: string;
  /** The bearer token the client sent (Authorization header, or `token` in the body). */
  token?: string;
  args: Record<string, any>;
}

export interface FakeUser {
  id: string;
  name: string;
  realName: string;
  displayName: string;
  tz: string;
  tzOffset: number;
  locale: string;
}

/** What `deliverUntilAcked` sent, and the app's ack (undefined when no delivery was acked). */
export interface EnvelopeDelivery {
  /** The first delivery, then each redelivery, in order. */
  envelopes: Record<string, any>[];
  ack: any;
}

export type Failure = { status: 429; retryAfter: number } | { error: string };

export interface FakeSlackOptions {
  teamId: string;
  botToken: string;
  appToken: string;
  botId: string;
  botUserId: string;
  appId: string;
}

/**
 * A local Slack Web API (https://docs.slack.dev/apis/web-api/) speaking the real wire format: POST
 * `/api/<method>` with a form-encoded (or JSON) body and a bearer token, answering HTTP 200 with
 * `{ ok: true, … }` or `{ ok: false, error }`, and 429 with `Retry-After` when told to. It records every
 * call. `apps.connections.open` hands out a `ws://` URL on the same server, where the Socket Mode side
 * (https://docs.slack.dev/apis/events-api/using-socket-mode) sends `hello` and whatever envelopes a
 * test pushes, and records the acks.
 */
export class FakeSlack extends EventEmitter {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Channels the app is not a member of: chat.postEphemeral / chat.postMessage answer channel_not_found. */
  readonly foreignChannels = new Set<string>();
  /** Frames the app sent over Socket Mode (acks), parsed. */
  readonly frames: any[] = [];
  /** Files received at the upload URLs files.getUploadURLExternal handed out, by file id. */
  readonly uploads = new Map<string, { bytes: Buffer; contentType: string; filename: string; length: number; alt?: string }>();
  /** The order of picture steps as the fake saw them ('getUploadURLExternal', 'upload', 'completeUploadExternal'). */
  readonly fileSteps: string[] = [];
  private readonly pendingUploads = new Map<string, { filename: string; length: number; alt?: string }>();
  private readonly failures = new Map<string, Failure[]>();
  /** Methods whose answers wait until released (a slow Slack): see `hold`. */
  private readonly holds = new Map<string, { released: Promise<void>; release: () => void }>();
  private readonly sockets = new Set<WebSocket>();
  private server!: Server;
  private wss!: WebSocketServer;
  private counter = 0;

  private constructor(readonly options: FakeSlackOptions) {
    super();
  }

  static async start(options: FakeSlackOptions): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    fake.server = createServer((req, res) => void fake.onRequest(req, res));
    fake.wss = new WebSocketServer({ noServer: true });
    fake.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/link/')) return socket.destroy();
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What SLACK_API_URL is set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The next calls to `method` fail, in order, then it works again. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /**
   * Calls to `method` are recorded at once but answered only after `release(method)`: a Web API
   * call that takes as long as a test needs (to see what the app answered Slack meanwhile).
   */
  hold(method: string): void {
    if (this.holds.has(method)) return;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(method, { released, release });
  }

  /** Answers the held calls to `method` (and the ones after them at once). */
  release(method: string): void {
    this.holds.get(method)?.release();
    this.holds.delete(method);
  }

  reset(): void {
    for (const method of [...this.holds.keys()]) this.release(method);
    this.calls.length = 0;
    this.frames.length = 0;
    this.uploads.clear();
    this.fileSteps.length = 0;
    this.pendingUploads.clear();
    this.failures.clear();
    this.foreignChannels.clear();
  }

  /** Pushes a Socket Mode frame (an envelope, `disconnect`, …) to every connected client. */
  sendFrame(frame: unknown): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(frame));
  }

  /**
   * Delivers an envelope the way Slack does when the app does not ack it: Slack waits about 3 s
   * for `{ envelope_id }`, then sends the same payload again in a new envelope with `retry_attempt`
   * counting up and `retry_reason: 'timeout'`, three times at most (in Slack with growing pauses:
   * at once, after about a minute, after about five; here each after `ackTimeoutMs`).
   * https://docs.slack.dev/apis/events-api/using-socket-mode#acknowledge,
   * https://docs.slack.dev/apis/events-api/#retries
   */
  async deliverUntilAcked(envelope: Record<string, any>, options: { ackTimeoutMs?: number; maxRetries?: number } = {}): Promise<EnvelopeDelivery> {
    const { ackTimeoutMs = 3000, maxRetries = 3 } = options;
    const envelopes: Record<string, any>[] = [];
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const sent = attempt === 0 ? envelope : { ...envelope, envelope_id: randomUUID(), retry_attempt: attempt, retry_reason: 'timeout' };
      envelopes.push(sent);
      this.sendFrame(sent);
      const ack = await this.waitForFrame((frame) => frame.envelope_id === sent.envelope_id, ackTimeoutMs).catch(() => undefined);
      if (ack) return { envelopes, ack };
    }
    return { envelopes, ack: undefined };
  }

  /** Resolves with the first frame from the app matching `predicate` (already received or future). */
  waitForFrame(predicate: (frame: any) => boolean, timeoutMs = 5000): Promise<any> {
    return this.waitFor('frame', () => this.frames.find(predicate), timeoutMs);
  }

  /** Resolves once a Socket Mode client is connected and has been sent `hello`. */
  waitForSocket(timeoutMs = 5000): Promise<void> {
    return this.waitFor('socket', () => (this.sockets.size > 0 ? true : undefined), timeoutMs).then(() => undefined);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitFor<T>(eventName: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const onEvent = () => {
        const found = check();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake slack: no ${eventName} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off(eventName, onEvent);
      };
      this.on(eventName, onEvent);
      onEvent();
    });
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)));
      this.emit('frame');
    });
    ws.on('close', () => this.sockets.delete(ws));
    // https://docs.slack.dev/apis/events-api/using-socket-mode#connect
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-fake-1', build_number: 118, approximate_connection_time: 18060 },
        connection_info: { app_id: this.options.appId },
      }),
    );
    this.emit('socket');
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // The signed upload URL of files.getUploadURLExternal: raw bytes (or multipart), no token, HTTP 200.
    const upload = /^\/upload\/v1\/(F\w+)$/.exec(req.url ?? '');
    if (upload && req.method === 'POST') {
      const pending = this.pendingUploads.get(upload[1]!);
      const failure = this.failures.get('upload')?.shift();
      if (!pending || failure) {
        res.writeHead(pending ? 500 : 404).end();
        return;
      }
      this.fileSteps.push('upload');
      this.uploads.set(upload[1]!, { ...pending, bytes: Buffer.concat(chunks), contentType: String(req.headers['content-type'] ?? '') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${Buffer.concat(chunks).length}`);
      return;
    }
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseArgs(req.headers['content-type'] ?? '', Buffer.concat(chunks).toString('utf8'));
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || (args.token as string | undefined);
    this.calls.push({ method, token, args });
    this.emit('call', method);
    await this.holds.get(method)?.released;

    const failure = this.failures.get(method)?.shift();
    if (failure && 'status' in failure) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(failure.retryAfter) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const body = failure ? { ok: false, error: failure.error } : this.answer(method, token, args);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  private answer(method: string, token: string | undefined, args: Record<string, any>): Record<string, unknown> {
    const o = this.options;
    if (method === 'apps.connections.open') {
      // https://docs.slack.dev/reference/methods/apps.connections.open — app-level token only.
      if (token !== o.appToken) return { ok: false, error: token?.startsWith('xoxb-') ? 'not_allowed_token_type' : 'invalid_auth' };
      return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=${randomUUID()}&app_id=${o.appId}` };
    }
    if (!token) return { ok: false, error: 'not_authed' };
    if (token !== o.botToken) return { ok: false, error: 'invalid_auth' };
    const ts = () => `${1_764_208_800 + ++this.counter}.${String(this.counter).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://legwork-test.slack.com/', team: 'Legwork Test', user: 'legwork', team_id: o.teamId, user_id: o.botUserId, bot_id: o.botId, is_enterprise_install: false };
      case 'users.info': {
        const user = this.users.get(args.user);
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: userObject(user, o.teamId, args.include_locale === 'true' || args.include_locale === true) };
      }
      case 'chat.postMessage': {
        if (!args.channel) return { ok: false, error: 'channel_not_found' };
        if (!args.text && !args.blocks) return { ok: false, error: 'no_text' };
        if (this.foreignChannels.has(args.channel)) return { ok: false, error: 'not_in_channel' };
        const stamp = ts();
        return { ok: true, channel: args.channel, ts: stamp, message: { type: 'message', text: args.text, user: o.botUserId, bot_id: o.botId, ts: stamp, blocks: args.blocks } };
      }
      case 'chat.update':
        // https://docs.slack.dev/reference/methods/chat.update — channel and ts of a message the app posted.
        if (!args.channel || !args.ts) return { ok: false, error: 'invalid_arguments' };
        if (!args.text && !args.blocks) return { ok: false, error: 'no_text' };
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        if (!args.channel || !args.user) return { ok: false, error: 'invalid_arguments' };
        if (this.foreignChannels.has(args.channel)) return { ok: false, error: 'channel_not_found' };
        return { ok: true, message_ts: ts() };
      case 'conversations.open':
        if (!this.users.has(args.users)) return { ok: false, error: 'user_not_found' };
        return { ok: true, channel: { id: dmChannelOf(args.users) } };
      case 'views.open':
        if (!args.trigger_id) return { ok: false, error: 'invalid_arguments' };
        if (String(args.trigger_id).startsWith('expired')) return { ok: false, error: 'expired_trigger_id' };
        return { ok: true, view: { id: `V${++this.counter}`, team_id: o.teamId, ...args.view } };
      case 'files.getUploadURLExternal': {
        // https://docs.slack.dev/reference/methods/files.getUploadURLExternal — filename and length required.
        if (!args.filename || !args.length) return { ok: false, error: 'invalid_arguments' };
        const fileId = `F${String(++this.counter).padStart(9, '0')}`;
        this.pendingUploads.set(fileId, { filename: String(args.filename), length: Number(args.length), alt: args.alt_txt });
        this.fileSteps.push('getUploadURLExternal');
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/v1/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        // https://docs.slack.dev/reference/methods/files.completeUploadExternal — every file must have been uploaded.
        const files = Array.isArray(args.files) ? (args.files as { id: string; title?: string }[]) : [];
        if (files.length === 0) return { ok: false, error: 'invalid_arguments' };
        for (const f of files) {
          const uploaded = this.uploads.get(f.id);
          if (!uploaded) return { ok: false, error: 'file_not_found' };
          if (uploaded.bytes.length !== uploaded.length) return { ok: false, error: 'file_upload_size_mismatch' };
        }
        if (args.channel_id && this.foreignChannels.has(args.channel_id)) return { ok: false, error: 'not_in_channel' };
        this.fileSteps.push('completeUploadExternal');
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      case 'views.publish':
        return { ok: true, view: { id: `V${++this.counter}`, team_id: o.teamId, ...args.view } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** The fake's DM channel with a user: U0ZHANG01 → D0ZHANG01. */
export const dmChannelOf = (user: string) => `D${user.slice(1)}`;

function userObject(u: FakeUser, teamId: string, withLocale: boolean): Record<string, unknown> {
  // https://docs.slack.dev/reference/objects/user-object
  return {
    id: u.id,
    team_id: teamId,
    name: u.name,
    deleted: false,
    real_name: u.realName,
    tz: u.tz,
    tz_label: u.tz,
    tz_offset: u.tzOffset,
    profile: { real_name: u.realName, display_name: u.displayName, real_name_normalized: u.realName, display_name_normalized: u.displayName, team: teamId },
    is_admin: false,
    is_owner: false,
    is_bot: false,
    is_app_user: false,
    updated: 1_764_000_000,
    ...(withLocale ? { locale: u.locale } : {}),
  };
}

/** WebClient sends form fields, JSON-encoding objects and arrays (blocks, view); JSON bodies work too. */
function parseArgs(contentType: string, text: string): Record<string, any> {
  if (contentType.includes('application/json')) return text ? JSON.parse(text) : {};
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
