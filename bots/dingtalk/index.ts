import type { DingTalkConfig } from '../../src/config.ts';
import { buildDingTalkAdapter, type DingTalkAdapter, type DingTalkAdapterDeps, type DingTalkAdapterOptions } from './adapter.ts';

export type { BatchSendResult } from './sender.ts';
export type { DingTalkAdapter, DingTalkAdapterDeps, DingTalkAdapterOptions } from './adapter.ts';
export { dingtalkGroupRef, dingtalkUserRef, parseDingTalkRef } from './refs.ts';

/**
 * DingTalk app robot ("企业内部应用机器人"), in Stream mode (default: an outbound WebSocket, no public
 * URL needed) or HTTP callback mode (`POST /dingtalk/callback`). Replies go through the message's
 * session webhook while it is valid, otherwise through the OpenAPI with the app's access token.
 * dingtalk-stream (and its axios and ws) is imported only in Stream mode.
 */
export async function createDingTalkAdapter(
  config: Readonly<DingTalkConfig>,
  deps: DingTalkAdapterDeps,
  options: DingTalkAdapterOptions = {},
): Promise<DingTalkAdapter> {
  if (config.mode !== 'stream') return buildDingTalkAdapter(config, deps, options);
  const { createStreamTransport } = await import('./stream-transport.ts');
  return buildDingTalkAdapter(config, deps, options, (inbound) =>
    createStreamTransport({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      gatewayUrl: gatewayEndpoint(config),
      logger: deps.logger,
      inbound,
      ...(options.reconnect ? { reconnect: options.reconnect } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    }),
  );
}

/**
 * `DINGTALK_GATEWAY_URL` is the full URL of `connections/open`; an origin alone gets the standard path.
 * Unset, the gateway lives on the OpenAPI host (api.dingtalk.com, or DINGTALK_API_URL).
 */
function gatewayEndpoint(config: Readonly<DingTalkConfig>): string {
  const path = '/v1.0/gateway/connections/open';
  if (!config.gatewayUrl) return `${config.apiUrl}${path}`;
  const url = new URL(config.gatewayUrl);
  return url.pathname === '/' ? `${url.origin}${path}` : config.gatewayUrl;
}
