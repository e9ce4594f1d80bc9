import type { Message as MessageInterface, Wechaty as WechatyInterface } from 'wechaty';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { decodeWechatyMessage, type WechatyMessageTypes } from './decode.ts';
import { wechatyTenantId } from './refs.ts';

export interface WechatyTransportDeps {
  engine: Pick<ConversationEngine, 'handle' | 'knowsIdentity'>;
  clock: Clock;
  logger: Logger;
  messageTypes: WechatyMessageTypes;
  /** Registers the handling of one message so tests and shutdown can await it. */
  track(work: Promise<unknown>): void;
}

/**
 * Wires a Wechaty bot to the engine. Wechaty's listeners are plain EventEmitter callbacks: a
 * rejected promise there would be unhandled, so each message's handling is caught and logged here.
 * Delivery from a puppet is at most once as far as we can tell, and the engine dedupes by message id
 * should a puppet replay messages after a reconnect.
 */
export function attachWechatyListeners(bot: WechatyInterface, deps: WechatyTransportDeps): void {
  const { logger } = deps;

  bot.on('message', (msg: MessageInterface) => {
    deps.track(handle(msg));
  });
  // Without an 'error' listener an EventEmitter throws; Wechaty emits lookups that failed here too.
  bot.on('error', (error) => logger.warn({ err: error }, 'Wechaty error'));
  bot.on('login', (user) => logger.info({ user: user.id }, 'Wechaty logged in'));
  bot.on('logout', (user) => logger.warn({ user: user.id }, 'Wechaty logged out: messages wait in the outbox until it logs in again'));
  bot.on('scan', (qrcode, status) => {
    // Web and pad puppets log in by QR code; the admin scans it from the log once.
    logger.info({ status, url: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}` }, 'Wechaty: scan the QR code to log in');
  });

  async function handle(msg: MessageInterface): Promise<void> {
    try {
      const decoded = await decodeWechatyMessage(msg, {
        bot,
        messageTypes: deps.messageTypes,
        receivedAt: deps.clock.now(),
        knowsTalker: (externalId) => deps.engine.knowsIdentity({ platform: 'wechaty', tenantId: wechatyTenantId, externalId }),
      });
      if (decoded.kind === 'ignored') {
        logger.debug({ reason: decoded.reason }, 'Wechaty message ignored');
        return;
      }
      await deps.engine.handle(decoded.event);
    } catch (error) {
      // Nothing was recorded (the engine's transaction rolled back): the message is lost unless the
      // puppet delivers it again, so say so clearly.
      logger.error({ err: error, messageId: msg.id }, 'Wechaty message could not be handled');
    }
  }
}
