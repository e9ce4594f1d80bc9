import type { ReceiverEvent } from '@slack/bolt';
import type { ChatAdapter } from '../types.ts';
import type { SlackConfig } from '../../src/config.ts';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import type { PersonQueries } from '../../src/conversation/ports/person-queries.ts';
import { SlackApi } from './api.ts';
import { boltLogger } from './bolt-logger.ts';
import { InFlight } from './in-flight.ts';
import { registerListeners } from './listeners.ts';
import { sendSlackMessage } from './send.ts';
import type { ChartImages } from '../../src/charts/chart-store.ts';
import { HonoSlackReceiver } from './transport.ts';

export interface SlackAdapterDeps {
  engine: ConversationEngine;
  clock: Clock;
  logger: Logger;
  /** Read-only queries for the report form and App Home. */
  people: PersonQueries;
  /** Stored charts (issue 18), uploaded with files.getUploadURLExternal / completeUploadExternal. */
  charts?: ChartImages;
}

/** The Slack adapter, plus a way to wait for work that continues after Slack got its ack. */
export interface SlackAdapter extends ChatAdapter {
  /** Resolves when no request or Socket Mode envelope is being processed any more. */
  idle(): Promise<void>;
}

/**
 * Slack through Bolt: HTTP mode on our own Hono app (`POST /slack/events`), or Socket Mode when
 * `SLACK_SOCKET_MODE=true`. Either receiver acks only once the turn is committed (or at a deadline
 * below Slack's 3 s), so a failed event is redelivered by Slack instead of lost. Bolt and the Socket
 * Mode client are imported here, lazily, so deployments without Slack never load them.
 * Every Web API call goes to `config.apiUrl` when set (how the tests run against a local fake).
 */
export async function createSlackAdapter(config: SlackConfig, deps: SlackAdapterDeps): Promise<SlackAdapter> {
  const bolt = await import('@slack/bolt');
  // Bolt is CommonJS. Node's ESM interop does not detect its `webApi` re-export as a named export (it
  // is only on `default`, the CommonJS exports object); other loaders (vitest) expose it by name.
  const webApi = bolt.webApi ?? (bolt.default as unknown as typeof bolt).webApi;
  const logger = deps.logger.child({ platform: 'slack' });
  const sdkLogger = boltLogger(logger);
  const inFlight = new InFlight();
  const slackApiUrl = config.apiUrl;

  // Outbound: 429s are rejected at once (not waited out in the client's queue, which would stall
  // every other conversation) and never retried here: the outbox retries, per conversation.
  const api = new SlackApi(
    new webApi.WebClient(config.botToken, {
      ...(slackApiUrl ? { slackApiUrl } : {}),
      logger: sdkLogger,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 10_000,
    }),
  );

  // Bot ids let Bolt ignore the bot's own messages. Given in config, start-up makes no network call;
  // otherwise auth.test runs once, on the first request that needs it (and again if it failed).
  let botIdentity: Promise<{ botId: string; botUserId: string }> | undefined =
    config.botId && config.botUserId ? Promise.resolve({ botId: config.botId, botUserId: config.botUserId }) : undefined;
  const identify = () => {
    botIdentity ??= api.authTest().catch((error: unknown) => {
      botIdentity = undefined;
      throw error;
    });
    return botIdentity;
  };

  let connected = !config.socketMode;
  // Both receivers ack once Bolt has processed a delivery (or at their deadline); the Socket Mode
  // client and its WebSocket stack load only when Socket Mode is on.
  const receiver = config.socketMode
    ? new (await import('./socket-mode-receiver.ts')).AckAfterProcessingSocketModeReceiver({
        appToken: config.appToken ?? '',
        logger,
        sdkLogger,
        slackApiUrl,
      })
    : new HonoSlackReceiver({ signingSecret: config.signingSecret ?? '', clock: deps.clock, logger });
  if (!(receiver instanceof HonoSlackReceiver)) {
    receiver.client.on('connected', () => (connected = true));
    receiver.client.on('reconnecting', () => (connected = false));
    receiver.client.on('disconnected', () => (connected = false));
  }

  /** Every delivery Bolt processes is tracked, whichever receiver it came from. */
  class TrackedApp extends bolt.App {
    override processEvent(event: ReceiverEvent): Promise<void> {
      return inFlight.track(super.processEvent(event));
    }
  }
  const app = new TrackedApp({
    // Socket Mode runs on our own receiver, which Bolt accepts only without its `socketMode` flag.
    receiver,
    authorize: async () => ({ botToken: config.botToken, ...(await identify()) }),
    logger: sdkLogger,
    clientOptions: { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: { retries: 0 }, timeout: 10_000 },
    // Conversation state lives in the database (the core's pending questions), not in Bolt's memory.
    convoStore: false,
  });
  // Bolt's default handler logs and rethrows; the receivers log with context, so only rethrow (a
  // failed Events API delivery must reach the receiver: answered with a 500 over HTTP, left
  // unacknowledged in Socket Mode, so Slack redelivers it either way).
  app.error(async (error) => {
    throw error;
  });
  registerListeners(app, { engine: deps.engine, clock: deps.clock, logger, api, people: deps.people });

  return {
    platform: 'slack',
    capabilities: { receivesLocation: false, richMessages: true, groups: true },
    routes: receiver instanceof HonoSlackReceiver ? (http) => receiver.routes(http) : undefined,

    send: (targetRef, message) => sendSlackMessage(api, logger, targetRef, message, deps.charts),

    /**
     * Socket Mode: waits for the first connection, so a rejected app token stops start-up with a
     * clear error. If Slack is merely slow or unreachable, start-up goes on after 30 s while the
     * client keeps trying; `/readyz` shows the connection as down meanwhile.
     */
    async start() {
      if (!config.socketMode) return;
      const connecting = app.start().then(() => 'connected' as const);
      connecting.catch((error: unknown) => logger.error({ err: error }, 'slack socket mode could not connect'));
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<'slow'>((resolve) => {
        timer = setTimeout(() => resolve('slow'), 30_000);
        timer.unref();
      });
      try {
        if ((await Promise.race([connecting, slow])) === 'slow') logger.warn('slack socket mode still connecting; start-up continues');
      } finally {
        clearTimeout(timer);
      }
    },

    async stop() {
      if (config.socketMode) await app.stop();
      await inFlight.idle();
    },

    async health() {
      return connected ? { ok: true } : { ok: false, detail: 'socket mode not connected' };
    },

    idle: () => inFlight.idle(),
  };
}
