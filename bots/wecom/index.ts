import type { WeComConfig } from '../../src/config.ts';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import type { ChatAdapter } from '../types.ts';
import { UnrecoverableError } from '../errors.ts';
import { sendWithPicture } from '../picture.ts';
import type { ChartImages } from '../../src/charts/chart-store.ts';
import { robotImageBody } from './picture.ts';
import { createWeComApi, type WeComApi } from './api.ts';
import { aesKeyFrom } from './crypto.ts';
import { chosenButtonName, encodeAppMessage, encodeRobotMessage, type WeComMessageBody, type WeComOutbound } from './encode.ts';
import type { WeComCardTap } from './decode.ts';
import { WeComApiError, errcodes } from './errors.ts';
import { parseWeComRef } from './refs.ts';
import { mountWeComRoutes } from './transport.ts';
import type { TokenStore } from '../token-store.ts';
import { memorySendProgress, type SendPacer, type SendProgress } from '../send-records.ts';

export interface WeComAdapterDeps {
  engine: Pick<ConversationEngine, 'handle'>;
  clock: Clock;
  logger: Logger;
  /** Stored charts (issue 18): uploaded as media for app messages, sent inline to group robots. */
  charts?: ChartImages;
  /** Where the access token is kept between adapters (the Worker's per-isolate store); the adapter's own otherwise. */
  tokenStore?: TokenStore;
  /**
   * How far a multi-part message got, by outbox id, so a retry sends only the parts not yet
   * delivered. The Node service and the Worker pass the database's (src/db/send-records.ts): the
   * Worker's adapters live for one invocation and a Node process may restart between tries. This
   * process's memory otherwise.
   */
  sendProgress?: SendProgress;
  /** Group robot pacing shared by every sender (the database's); this process's memory otherwise. */
  robotPacer?: SendPacer;
}

/** The WeCom adapter plus what tests and the scheduler use beyond the ChatAdapter contract. */
export interface WeComAdapter extends ChatAdapter {
  readonly api: WeComApi;
  /** Resolves when every callback accepted so far has been handled (or has failed). */
  settled(): Promise<void>;
  /**
   * One message to many members in the fewest `message/send` calls (1,000 members each), for
   * reminder and digest fan-out. Takes `wecom:user:` refs; returns the refs WeCom refused.
   */
  sendToMany(targetRefs: readonly string[], message: OutboundMessage, context: { batchId: string }): Promise<{ refused: string[]; calls: number }>;
}

/**
 * WeCom (企业微信) through a self-built app: members talk to the app 1:1 (text, location, template-card
 * buttons); groups are reached through group robot webhooks (or app group chats). See README
 * "WeCom" for the admin's setup.
 */
