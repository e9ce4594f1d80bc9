import type { ChatAdapter } from '../types.ts';
import type { SlackConfig } from '../../src/config.ts';
import type { SlackAdapterDeps } from './index.ts';
import { SlackApi } from './api.ts';
import { createFetchSlackClient } from './fetch-web-client.ts';
import { createSlackHandlers } from './handlers.ts';
import { mountEdgeSlackRoutes } from './edge-transport.ts';
import { sendSlackMessage } from './send.ts';

/**
 * Slack on Cloudflare Workers: HTTP mode only (Socket Mode keeps a WebSocket open: Node), no Bolt,
 * the Web API over `fetch`. Same handlers, decoders, signature check and sender as `index.ts`.
 */
export function createSlackEdgeAdapter(
  config: SlackConfig,
  deps: SlackAdapterDeps & {
    defer(work: Promise<unknown>): void;
    /** The bot's user id once auth.test told it, kept between adapters (the Worker's per-isolate memory). */
    botIdentity?: { botUserId?: string };
  },
): ChatAdapter {
  if (config.socketMode) throw new Error('SLACK_SOCKET_MODE=true needs the Node service: on Workers, Slack runs in HTTP mode (POST /slack/events)');
  const logger = deps.logger.child({ platform: 'slack' });
  const api = new SlackApi(createFetchSlackClient({ token: config.botToken, apiUrl: config.apiUrl }));
  const handlers = createSlackHandlers({ engine: deps.engine, clock: deps.clock, logger, api, people: deps.people });
  const known = deps.botIdentity ?? {};
  // Asked once per request at most while unknown; the answer is kept in `known` (not the promise:
  // workerd does not let one request wait on another's I/O).
  let asking: Promise<string | undefined> | undefined;
  const botUserId = (): Promise<string | undefined> => {
    const id = config.botUserId ?? known.botUserId;
    if (id) return Promise.resolve(id);
    return (asking ??= api.authTest().then(
      (identity) => (known.botUserId = identity.botUserId),
      (error: unknown) => {
        asking = undefined;
        logger.warn({ err: error }, 'slack auth.test failed; the mention is read without stripping the bot name');
        return undefined;
      },
    ));
  };
  return {
    platform: 'slack',
    capabilities: { receivesLocation: false, richMessages: true, groups: true },
    routes: (http) =>
      mountEdgeSlackRoutes(http, {
        signingSecret: config.signingSecret ?? '',
        clock: deps.clock,
        logger,
        handlers,
        defer: deps.defer,
        botUserId,
      }),
    send: (targetRef, message) => sendSlackMessage(api, logger, targetRef, message),
  };
}
