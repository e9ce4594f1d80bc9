import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy in front of the fake Slack Web API that answers `chat.postMessage` to one channel with
 * HTTP 429 and `Retry-After` while a storm is on (https://docs.slack.dev/apis/web-api/rate-limits),
 * and records every successful post per channel, with its time.
 */
export class StormProxy {
  readonly posted = new Map<string, number[]>();
  /** The text of each recorded post, in the same order as `posted` (to name what came twice). */
  readonly texts = new Map<string, string[]>();
  rateLimited = 0;
  private stormChannel: string | undefined;
  private stormUntil = 0;
  private server!: Server;

  private constructor(private readonly upstream: string) {}

  static async start(upstream: string): Promise<StormProxy> {
    const proxy = new StormProxy(upstream.replace(/\/+$/, ''));
    proxy.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void proxy.forward(req.url ?? '/', req.headers, Buffer.concat(chunks), res));
    });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  storm(channel: string, forMs: number): void {
    this.stormChannel = channel;
    this.stormUntil = Date.now() + forMs;
  }

  postsTo(channel: string): number[] {
    return this.posted.get(channel) ?? [];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async forward(url: string, headers: Record<string, unknown>, body: Buffer, res: import('node:http').ServerResponse): Promise<void> {
    const method = url.replace(/^\/api\//, '').split('?')[0];
    const channel = method === 'chat.postMessage' ? channelOf(String(headers['content-type'] ?? ''), body.toString('utf8')) : undefined;
    if (channel && channel === this.stormChannel && Date.now() < this.stormUntil) {
      this.rateLimited++;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const upstream = await fetch(`${this.upstream}${url.replace(/^\/api/, '')}`, {
      method: 'POST',
      headers: { 'content-type': String(headers['content-type'] ?? ''), authorization: String(headers.authorization ?? '') },
      body: body.toString('utf8'),
    });
    const text = await upstream.text();
    if (channel && upstream.ok && JSON.parse(text).ok) {
      this.posted.set(channel, [...this.postsTo(channel), performance.now()]);
      this.texts.set(channel, [...(this.texts.get(channel) ?? []), textOf(String(headers['content-type'] ?? ''), body.toString('utf8'))]);
    }
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(text);
  }
}

function textOf(contentType: string, body: string): string {
  const text = contentType.includes('application/json') ? JSON.parse(body).text : new URLSearchParams(body).get('text');
  return String(text ?? '').slice(0, 80);
}

function channelOf(contentType: string, body: string): string | undefined {
  if (contentType.includes('application/json')) return JSON.parse(body).channel;
  return new URLSearchParams(body).get('channel') ?? undefined;
}