export function createWeComAdapter(config: WeComConfig, deps: WeComAdapterDeps, options: { ackBudgetMs?: number } = {}): WeComAdapter {
  const api = createWeComApi({ ...config, clock: deps.clock, logger: deps.logger, tokenStore: deps.tokenStore, robotPacer: deps.robotPacer });
  const aesKey = aesKeyFrom(config.encodingAesKey);
  const inFlight = new Set<Promise<unknown>>();
  const progress = deps.sendProgress ?? memorySendProgress();

  function track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      (error: unknown) => deps.logger.error({ err: error }, 'WeCom message handling failed'),
    );
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  }

  /**
   * Sends the parts of one outbox message in order. A message split in several parts may fail
   * half-way (rate limit, network); each part is recorded by outbox id as it succeeds, so the
   * retry resumes after the parts already delivered instead of repeating them (durably when
   * `deps.sendProgress` is the database's).
   */
  async function sendParts(outboxId: string, parts: WeComMessageBody[], sendOne: (body: WeComMessageBody) => Promise<void>) {
    let done = parts.length > 1 ? await progress.partsSent(outboxId) : 0;
    for (; done < parts.length; done++) {
      await sendOne(parts[done]!);
      if (parts.length > 1) await progress.recordPartsSent(outboxId, done + 1);
    }
  }

  /** A message's text (and sections, cards) to one conversation: app message, app chat or group robot. */
  async function sendTextTo(target: NonNullable<ReturnType<typeof parseWeComRef>>, message: WeComOutbound, outboxId: string): Promise<void> {
    // Task ids may hold letters, digits and _-@ only, and must be unique per app: the outbox id is.
    const taskId = `legwork-${outboxId}`;
    if (target.kind === 'user') {
      await sendParts(outboxId, encodeAppMessage(message, taskId, { markdown: config.markdown }), async (body) => {
        const { invalidUsers } = await api.sendMessage([target.userId], body);
        if (invalidUsers.includes(target.userId.toLowerCase())) {
          throw new UnrecoverableError('WeCom refused the recipient (invaliduser): not a member, or outside the app’s visible range');
        }
      });
    } else if (target.kind === 'appchat') {
      // appchat/send has no template cards: choices stay in the text.
      await sendParts(outboxId, encodeAppMessage(message, taskId, { cards: false, markdown: config.markdown }), (body) => api.sendAppChat(target.chatId, body));
    } else {
      await sendParts(outboxId, encodeRobotMessage(message), (body) => api.sendRobot(target.key, body));
    }
  }

  /**
   * After a committed tap: the person's card loses its buttons for one disabled "已选择：华为终端". A
   * failure is only logged (never the response code): the answer was taken, and the code is spent
   * or about to be, so nothing is retried.
   */
  async function updateTappedCard(tap: WeComCardTap): Promise<void> {
    const context = { userId: tap.userId, taskId: tap.taskId, cardType: tap.cardType };
    try {
      await api.updateTemplateCardButton([tap.userId], tap.responseCode, chosenButtonName(tap.label, tap.language));
    } catch (error) {
      const errcode = error instanceof WeComApiError ? error.errcode : undefined;
      if (errcode === errcodes.responseCodeUsed) {
        deps.logger.info({ ...context, errcode }, 'WeCom card not updated: its response code was already used');
      } else {
        const reason = error instanceof Error ? error.message : String(error);
        deps.logger.warn({ ...context, errcode, reason }, 'WeCom card could not be updated after a tap (the answer itself was taken)');
      }
    }
  }

  async function settled(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }

  return {
    platform: 'wecom',
    capabilities: { receivesLocation: true, richMessages: true, groups: true },
    api,
    routes: (app) =>
      mountWeComRoutes(app, {
        config,
        aesKey,
        engine: deps.engine,
        clock: deps.clock,
        logger: deps.logger,
        track,
        ackBudgetMs: options.ackBudgetMs ?? 3000,
        cardTapped: updateTappedCard,
      }),

    async send(targetRef, message: WeComOutbound, context) {
      const target = parseWeComRef(targetRef);
      if (!target) throw new UnrecoverableError(`not a WeCom conversation: ${targetRef.split(':', 2).join(':')}`);
      const sendText = (m: WeComOutbound) => sendTextTo(target, m, context.outboxId);
      if (target.kind === 'webhook') {
        // Group robots take the picture itself: `image` with base64 and md5 (no upload step).
        return sendWithPicture({
          message,
          charts: deps.charts,
          sendText,
          upload: async (image) => robotImageBody(image.png),
          sendPicture: (body) => api.sendRobot(target.key, body),
        });
      }
      // App messages (a member, an app group chat): media/upload (type image), then an `image` message
      // with its media_id. 发送应用消息 图片消息 https://developer.work.weixin.qq.com/document/path/90236,
      // 应用推送消息 https://developer.work.weixin.qq.com/document/path/90248: `{ msgtype: 'image', image: { media_id } }`.
      return sendWithPicture({
        message,
        charts: deps.charts,
        sendText,
        upload: (image) => api.uploadImage(image.png, 'chart.png'),
        sendPicture: async (mediaId) => {
          const body = { msgtype: 'image', image: { media_id: mediaId } };
          if (target.kind === 'user') {
            const { invalidUsers } = await api.sendMessage([target.userId], body);
            if (invalidUsers.includes(target.userId.toLowerCase())) throw new UnrecoverableError('WeCom refused the recipient (invaliduser)');
          } else {
            await api.sendAppChat(target.chatId, body);
          }
        },
      });
    },

    async sendToMany(targetRefs, message: WeComOutbound, { batchId }) {
      const users = targetRefs.map((ref) => {
        const target = parseWeComRef(ref);
        if (target?.kind !== 'user') throw new UnrecoverableError('sendToMany takes wecom:user: refs only');
        return target.userId;
      });
      let calls = 0;
      const refused = new Set<string>();
      for (const body of encodeAppMessage(message, `legwork-batch-${batchId}`, { markdown: config.markdown })) {
        const result = await api.sendMessageToMany(users, body);
        calls += result.calls;
        for (const user of result.invalidUsers) refused.add(user);
      }
      return { refused: targetRefs.filter((_, i) => refused.has(users[i]!.toLowerCase())), calls };
    },

    // The outbox hands identical scheduled messages (reminders, digests) here: one message/send call
    // per 1,000 members, the platform minimum. Groups have no batch API and go one by one.
    maxBatchTargets: 1000,
    async sendBatch(targetRefs, message: WeComOutbound, { outboxIds }) {
      const failures: { targetRef: string; error: Error }[] = [];
      const members: string[] = [];
      for (const [i, ref] of targetRefs.entries()) {
        if (parseWeComRef(ref)?.kind === 'user') {
          members.push(ref);
          continue;
        }
        await this.send(ref, message, { outboxId: outboxIds[i]! }).catch((error: unknown) => {
          failures.push({ targetRef: ref, error: error instanceof Error ? error : new Error(String(error)) });
        });
      }
      if (members.length) {
        const { refused } = await this.sendToMany(members, message, { batchId: outboxIds[0]! });
        for (const ref of refused) {
          failures.push({ targetRef: ref, error: new UnrecoverableError('WeCom refused the recipient (invaliduser)') });
        }
      }
      return { failures };
    },

    async health() {
      return api.health();
    },

    settled,

    async stop() {
      await settled();
    },
  };
}
