import { createHmac, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import dingtalkFixture from '../dingtalk/fixtures/text-1to1.json' with { type: 'json' };
import { dingtalkApp } from './platform-ids.ts';
import type { WorkerHarness } from './support.ts';

/** The sender's staff id in the fixture (what oToMessages/batchSend addresses). */
export const dingtalkStaffId = dingtalkFixture.senderStaffId;
/** The group (openConversationId) of `postDingTalk(…, { group: true })`. */
export const dingtalkGroup = 'cidGroupEast0001==';

/**
 * A robot message POSTed to the Worker as DingTalk's HTTP callback mode does (signed `timestamp` and
 * `sign` headers), by default with a session webhook that has already expired: every reply must go
 * through the OpenAPI.
 */
export function postDingTalk(
  h: WorkerHarness,
  text: string,
  options: {
    group?: boolean;
    /** The session webhook's session and how long it stays valid (expired by default). */
    session?: { id: string; validMs: number };
    /** DingTalk leaves `senderStaffId` empty for people from outside the org. */
    withoutStaffId?: boolean;
  } = {},
) {
  const now = h.clock.now().getTime();
  const body = JSON.stringify({
    ...dingtalkFixture,
    msgId: `msg${randomUUID()}`,
    createAt: now,
    sessionWebhook: `${inject('dingtalkUrl')}/robot/sendBySession?session=${options.session?.id ?? randomUUID()}`,
    sessionWebhookExpiredTime: now + (options.session?.validMs ?? -1000),
    ...(options.withoutStaffId ? { senderStaffId: '' } : {}),
    ...(options.group ? { conversationType: '2', conversationId: dingtalkGroup, isInAtList: true } : {}),
    text: { content: text },
  });
  const timestamp = String(now);
  const sign = createHmac('sha256', dingtalkApp.clientSecret).update(`${timestamp}\n${dingtalkApp.clientSecret}`).digest('base64');
  return h.request('/dingtalk/callback', { method: 'POST', headers: { 'content-type': 'application/json', timestamp, sign }, body });
}
