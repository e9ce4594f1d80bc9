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
export function createSlackEdgeAdapter(config: SlackConfig, deps: SlackAdapterDeps & { defer(work: Promise<unknown>): void }): ChatAdapter {
  if (config.socketMode) throw new Error('SLACK_SOCKET_MODE=true needs the Node service: on Workers, Slack runs in HTTP mode (POST /slack/events)');
  const logger = deps.logger.child({ platform: 'slack' });
  const api = new SlackApi(createFetchSlackClient({ token: config.botToken, apiUrl: config.apiUrl }));
  const handlers = createSlackHandlers({ engine: deps.engine, clock: deps.clock, logger, api, people: deps.people });
  let botUserId: Promise<string | undefined> | undefined = config.botUserId ? Promise.resolve(config.botUserId) : undefined;
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
        botUserId: () =>
          (botUserId ??= api.authTest().then(
            (identity) => identity.botUserId,
            (error: unknown) => {
              botUserId = undefined;
              logger.warn({ err: error }, 'slack auth.test failed; the mention is read without stripping the bot name');
              return undefined;
            },
          )),
      }),
    send: (targetRef, message) => sendSlackMessage(api, logger, targetRef, message),
  };
}
