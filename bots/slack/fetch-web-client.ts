import type { webApi } from '@slack/bolt';

/**
 * The few Slack Web API methods Legwork calls, over `fetch`, for the Cloudflare Worker: @slack/web-api
 * (axios, node:http agents) and Bolt do not belong in the Worker bundle. Errors have the shapes
 * `@slack/web-api` gives them (`slack_webapi_platform_error` with `data.error`,
 * `slack_webapi_rate_limited_error` with `retryAfter` in seconds), so `SlackApi` and
 * `toDeliveryError` work unchanged on either client. Nothing is retried here: the outbox retries.
 * Wire format (https://docs.slack.dev/apis/web-api/): POST `<apiUrl><method>`, form-encoded, nested
 * values as JSON, bearer token, `{ ok: true, … }` or `{ ok: false, error }`; 429 with Retry-After.
 */
export function createFetchSlackClient(options: { token: string; apiUrl?: string; timeoutMs?: number; fetch?: typeof fetch }): webApi.WebClient {
  const base = (options.apiUrl ?? 'https://slack.com/api/').replace(/\/?$/, '/');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call(method: string, args: Record<string, unknown>): Promise<Record<string, any>> {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(args)) {
      if (value === undefined) continue;
      form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const response = await doFetch(`${base}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (response.status === 429) {
      const retryAfter = Number(response.headers.get('retry-after') ?? '1');
      throw Object.assign(new Error(`slack ${method}: rate limited`), {
        code: 'slack_webapi_rate_limited_error',
        retryAfter: Number.isFinite(retryAfter) ? retryAfter : 1,
      });
    }
    if (!response.ok) {
      throw Object.assign(new Error(`slack ${method}: HTTP ${response.status}`), { code: 'slack_webapi_http_error', statusCode: response.status });
    }
    const data = (await response.json()) as Record<string, any>;
    if (data.ok !== true) {
      throw Object.assign(new Error(`An API error occurred: ${String(data.error)}`), { code: 'slack_webapi_platform_error', data });
    }
    return data;
  }

  const client = {
    auth: { test: () => call('auth.test', {}) },
    users: { info: (args: Record<string, unknown>) => call('users.info', args) },
    chat: {
      postMessage: (args: Record<string, unknown>) => call('chat.postMessage', args),
      postEphemeral: (args: Record<string, unknown>) => call('chat.postEphemeral', args),
      update: (args: Record<string, unknown>) => call('chat.update', args),
    },
    conversations: { open: (args: Record<string, unknown>) => call('conversations.open', args) },
    views: {
      open: (args: Record<string, unknown>) => call('views.open', args),
      publish: (args: Record<string, unknown>) => call('views.publish', args),
    },
  };
  // Only the methods SlackApi uses exist; the cast states that SlackApi needs no more of WebClient.
  return client as unknown as webApi.WebClient;
}
