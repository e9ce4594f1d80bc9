import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { countRows } from '../conversation/helpers.ts';
import { uiText } from '../../bots/slack/ui-text.ts';
import type { RecordedCall } from './fake-slack.ts';
import { bob, directMessage, fixture, ids, slashCommand, textOf, useSlack, zhang } from './support.ts';

const ctx = useSlack({ SLACK_SOCKET_MODE: 'true', SLACK_APP_TOKEN: ids.appToken });
let connectCalls: RecordedCall[] = [];

beforeAll(async () => {
  // start() resolves once the fake has said hello on the WebSocket it handed out.
  await ctx.h.app.start();
  connectCalls = ctx.fake.callsTo('apps.connections.open');
});

/** Sends an envelope over the socket and returns the app's ack frame for it, after the work it started. */
async function sendEnvelope(envelope: any): Promise<any> {
  ctx.fake.sendFrame(envelope);
  const ack = await ctx.fake.waitForFrame((frame) => frame.envelope_id === envelope.envelope_id);
  await ctx.slack.idle();
  await ctx.h.app.delivery.drainOnce();
  return ack;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A gate a test opens by hand, to hold the engine's work at a known point. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Lets `engine.handle` run as usual, around `wrap`. */
function wrapEngine(wrap: (handle: () => Promise<unknown>) => Promise<unknown>) {
  const engine = ctx.h.app.engine;
  const handle = engine.handle;
  return vi.spyOn(engine, 'handle').mockImplementation((event) => wrap(() => handle(event)) as ReturnType<typeof handle>);
}

const eventsEnvelope = (payload: unknown, retry = 0) => ({
  ...fixture('socket-events-api'),
  envelope_id: randomUUID(),
  payload,
  retry_attempt: retry,
  retry_reason: retry ? 'timeout' : '',
});

describe('Slack Socket Mode', () => {
  it('connects with the app-level token and reports ready', async () => {
    expect(connectCalls).toHaveLength(1);
    expect(connectCalls[0]!.token).toBe(ids.appToken);
    expect(await ctx.slack.health!()).toEqual({ ok: true });
  });

  it('acks an Events API envelope and answers the DM', async () => {
    const envelope = eventsEnvelope(directMessage(zhang, '帮助'));
    const ack = await sendEnvelope(envelope);
    expect(ack).toEqual({ envelope_id: envelope.envelope_id, payload: {} });
    const posted = ctx.fake.callsTo('chat.postMessage');
    expect(posted.map((c) => c.args.channel)).toEqual(['D0ZHANG01', 'D0ZHANG01']);
    expect(textOf(posted[1]!)).toContain('签到');
  });

  it('handles a redelivered envelope (same event id) once', async () => {
    const payload = directMessage(bob, 'new customer Acme 34.05,-118.25', 'Ev0SOCKET01');
    await sendEnvelope(eventsEnvelope(payload));
    const retry = await sendEnvelope(eventsEnvelope(payload, 1));
    expect(retry.envelope_id).toBeDefined();
    expect(await countRows(ctx.h, 'customers')).toBe(1);
    expect(await countRows(ctx.h, 'processed_events')).toBe(1);
  });

  it('acks a slash command envelope and answers privately', async () => {
    const envelope = { ...fixture('socket-slash-commands'), envelope_id: randomUUID(), payload: slashCommand(bob, '/legwork', 'help') };
    const ack = await sendEnvelope(envelope);
    expect(ack).toEqual({ envelope_id: envelope.envelope_id, payload: {} });
    const ephemeral = ctx.fake.callsTo('chat.postEphemeral');
    expect(ephemeral.every((c) => c.args.channel === ids.channel && c.args.user === bob.id)).toBe(true);
    // A welcome first (Bob is new here), then the help.
    expect(textOf(ephemeral.at(-1)!)).toContain('Commands (examples):');
  });

  it('returns form validation errors in the ack payload', async () => {
    const open = { ...fixture('socket-slash-commands'), envelope_id: randomUUID(), payload: slashCommand(bob, '/report', '') };
    await sendEnvelope(open);
    const [opened] = ctx.fake.callsTo('views.open');
    const submission = fixture('view-submission');
    submission.user = { ...submission.user, id: bob.id };
    submission.view = { ...submission.view, callback_id: opened!.args.view.callback_id, private_metadata: opened!.args.view.private_metadata, state: { values: { body: { value: { type: 'plain_text_input', value: '' } } } } };
    const envelope = { envelope_id: randomUUID(), payload: submission, type: 'interactive', accepts_response_payload: true };
    const ack = await sendEnvelope(envelope);
    expect(ack).toEqual({ envelope_id: envelope.envelope_id, payload: { response_action: 'errors', errors: { body: 'Please fill this in.' } } });
    expect(await countRows(ctx.h, 'daily_reports')).toBe(0);
  });

  it('leaves an event unacknowledged when handling fails, so Slack redelivers it, and answers it once', async () => {
    vi.spyOn(ctx.h.app.engine, 'handle').mockRejectedValueOnce(new Error('database unavailable'));
    const envelope = eventsEnvelope(directMessage(zhang, '帮助'));
    const { envelopes, ack } = await ctx.fake.deliverUntilAcked(envelope, { ackTimeoutMs: 1000 });
    await ctx.slack.idle();
    await ctx.h.app.delivery.drainOnce();

    // The first delivery got no ack; Slack's retry (same event, retry fields set) was handled and acked.
    expect(ctx.fake.frames.filter((frame) => frame.envelope_id === envelope.envelope_id)).toEqual([]);
    expect(envelopes).toHaveLength(2);
    expect(envelopes[1]).toMatchObject({ retry_attempt: 1, retry_reason: 'timeout', payload: { event_id: envelope.payload.event_id } });
    expect(ack).toEqual({ envelope_id: envelopes[1]!.envelope_id, payload: {} });
    const posted = ctx.fake.callsTo('chat.postMessage');
    expect(posted.map((c) => c.args.channel)).toEqual(['D0ZHANG01', 'D0ZHANG01']);
    expect(textOf(posted[1]!)).toContain('签到');
    expect(await countRows(ctx.h, 'processed_events')).toBe(1);
  });

  it('acks an event only after its turn is committed', async () => {
    const order: string[] = [];
    wrapEngine(async (handle) => {
      const result = await handle();
      order.push('committed');
      return result;
    });
    const envelope = eventsEnvelope(directMessage(bob, 'new customer Acme 34.05,-118.25'));
    ctx.fake.sendFrame(envelope);
    await ctx.fake.waitForFrame((frame) => frame.envelope_id === envelope.envelope_id);
    order.push('acked');
    expect(order).toEqual(['committed', 'acked']);
    // Everything the turn answers is already waiting in the outbox when Slack gets the ack.
    expect(await countRows(ctx.h, 'outbox')).toBeGreaterThan(0);
    expect(await countRows(ctx.h, 'customers')).toBe(1);
    await ctx.h.app.delivery.drainOnce();
  });

  it('acks a slow event at the deadline, before Slack gives up, and still handles it once', async () => {
    const { open, opened } = gate();
    let finished = 0;
    wrapEngine(async (handle) => {
      await opened;
      const result = await handle();
      finished += 1;
      return result;
    });
    const envelope = eventsEnvelope(directMessage(zhang, '帮助'));
    // Slack waits 3 s for an ack; the receiver's deadline (2.5 s) comes first.
    const { envelopes, ack } = await ctx.fake.deliverUntilAcked(envelope, { ackTimeoutMs: 3000 });
    expect(ack).toEqual({ envelope_id: envelope.envelope_id, payload: {} });
    expect(envelopes).toHaveLength(1);
    expect(finished).toBe(0);

    open();
    await ctx.slack.idle();
    await ctx.h.app.delivery.drainOnce();
    expect(finished).toBe(1);
    expect(ctx.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['D0ZHANG01', 'D0ZHANG01']);
    expect(await countRows(ctx.h, 'processed_events')).toBe(1);
  });

  it('sends a failed command’s answer as the ack payload', async () => {
    vi.spyOn(ctx.h.app.engine, 'handle').mockRejectedValueOnce(new Error('database unavailable'));
    const envelope = { ...fixture('socket-slash-commands'), envelope_id: randomUUID(), payload: slashCommand(bob, '/legwork', 'today') };
    const ack = await sendEnvelope(envelope);
    expect(ack).toEqual({ envelope_id: envelope.envelope_id, payload: { response_type: 'ephemeral', text: uiText('en-US').failed } });
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
  });

  it('does not serve the HTTP endpoint in Socket Mode', async () => {
    const res = await ctx.h.app.http.request('/slack/events', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  // Last: it closes the connection.
  it('on stop, sends the ack still owed, takes no new envelope and lets the work finish', async () => {
    const { open, opened } = gate();
    let entered!: () => void;
    const working = new Promise<void>((resolve) => (entered = resolve));
    wrapEngine(async (handle) => {
      entered();
      await opened;
      return handle();
    });
    const slow = eventsEnvelope(directMessage(zhang, '帮助'));
    ctx.fake.sendFrame(slow);
    await working;

    const stopping = ctx.slack.stop!();
    const late = eventsEnvelope(directMessage(bob, 'help'));
    ctx.fake.sendFrame(late);
    const ack = await ctx.fake.waitForFrame((frame) => frame.envelope_id === slow.envelope_id);
    open();
    await stopping;

    expect(ack).toEqual({ envelope_id: slow.envelope_id, payload: {} });
    // Not acked, so Slack redelivers it to the next connection.
    expect(ctx.fake.frames.some((frame) => frame.envelope_id === late.envelope_id)).toBe(false);
    expect(await countRows(ctx.h, 'processed_events')).toBe(1);
    expect(await ctx.slack.health!()).toEqual({ ok: false, detail: 'socket mode not connected' });
  });
});
