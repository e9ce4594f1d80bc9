import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received (the access token is kept so tests can check which was used). */
export interface QyapiCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  /** A multipart upload (media/upload): the file part's headers and bytes as received. */
  upload?: { contentType: string; disposition: string; name: string; filename: string; filelength: number; partType: string; bytes: Buffer };
}

type Answer = Record<string, unknown>;

/**
 * A local stand-in for qyapi.weixin.qq.com speaking its wire format: `GET /cgi-bin/gettoken`,
 * `POST /cgi-bin/message/send`, `/cgi-bin/appchat/send`, `/cgi-bin/message/update_template_card`
 * (access_token in the query) and `/cgi-bin/webhook/send?key=` (JSON bodies, `{ errcode, errmsg, … }`
 * answers, HTTP 200 even for errors, as WeCom does). Tokens are checked like WeCom checks them:
 * unknown → 40014, expired → 42001. A card's response code is good for one update (then 42022).
 */
export class FakeQyapi {
  readonly calls: QyapiCall[] = [];
  readonly corpId: string;
  readonly secret: string;
  private server?: Server;
  private tokenCounter = 0;
  private validTokens = new Set<string>();
  private expiredTokens = new Set<string>();
  /** Scripted answers, consumed in order, per path. */
  private scripted = new Map<string, Answer[]>();
  /** Response codes an update_template_card call has consumed. */
  private usedResponseCodes = new Set<string>();
  /** The app's AgentId, when given: update_template_card then checks it like WeCom (40056). */
  readonly agentId?: string;
  /**
   * Runs before each call is answered, after it is recorded: lets a test see what was true (in the
   * database, say) at the moment the adapter called WeCom.
   */
  beforeAnswer?: (call: QyapiCall) => void | Promise<void>;

