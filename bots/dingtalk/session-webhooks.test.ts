import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { SessionWebhooks, trustedWebhookHosts } from './session-webhooks.ts';

const start = new Date('2026-11-27T02:00:00Z');
const session = (url: string, minutes: number, conversationRef = 'dingtalk:group:cid1') => ({
  url,
  expiresAt: new Date(start.getTime() + minutes * 60_000),
  conversationRef,
  senderUserId: 'u1',
  group: true,
});

describe('SessionWebhooks', () => {
  it('finds the replied-to message’s webhook, else the conversation’s latest, until a minute before expiry', () => {
    const clock = new ManualClock(start);
    const store = new SessionWebhooks(clock, trustedWebhookHosts('https://api.dingtalk.com'));
    expect(store.remember('m1', session('https://oapi.dingtalk.com/robot/sendBySession?session=a', 90))).toBe(true);
    expect(store.remember('m2', session('https://oapi.dingtalk.com/robot/sendBySession?session=b', 95))).toBe(true);
    expect(store.find('dingtalk:group:cid1', 'm1')).toMatchObject({ isReply: true, session: { url: expect.stringContaining('session=a') } });
    expect(store.find('dingtalk:group:cid1')).toMatchObject({ isReply: false, session: { url: expect.stringContaining('session=b') } });
    expect(store.find('dingtalk:user:u1', 'm1')).toBeUndefined(); // another conversation
    clock.advance(89 * 60_000 + 1);
    expect(store.find('dingtalk:group:cid1', 'm1')).toMatchObject({ isReply: false }); // m1's expired, m2's not
    clock.advance(5 * 60_000);
    expect(store.find('dingtalk:group:cid1', 'm1')).toBeUndefined();
  });

  it('refuses webhooks that are expired or not on a DingTalk host', () => {
    const store = new SessionWebhooks(new ManualClock(start), trustedWebhookHosts('http://127.0.0.1:9000'));
    expect(store.remember('m1', session('http://evil.example/robot', 90))).toBe(false);
    expect(store.remember('m2', session('https://oapi.dingtalk.com/robot/sendBySession?session=x', 0))).toBe(false);
    expect(store.remember('m3', session('http://127.0.0.1:9000/robot/sendBySession?session=y', 90))).toBe(true);
    expect(store.remember('m4', session('not a url', 90))).toBe(false);
  });
});
