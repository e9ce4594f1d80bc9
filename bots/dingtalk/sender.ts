import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { Logger } from '../../src/logger.ts';
import type { SendContext } from '../types.ts';
import { RateLimitedError, UnrecoverableError } from '../errors.ts';
import { sendWithPicture } from '../picture.ts';
import type { ChartImages } from '../../src/charts/chart-store.ts';
import { FLOW_CONTROLLED_RETRY_MS, SessionWebhookRejectedError } from './api-errors.ts';
import { BATCH_SEND_MAX_USERS, type DingTalkApi } from './api.ts';
import { encodeOpenApiMessage, encodeSessionMessage } from './encode.ts';
import { isStaffId, parseDingTalkRef, type DingTalkTarget } from './refs.ts';
import type { SessionWebhooks } from './session-webhooks.ts';

/** The result of a fan-out: who got it, who never will, and who should be tried again later. */
export interface BatchSendResult {
  sent: string[];
  /** Unknown to DingTalk (left the org, mistyped) or without a staff id: do not retry. */
  invalid: string[];
  /** Not delivered this time; retry after `error.retryAfterMs` when it is a RateLimitedError. */
  pending: { userIds: string[]; error: Error }[];
}

/**
 * Delivers outbox messages: through the replied-to message's session webhook while it is valid
 * (mentioning the asker in a group), otherwise through the OpenAPI. Errors come out as the delivery
 * loop's classes, so rate limits and quota back off through the outbox and nothing is lost.
 */
export function createDingTalkSender(deps: { api: DingTalkApi; sessions: SessionWebhooks; logger: Logger; charts?: ChartImages }) {
  const { api, sessions, logger } = deps;

  async function sendViaOpenApi(
    target: DingTalkTarget,
    message: OutboundMessage,
    encoded = encodeOpenApiMessage(message, { choices: target.kind !== 'group' }),
  ): Promise<void> {
    if (target.kind === 'group') {
      await api.groupSend(target.openConversationId, encoded);
      return;
    }
    if (!isStaffId(target.userId)) {
      throw new UnrecoverableError('this person has no staff id in the org: they can only be answered within 90 minutes of writing');
    }
    const outcome = await api.batchSend([target.userId], encoded);
    if (outcome.invalidUserIds.includes(target.userId)) throw new UnrecoverableError('DingTalk does not know this user (invalidStaffIdList)');
    if (outcome.flowControlledUserIds.includes(target.userId)) {
      throw new RateLimitedError(FLOW_CONTROLLED_RETRY_MS, 'DingTalk throttled messages to this user (flowControlledStaffIdList)');
    }
  }

  // DingTalk's send APIs take no idempotency key, so `context.outboxId` cannot make a send exactly
  // once on their side: a send that succeeded just before the process died is sent again on retry.
  async function send(targetRef: string, message: OutboundMessage, _context: SendContext): Promise<void> {
    const target = parseDingTalkRef(targetRef);
    if (!target) throw new UnrecoverableError(`not a DingTalk conversation ref: ${targetRef}`);
    // A chart (issue 18): session webhooks take no images, so the picture always goes through the
    // OpenAPI, which needs a group or a staff id; a person reachable only by webhook gets the text.
    const picturesReach = target.kind === 'group' || isStaffId(target.userId);
    if (message.image && picturesReach) {
      return sendWithPicture({
        message,
        charts: deps.charts,
        sendText: (m) => sendText(targetRef, target, m),
        upload: (image) => api.uploadImage(image.png, 'chart.png'),
        // 机器人发送消息的类型 https://open.dingtalk.com/document/orgapp/robot-message-types: msgKey
        // `sampleImageMsg`, msgParam `{ photoURL }`, where photoURL is an image URL or the media id
        // from the upload; sent 1:1 with oToMessages/batchSend or to a group with groupMessages/send.
        sendPicture: (mediaId) => sendViaOpenApi(target, message, { msgKey: 'sampleImageMsg', msgParam: JSON.stringify({ photoURL: mediaId }) }),
      });
    }
    if (message.imageOnly) return;
    return sendText(targetRef, target, message);
  }

  async function sendText(targetRef: string, target: DingTalkTarget, message: OutboundMessage): Promise<void> {
    const found = await sessions.lookup(targetRef, message.replyToEventId);
    if (found) {
      const { session, isReply } = found;
      const mention = isReply && session.group && isStaffId(session.senderUserId) ? session.senderUserId : undefined;
      try {
        // Quick answers as buttons only 1:1: in a group the text a button sends does not @ the robot.
        await api.postSessionWebhook(session.url, encodeSessionMessage(message, mention, { choices: !session.group }));
        return;
      } catch (error) {
        if (!(error instanceof SessionWebhookRejectedError)) throw error;
        await sessions.drop(session);
        logger.warn({ platform: 'dingtalk', target: targetRef, code: error.code }, 'session webhook refused a message; using the OpenAPI');
      }
    }
    await sendViaOpenApi(target, message);
  }

  /**
   * One message to many people 1:1 (digests, reminders), 20 per `batchSend` call, one call at a time
   * (DingTalk allows about 20 calls a second per app). After a rate limit the remaining batches are not
   * attempted: they come back as pending with the same error.
   */
  async function sendToUsers(userIds: readonly string[], message: OutboundMessage): Promise<BatchSendResult> {
    const result: BatchSendResult = { sent: [], invalid: [], pending: [] };
    const unique = [...new Set(userIds)];
    result.invalid.push(...unique.filter((id) => !isStaffId(id)));
    const reachable = unique.filter(isStaffId);
    const encoded = encodeOpenApiMessage(message);
    let stop: Error | undefined;
    for (let i = 0; i < reachable.length; i += BATCH_SEND_MAX_USERS) {
      const batch = reachable.slice(i, i + BATCH_SEND_MAX_USERS);
      if (stop) {
        result.pending.push({ userIds: batch, error: stop });
        continue;
      }
      try {
        const outcome = await api.batchSend(batch, encoded);
        const invalid = new Set(outcome.invalidUserIds);
        const throttled = batch.filter((id) => outcome.flowControlledUserIds.includes(id) && !invalid.has(id));
        result.invalid.push(...batch.filter((id) => invalid.has(id)));
        result.sent.push(...batch.filter((id) => !invalid.has(id) && !throttled.includes(id)));
        if (throttled.length) {
          result.pending.push({ userIds: throttled, error: new RateLimitedError(FLOW_CONTROLLED_RETRY_MS, 'flow controlled by DingTalk') });
        }
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        result.pending.push({ userIds: batch, error: failure });
        if (failure instanceof RateLimitedError) stop = failure;
      }
    }
    if (result.pending.length || result.invalid.length) {
      logger.warn(
        { platform: 'dingtalk', sent: result.sent.length, invalid: result.invalid.length, pending: result.pending.reduce((n, p) => n + p.userIds.length, 0) },
        'DingTalk fan-out incomplete',
      );
    }
    return result;
  }

  return { send, sendToUsers };
}
