import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../conversation/helpers.ts';
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

  it('does not serve the HTTP endpoint in Socket Mode', async () => {
    const res = await ctx.h.app.http.request('/slack/events', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });
});
