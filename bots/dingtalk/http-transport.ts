import type { Hono } from 'hono';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import type { InboundHandler } from './inbound.ts';
import { verifyCallbackSignature } from './signature.ts';
import { failureStatus } from '../../src/http/failure-status.ts';
import { limitBody } from '../../src/http/body-limit.ts';

/** Bodies larger than this are not robot messages (text is capped well below it). */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * HTTP callback mode (`DINGTALK_MODE=http`): DingTalk POSTs each robot message to
 * `POST /dingtalk/callback` ("机器人接收消息", https://open.dingtalk.com/document/orgapp/receive-message).
 * The signature is checked before the body is read; a missing, stale (more than an hour off) or
 * wrong one gets 401 and nothing is stored. Replies go through the outbox, so the answer here is the
 * "no reply" body. A failure answers 500 and has recorded nothing, so a retry starts afresh.
 */
export function mountDingTalkCallback(
  app: Hono,
  deps: { appSecret: string; clock: Clock; logger: Logger; inbound: InboundHandler },
): void {
  app.post('/dingtalk/callback', limitBody(MAX_BODY_BYTES), async (c) => {
    const check = await verifyCallbackSignature({
      appSecret: deps.appSecret,
      timestamp: c.req.header('timestamp'),
      sign: c.req.header('sign'),
      now: deps.clock.now(),
    });
    if (!check.ok) {
      deps.logger.warn({ platform: 'dingtalk', reason: check.reason }, 'rejected a DingTalk callback with a bad signature');
      return c.json({ error: 'invalid signature' }, 401);
    }
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) return c.json({ error: 'body too large' }, 413);
    const raw = await c.req.text();
    if (raw.length > MAX_BODY_BYTES) return c.json({ error: 'body too large' }, 413);

    const outcome = await deps.inbound.handle(raw, { retry: false });
    if (outcome.kind === 'invalid') return c.json({ error: 'invalid robot message', reason: outcome.reason }, 400);
    // 503 when the database is away (DingTalk's retry then finds it back), 500 for anything else.
    if (outcome.kind === 'failed') return c.json({ error: 'internal error' }, failureStatus(outcome.error));
    return c.json({ msgtype: 'empty' });
  });
}