  constructor(options: { corpId: string; secret: string; agentId?: string }) {
    this.corpId = options.corpId;
    this.secret = options.secret;
    if (options.agentId !== undefined) this.agentId = options.agentId;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('fake qyapi not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then((answer) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Answers the next call to `path` with `answer` instead of the normal behaviour. */
  script(path: string, ...answers: Answer[]): void {
    this.scripted.set(path, [...(this.scripted.get(path) ?? []), ...answers]);
  }

  /** WeCom expired every token handed out so far (the next use answers 42001). */
  expireTokens(): void {
    for (const token of this.validTokens) this.expiredTokens.add(token);
    this.validTokens.clear();
  }

  reset(): void {
    this.calls.length = 0;
    this.scripted.clear();
    this.usedResponseCodes.clear();
    this.beforeAnswer = undefined;
  }

  callsTo(path: string): QyapiCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  private async handle(req: IncomingMessage): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const bytes = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const contentType = String(req.headers['content-type'] ?? '');
    const upload = contentType.startsWith('multipart/form-data') ? parseMultipart(contentType, bytes) : undefined;
    const body = !upload && bytes.length ? (JSON.parse(bytes.toString('utf8')) as Record<string, unknown>) : undefined;
    const call: QyapiCall = { method: req.method ?? 'GET', path: url.pathname, query, body, ...(upload ? { upload } : {}) };
    this.calls.push(call);
    await this.beforeAnswer?.(call);

    const scripted = this.scripted.get(url.pathname)?.shift();
    if (scripted) return scripted;

    if (url.pathname === '/cgi-bin/gettoken') {
      if (query.corpid !== this.corpId) return { errcode: 40013, errmsg: 'invalid corpid' };
      if (query.corpsecret !== this.secret) return { errcode: 40001, errmsg: 'invalid secret' };
      const token = `fake-token-${++this.tokenCounter}`;
      this.validTokens.add(token);
      return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
    }
    if (url.pathname === '/cgi-bin/media/upload') {
      // 上传临时素材 (https://developer.work.weixin.qq.com/document/path/90253): multipart, field "media".
      const token = query.access_token ?? '';
      if (!this.validTokens.has(token)) return { errcode: 40014, errmsg: 'invalid access_token' };
      if (!['image', 'voice', 'video', 'file'].includes(query.type ?? '')) return { errcode: 40004, errmsg: 'invalid media type' };
      if (!upload || upload.name !== 'media') return { errcode: 41001, errmsg: 'media data missing' };
      if (upload.bytes.length <= 5) return { errcode: 40005, errmsg: 'invalid file size' };
      return { errcode: 0, errmsg: '', type: query.type, media_id: `media-${this.calls.length}`, created_at: '1764208800' };
    }
    if (url.pathname === '/cgi-bin/webhook/send') {
      return query.key ? { errcode: 0, errmsg: 'ok' } : { errcode: 93000, errmsg: 'invalid webhook url' };
    }
    if (['/cgi-bin/message/send', '/cgi-bin/appchat/send', '/cgi-bin/message/update_template_card'].includes(url.pathname)) {
      const token = query.access_token ?? '';
      if (this.expiredTokens.has(token)) return { errcode: 42001, errmsg: 'access_token expired' };
      if (!this.validTokens.has(token)) return { errcode: 40014, errmsg: 'invalid access_token' };
      if (url.pathname === '/cgi-bin/appchat/send') return { errcode: 0, errmsg: 'ok' };
      if (url.pathname === '/cgi-bin/message/update_template_card') return this.updateTemplateCard(body);
      // Interactive template cards come back with a response code as well (usable once, like the callback's).
      const card = body?.template_card as { card_type?: string } | undefined;
      const interactive = body?.msgtype === 'template_card' && card?.card_type !== 'text_notice' && card?.card_type !== 'news_notice';
      return { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${this.calls.length}`, ...(interactive ? { response_code: `send-code-${this.calls.length}` } : {}) };
    }
    return { errcode: 404, errmsg: 'unknown path in fake' };
  }

  /** 更新模版卡片消息 (https://developer.work.weixin.qq.com/document/path/94888): the button form or a whole card. */
  private updateTemplateCard(body: Record<string, unknown> | undefined): Answer {
    const code = body?.response_code;
    if (this.agentId !== undefined && body?.agentid !== Number(this.agentId)) return { errcode: 40056, errmsg: 'invalid agentid' };
    if (typeof code !== 'string' || !code) return { errcode: 40063, errmsg: 'empty parameter: response_code' };
    const button = body?.button as { replace_name?: unknown } | undefined;
    const name = button?.replace_name;
    if ((typeof name !== 'string' || !name) && typeof body?.template_card !== 'object') return { errcode: 40058, errmsg: 'invalid parameter: button.replace_name' };
    if (this.usedResponseCodes.has(code)) return { errcode: 42022, errmsg: 'code has been used' };
    this.usedResponseCodes.add(code);
    return { errcode: 0, errmsg: 'ok' };
  }
}

/** The first part of a multipart/form-data body: its Content-Disposition fields, type and bytes. */
function parseMultipart(contentType: string, body: Buffer): QyapiCall['upload'] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const start = body.indexOf(`--${boundary}\r\n`);
  const headerEnd = body.indexOf('\r\n\r\n', start);
  const end = body.indexOf(`\r\n--${boundary}--`, headerEnd);
  if (start < 0 || headerEnd < 0 || end < 0) return undefined;
  const headers = body.subarray(start, headerEnd).toString('utf8');
  const disposition = /Content-Disposition:([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? '';
  const field = (key: string) => new RegExp(`${key}="?([^";]*)"?`).exec(disposition)?.[1] ?? '';
  return {
    contentType,
    disposition,
    name: field('name'),
    filename: field('filename'),
    filelength: Number(field('filelength')),
    partType: /Content-Type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? '',
    bytes: Buffer.from(body.subarray(headerEnd + 4, end)),
  };
}
