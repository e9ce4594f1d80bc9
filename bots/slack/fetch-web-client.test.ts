import { describe, expect, it } from 'vitest';
import { RateLimitedError, UnrecoverableError } from '../errors.ts';
import { SlackApi, toDeliveryError } from './api.ts';
import { createFetchSlackClient } from './fetch-web-client.ts';

/** A fetch that records each call and answers with the next scripted response. */
function scripted(...answers: Response[]) {
  const calls: { url: string; headers: Headers; body: URLSearchParams }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: new Headers(init.headers), body: new URLSearchParams(String(init.body)) });
    return answers.shift()!;
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('the Worker’s Slack Web API client', () => {
  it('posts form-encoded with the bearer token, nested values as JSON', async () => {
    const { calls, fetch } = scripted(Response.json({ ok: true, ts: '1.2' }));
    const api = new SlackApi(createFetchSlackClient({ token: 'xoxb-1', apiUrl: 'http://fake/api', fetch }));
    await api.postMessage('C1', { text: 'hi', blocks: [{ type: 'section' }] });
    expect(calls[0]!.url).toBe('http://fake/api/chat.postMessage');
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer xoxb-1');
    expect(Object.fromEntries(calls[0]!.body)).toEqual({ channel: 'C1', text: 'hi', blocks: '[{"type":"section"}]', unfurl_links: 'false' });
  });

  it('gives errors the shapes the delivery loop understands: 429 waits, an undeliverable message fails', async () => {
    const { fetch } = scripted(
      new Response('{"ok":false,"error":"ratelimited"}', { status: 429, headers: { 'retry-after': '7' } }),
      Response.json({ ok: false, error: 'channel_not_found' }),
    );
    const api = new SlackApi(createFetchSlackClient({ token: 'xoxb-1', fetch }));
    const limited = toDeliveryError(await api.postMessage('C1', { text: 'a', blocks: [] }).catch((e: unknown) => e));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(7000);
    const missing = toDeliveryError(await api.postMessage('C1', { text: 'a', blocks: [] }).catch((e: unknown) => e));
    expect(missing).toBeInstanceOf(UnrecoverableError);
  });
});
