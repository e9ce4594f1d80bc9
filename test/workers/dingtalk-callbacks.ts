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
 * `sign` headers), with a session webhook that has already expired: every reply must go through
 * the OpenAPI.
 */
export function postDingTalk(h: WorkerHarness, text: string, options: { group?: boolean } = {}) {
  const now = h.clock.now().getTime();
  const body = JSON.stringify({
    ...dingtalkFixture,
    msgId: `msg${randomUUID()}`,
    createAt: now,
    sessionWebhook: `${inject('dingtalkUrl')}/robot/sendBySession?session=${randomUUID()}`,
    sessionWebhookExpiredTime: now - 1000,
    ...(options.group ? { conversationType: '2', conversationId: dingtalkGroup, isInAtList: true } : {}),
    text: { content: text },
  });
  const timestamp = String(now);
  const sign = createHmac('sha256', dingtalkApp.clientSecret).update(`${timestamp}\n${dingtalkApp.clientSecret}`).digest('base64');
  return h.request('/dingtalk/callback', { method: 'POST', headers: { 'content-type': 'application/json', timestamp, sign }, body });
}
