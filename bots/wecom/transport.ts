import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { WeComConfig } from '../../src/config.ts';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { WeComCryptoError, decrypt, verifySignature } from './crypto.ts';
import { WeComXmlError, field, maxXmlBytes, parseWeComXml, type XmlNode } from './xml.ts';
import { decodeWeComMessage, type WeComCardTap } from './decode.ts';
import { failureStatus } from '../../src/http/failure-status.ts';

export interface WeComTransportDeps {
  config: Pick<WeComConfig, 'corpId' | 'token' | 'locationSystem'>;
  aesKey: Buffer;
  engine: Pick<ConversationEngine, 'handle'>;
  clock: Clock;
  logger: Logger;
  /** Registers work that continues after the response (tests await it; shutdown drains it). */
  track(work: Promise<unknown>): void;
  /** How long a callback waits for its message to be handled before answering anyway. */
  ackBudgetMs: number;
  /**
   * Called once the engine has committed a tap on one of our template cards (not for a redelivered
   * tap the engine had already handled, nor when handling failed), to update the card. Must not
   * throw: the card is cosmetic, the turn is done.
   */
  cardTapped?(tap: WeComCardTap): Promise<void>;
}

/**
 * The app's callback URL ("接收消息服务器", https://developer.work.weixin.qq.com/document/path/90930):
 * - `GET  /wecom/callback` the URL check: verify, decrypt `echostr`, answer it in plain text;
 * - `POST /wecom/callback` messages and events: verify the signature over `<Encrypt>` (constant
 *   time), decrypt, check the corp id, parse with entities off, hand the event to the engine.
 *
 * WeCom waits 5 s and then retries (3 times in all). We answer 200 with an empty body as soon as the
 * engine has committed the message, or after `ackBudgetMs` while it carries on in the background.
 * If the engine fails (nothing was recorded) we answer 500 so WeCom's retry brings the message back:
 * answering 200 before that point would lose it. Forged or malformed callbacks get 4xx and store nothing.
 * A template-card tap the engine committed is then handed to `cardTapped` (the card is updated in
 * the background, whatever the answer to WeCom was).
 */
export function mountWeComRoutes(app: Hono, deps: WeComTransportDeps): void {
  const { config, logger } = deps;

  app.get('/wecom/callback', (c) => {
    const q = rawQuery(c.req.url);
    if (!q.msg_signature || !q.timestamp || !q.nonce || !q.echostr) return c.text('missing parameters', 400);
    try {
      verifySignature({ token: config.token, timestamp: q.timestamp, nonce: q.nonce, encrypted: q.echostr, signature: q.msg_signature });
      return c.text(decrypt(q.echostr, deps.aesKey, config.corpId));
    } catch (error) {
      return rejected(c, error);
    }
  });

  app.post(
    '/wecom/callback',
    bodyLimit({ maxSize: maxXmlBytes, onError: (c) => c.text('too large', 413) }),
    async (c) => {
      const q = rawQuery(c.req.url);
      if (!q.msg_signature || !q.timestamp || !q.nonce) return c.text('missing parameters', 400);
      let message: XmlNode;
      try {
        const envelope = parseWeComXml(await c.req.text());
        const encrypted = field(envelope, 'Encrypt');
        if (!encrypted) throw new WeComXmlError('malformed');
        verifySignature({ token: config.token, timestamp: q.timestamp, nonce: q.nonce, encrypted, signature: q.msg_signature });
        message = parseWeComXml(decrypt(encrypted, deps.aesKey, config.corpId));
      } catch (error) {
        return rejected(c, error);
      }

      const decoded = decodeWeComMessage(message, { corpId: config.corpId, locationSystem: config.locationSystem, receivedAt: deps.clock.now() });
      if (decoded.kind === 'ignored') {
        logger.debug({ reason: decoded.reason }, 'WeCom callback ignored');
        return c.body(null, 200);
      }
      const work = deps.engine.handle(decoded.event);
      deps.track(work);
      const tap = decoded.cardTap;
      if (tap && deps.cardTapped) {
        const cardTapped = deps.cardTapped;
        // Only after the commit, and once: a redelivered tap is a duplicate and its code is spent.
        deps.track(work.then((result) => (result.duplicate ? undefined : cardTapped(tap)), () => undefined));
      }
      const outcome = await settleWithin(work, deps.ackBudgetMs);
      if (typeof outcome === 'object') {
        logger.error({ err: outcome.failed, eventId: decoded.event.eventId }, 'WeCom message could not be handled; WeCom will deliver it again');
        // 503 when the database is away (a restart): WeCom's retry then finds it back.
        return c.text('', failureStatus(outcome.failed));
      }
      return c.body(null, 200);
    },
  );

  function rejected(c: Context, error: unknown): Response {
    if (error instanceof WeComCryptoError) {
      logger.warn({ reason: error.reason }, 'WeCom callback rejected');
      return c.text('rejected', error.reason === 'signature' ? 401 : 400);
    }
    if (error instanceof WeComXmlError) {
      logger.warn({ reason: error.reason }, 'WeCom callback rejected: bad XML');
      return c.text('rejected', 400);
    }
    throw error;
  }
}

/** 'done', `{ failed: error }`, or 'late' when the work takes longer than `ms` (it keeps running). */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<'done' | { failed: unknown } | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => 'done' as const, (error: unknown) => ({ failed: error })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The query string decoded with decodeURIComponent only: a `+` stays a `+`. WeCom's base64 echostr
 * and signatures are not form-encoded, and Hono's `c.req.query()` would turn a raw `+` into a space.
 */
export function rawQuery(url: string): Record<string, string> {
  const start = url.indexOf('?');
  const out: Record<string, string> = {};
  if (start < 0) return out;
  for (const part of url.slice(start + 1).split('#', 1)[0]!.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    try {
      out[decodeURIComponent(eq < 0 ? part : part.slice(0, eq))] = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    } catch {
      // A malformed %-escape: leave that parameter out; the signature check then fails cleanly.
    }
  }
  return out;
}
