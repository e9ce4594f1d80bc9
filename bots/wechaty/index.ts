import type { Wechaty as WechatyInterface, WechatyOptions } from 'wechaty';
import type { WechatyConfig } from '../../src/config.ts';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import type { ChatAdapter } from '../types.ts';
import { sayImageTo, sayTo } from './api.ts';
import { sendWithPicture } from '../picture.ts';
import type { ChartImages } from '../../src/charts/chart-store.ts';
import { encodeWechatyText } from './encode.ts';
import { attachWechatyListeners } from './transport.ts';

/** A puppet instance (rather than a puppet package name). */
export type WechatyPuppet = Exclude<WechatyOptions['puppet'], string | undefined>;

export interface WechatyAdapterDeps {
  engine: Pick<ConversationEngine, 'handle' | 'knowsIdentity'>;
  clock: Clock;
  logger: Logger;
  /** Stored charts (issue 18), sent as FileBox images. */
  charts?: ChartImages;
}

export interface WechatyAdapter extends ChatAdapter {
  readonly bot: WechatyInterface;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every message received so far has been handled. */
  settled(): Promise<void>;
}

/**
 * A second transport for WeChat / WeCom groups the official API cannot reach, through any Wechaty
 * puppet (`WECHATY_PUPPET`, e.g. `wechaty-puppet-service` with `WECHATY_PUPPET_SERVICE_TOKEN`).
 * wechaty (~140 MB of dependencies) is imported here, only when this adapter is enabled.
 * `options.puppet` hands in a puppet instance instead of a name (tests use wechaty-puppet-mock).
 */
export async function createWechatyAdapter(
  config: WechatyConfig,
  deps: WechatyAdapterDeps,
  options: { puppet?: WechatyPuppet } = {},
): Promise<WechatyAdapter> {
  const { WechatyBuilder, types } = await import('wechaty');
  // No `name`: Wechaty would keep a memory-card file in the working directory.
  const bot = options.puppet
    ? WechatyBuilder.build({ puppet: options.puppet })
    : WechatyBuilder.build({
        puppet: config.puppet as never,
        ...(config.puppetToken ? { puppetOptions: { token: config.puppetToken } } : {}),
      });
  const inFlight = new Set<Promise<unknown>>();
  async function settled(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }
  attachWechatyListeners(bot, {
    ...deps,
    messageTypes: {
      Text: types.Message.Text,
      Location: types.Message.Location,
      Image: types.Message.Image,
      Attachment: types.Message.Attachment,
      Audio: types.Message.Audio,
      Video: types.Message.Video,
      Url: types.Message.Url,
    },
    track(work) {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
  });

  return {
    platform: 'wechaty',
    capabilities: { receivesLocation: true, richMessages: false, groups: true },
    bot,
    async send(targetRef, message) {
      // A puppet has no separate upload: the picture goes with the FileBox it is said with.
      await sendWithPicture({
        message,
        charts: deps.charts,
        sendText: (m) => sayTo(bot, targetRef, encodeWechatyText(m)),
        upload: async (image) => image.png,
        sendPicture: (png) => sayImageTo(bot, targetRef, png, 'chart.png'),
      });
    },
    async start() {
      // start() resolves once the puppet is started; logging in (QR scan / token) happens after.
      await bot.start();
    },
    async stop() {
      await settled();
      await bot.stop();
    },
    async health() {
      return bot.isLoggedIn ? { ok: true } : { ok: false, detail: 'Wechaty bot not logged in' };
    },
    settled,
  };
}
