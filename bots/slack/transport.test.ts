import { createHmac } from 'node:crypto';
import { Hono } from 'hono';
import { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { HonoSlackReceiver } from './transport.ts';

const secret = 'transport-test-signing-secret';
const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));

/** A real Bolt App on our receiver, with whatever listeners the test registers. */
function setup(ackDeadlineMs = 2500): { app: App; http: Hono } {
  const receiver = new HonoSlackReceiver({ signingSecret: secret, clock, logger: createLogger('silent'), ackDeadlineMs });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: 'xoxb-test', botId: 'B0LEGBOT1', botUserId: 'U0LEGBOT1' }),
    logLevel: 'error' as never,
    convoStore: false,
  });
  app.error(async (error) => {
    throw error;
  });
  const http = new Hono();
  receiver.routes(http);
  return { app, http };
}

function post(http: Hono, body: string, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
  const ts = String(Math.floor(clock.now().getTime() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return Promise.resolve(
    http.request('/slack/events', {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': ts, 'x-slack-signature': signature, ...headers },
      body,
    }),
  );
}

const messageEvent = JSON.stringify({
  type: 'event_callback',
  team_id: 'T0LEGWORK',
  api_app_id: 'A0LEGWORK',
  event_id: 'Ev0TRANSP01',
  event_time: 1764208800,
  event: { type: 'message', channel: 'D0ZHANG01', channel_type: 'im', user: 'U0ZHANG01', text: 'help', ts: '1764208800.000100' },
});
const command = (text: string) =>
  new URLSearchParams({ command: '/legwork', text, team_id: 'T0LEGWORK', channel_id: 'C0SALES01', user_id: 'U0ZHANG01', trigger_id: '1.2.3', response_url: 'https://hooks.slack.com/commands/x' }).toString();
const form = 'application/x-www-form-urlencoded';

describe('HonoSlackReceiver', () => {
  it('answers 500 when an event fails before the deadline, so Slack redelivers it', async () => {
    const { app, http } = setup();
    app.event('message', async () => {
      throw new Error('database unavailable');
    });
    const res = await post(http, messageEvent, 'application/json');
    expect(res.status).toBe(500);
  });

  it('passes Slack’s retry headers to Bolt', async () => {
    const { app, http } = setup();
    const seen: unknown[] = [];
    app.event('message', async ({ context }) => {
      seen.push([context.retryNum, context.retryReason]);
    });
    const res = await post(http, messageEvent, 'application/json', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    expect(res.status).toBe(200);
    expect(seen).toEqual([[2, 'http_timeout']]);
  });

  it('answers with what the listener acked: JSON, text, and the first ack only', async () => {
    const { app, http } = setup();
    app.command('/legwork', async ({ command: cmd, ack }) => {
      if (cmd.text === 'json') await ack({ response_type: 'ephemeral', text: 'hi' });
      else await ack('plain');
      await ack('ignored');
    });
    const json = await post(http, command('json'), form);
    expect(await json.json()).toEqual({ response_type: 'ephemeral', text: 'hi' });
    const text = await post(http, command('text'), form);
    expect(await text.text()).toBe('plain');
  });

  it('keeps the ack of a command whose listener failed after acking', async () => {
    const { app, http } = setup();
    app.command('/legwork', async ({ ack }) => {
      await ack({ response_type: 'ephemeral', text: 'Something went wrong' });
      throw new Error('after the ack');
    });
    const res = await post(http, command('x'), form);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: 'Something went wrong' });
  });

  it('answers at the deadline and lets slow work finish after the answer', async () => {
    const { app, http } = setup(50);
    let release!: () => void;
    let finished = false;
    let markDone!: () => void;
    const done = new Promise<void>((resolve) => (markDone = resolve));
    app.command('/legwork', async ({ ack }) => {
      await ack();
      await new Promise<void>((resolve) => (release = resolve));
      finished = true;
      markDone();
    });
    const res = await post(http, command('slow'), form);
    expect(res.status).toBe(200);
    expect(finished).toBe(false);
    release();
    await done;
    expect(finished).toBe(true);
  });

  it('answers the unsigned SSL check without processing anything', async () => {
    const { app, http } = setup();
    let called = false;
    app.command(/.*/, async () => {
      called = true;
    });
    const res = await http.request('/slack/events', { method: 'POST', headers: { 'content-type': form }, body: 'ssl_check=1&token=abc' });
    expect(res.status).toBe(200);
    expect(called).toBe(false);
  });

  it('refuses oversized bodies before verifying them', async () => {
    const { http } = setup();
    const res = await post(http, `payload=${'x'.repeat(1024 * 1024 + 1)}`, form);
    expect(res.status).toBe(413);
  });
});
