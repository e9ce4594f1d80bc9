import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import imFixture from '../slack/fixtures/event-message-im.json' with { type: 'json' };
import slashFixture from '../slack/fixtures/slash-command.json' with { type: 'json' };
import submissionFixture from '../slack/fixtures/view-submission.json' with { type: 'json' };
import buttonFixture from '../slack/fixtures/block-actions-button.json' with { type: 'json' };
import homeFixture from '../slack/fixtures/event-app-home-opened.json' with { type: 'json' };
import mentionFixture from '../slack/fixtures/event-app-mention.json' with { type: 'json' };
import type { FakeUser } from '../slack/fake-slack.ts';
import { bob, ids, zhang } from './platform-ids.ts';
import {
  countRows, createWorkerHarness, fakeCalls, holdSlack, onPostgres, releaseSlack, resetAll, skipReason, withDb, type WorkerHarness,
} from './support.ts';

/**
 * Slack on the Worker beyond messages: the 3-second acknowledgement of a slow turn (the rest goes on
 * in waitUntil), forms (views.open, view_submission with field errors), buttons (block_actions) and
 * App Home (views.publish), through the same handlers as the Node adapter.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: Slack interactivity' : skipReason, () => {
  let h: WorkerHarness;
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
  });

  const form = 'application/x-www-form-urlencoded';
  const calls = async (method: string) => (await fakeCalls('slack')).filter((c) => c.method === method);

  function dm(user: FakeUser, text: string): string {
    const payload = structuredClone(imFixture) as any;
    payload.event_id = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    payload.event.user = user.id;
    payload.event.channel = `D${user.id.slice(1)}`;
    payload.event.text = text;
    payload.event.blocks[0].elements[0].elements[0].text = text;
    return JSON.stringify(payload);
  }

  function command(user: FakeUser, name: string, text: string): Record<string, string> {
    return { ...slashFixture, user_id: user.id, user_name: user.name, command: name, text, trigger_id: `${Date.now()}.738474920.${randomUUID().replace(/-/g, '')}` };
  }

  /** Interactivity arrives form-encoded with the JSON in `payload`. */
  const interaction = (payload: unknown) => h.slack(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), form);

  /** `/visit` without text: the form Slack was asked to open. */
  async function openVisitForm(user: FakeUser): Promise<any> {
    const fields = command(user, '/visit', '');
    const { response } = await h.slack(new URLSearchParams(fields).toString(), form);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const opened = (await calls('views.open')).at(-1)!;
    expect(opened.args.trigger_id).toBe(fields.trigger_id);
    return opened.args.view;
  }

  function submission(view: any, user: FakeUser, values: Record<string, unknown>): unknown {
    const payload = structuredClone(submissionFixture) as any;
    payload.user = { ...payload.user, id: user.id, username: user.name, name: user.name };
    payload.view = { ...payload.view, id: `V${randomUUID().slice(0, 8).toUpperCase()}`, callback_id: view.callback_id, private_metadata: view.private_metadata, blocks: view.blocks, state: { values } };
    return payload;
  }

  const input = (value: string) => ({ value: { type: 'plain_text_input', value } });
  const noDate = { value: { type: 'datepicker', selected_date: null } };

  it('acks a slow turn within 3 s and finishes it after the answer (waitUntil)', async () => {
    // Bob is new: his profile (users.info) is read before the turn, and Slack is slow to answer it.
    await holdSlack('users.info');
    const run = await h.start('/slack/events', h.slackInit(dm(bob, 'help')));
    expect(run.response.status).toBe(200);
    expect(run.answeredMs).toBeLessThan(3000);
    // Slack had its answer while the turn was still waiting for users.info: nothing stored or sent yet.
    expect((await calls('users.info')).map((c) => c.args.user)).toEqual([bob.id]);
    expect(await countRows('processed_events')).toBe(0);
    expect(await calls('chat.postMessage')).toEqual([]);

    await releaseSlack('users.info');
    await run.finished();
    expect(await countRows('processed_events')).toBe(1);
    const posted = await calls('chat.postMessage');
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.every((c) => c.args.channel === 'D0BOB0001')).toBe(true);
    const user = await withDb((db) => db.selectFrom('users').select(['time_zone', 'language']).executeTakeFirstOrThrow());
    expect(user).toEqual({ time_zone: bob.tz, language: 'en-US' });
  });

  it('/visit opens the form, and its submission saves the visit note and answers privately', async () => {
    await h.slack(dm(zhang, '新客户 华为 22.54,113.95'));
    const view = await openVisitForm(zhang);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'legwork_visit', title: { text: '拜访记录' } });
    expect(await countRows('visits')).toBe(0);

    const { response } = await interaction(submission(view, zhang, { customer: input('华为'), notes: input('演示很顺利'), next_step: input('发报价'), follow_up: noDate }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const visits = await withDb((db) => db.selectFrom('visits').select(['notes', 'next_step']).execute());
    expect(visits).toEqual([{ notes: '演示很顺利', next_step: '发报价' }]);
    const ephemeral = await calls('chat.postEphemeral');
    expect(ephemeral.map((c) => [c.args.channel, c.args.user])).toEqual([[ids.channel, zhang.id]]);
    expect(String(ephemeral[0]!.args.text)).toContain('华为');
  });

  it('a form with a blank field gets the error on that field and stores nothing', async () => {
    const view = await openVisitForm(bob);
    const before = await countRows('processed_events');
    const { response } = await interaction(submission(view, bob, { customer: input('Acme'), notes: input('   '), next_step: input(''), follow_up: noDate }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['notes']);
    expect(await countRows('processed_events')).toBe(before);
    expect(await countRows('visits')).toBe(0);
  });

  it('a tap on a link button (block_actions) is acked with an empty 200 and changes nothing', async () => {
    const { response } = await interaction(buttonFixture);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(await countRows('processed_events')).toBe(0);
    expect(await fakeCalls('slack')).toEqual([]);
  });

  it('a tap on an action Legwork does not handle gets what Node answers (an empty 200) and changes nothing', async () => {
    // test/slack/block-actions.test.ts: the Node service answers the same payload the same way.
    const foreign = { ...buttonFixture, actions: buttonFixture.actions.map((a) => ({ ...a, action_id: 'another_apps_button' })) };
    const { response } = await interaction(foreign);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(await countRows('processed_events')).toBe(0);
    expect(await fakeCalls('slack')).toEqual([]);
  });

  it('a tap on a quick answer (block_actions) is the person’s answer to its question, handled once', async () => {
    await h.slack(dm(zhang, '新客户 华为终端 22.54,113.95'));
    await h.slack(dm(zhang, '新客户 华为技术 22.60,113.90'));
    await h.slack(dm(zhang, '签到 华为 22.54,113.95'));
    const question = (await calls('chat.postMessage')).at(-1)!;
    const blocks = question.args.blocks as { type: string; block_id?: string; elements?: { text: { text: string }; value: string; action_id: string }[] }[];
    const block = blocks.find((b) => b.type === 'actions' && b.block_id?.startsWith('legwork_choices|'))!;
    const chosen = block.elements!.find((b) => b.text.text === '华为技术')!;
    const channel = `D${zhang.id.slice(1)}`;
    const tap = {
      ...buttonFixture,
      channel: { id: channel, name: 'directmessage' },
      container: { type: 'message', message_ts: '1764208801.000042', channel_id: channel, is_ephemeral: false },
      message: { type: 'message', ts: '1764208801.000042', text: 'x', blocks },
      actions: [{ action_id: chosen.action_id, block_id: block.block_id, text: { type: 'plain_text', text: chosen.text.text, emoji: true }, value: chosen.value, type: 'button', action_ts: '1764208802.777777' }],
    };
    const before = await countRows('processed_events');
    for (let i = 0; i < 2; i++) {
      const { response } = await interaction(tap);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
    }
    expect(await countRows('processed_events')).toBe(before + 1);
    const checkIns = await withDb((db) =>
      db.selectFrom('check_ins').innerJoin('customers', 'customers.id', 'check_ins.customer_id').select('customers.name').where('check_ins.kind', '=', 'in').execute(),
    );
    expect(checkIns.map((r) => r.name)).toEqual(['华为技术']);
    const updates = await calls('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ channel, ts: '1764208801.000042', text: '已选择：华为技术' });
  });

  it('App Home: opening the tab publishes the person’s day and week (views.publish)', async () => {
    await h.slack(dm(zhang, '新客户 华为 22.54,113.95'));
    await h.slack(dm(zhang, '签到 华为 22.5401,113.9501'));
    const { response } = await h.slack(JSON.stringify({ ...homeFixture, event_id: 'Ev0HOMEWRK1' }));
    expect(response.status).toBe(200);
    const published = await calls('views.publish');
    expect(published).toHaveLength(1);
    expect(published[0]!.args.user_id).toBe(zhang.id);
    const view = published[0]!.args.view;
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('2026-11-27');
    expect(text).toContain('华为');
  });

  it('without SLACK_BOT_USER_ID, one auth.test serves the @mentions of many requests', async () => {
    delete h.env.SLACK_BOT_USER_ID;
    delete h.env.SLACK_BOT_ID;
    const mention = (text: string) => {
      const payload = structuredClone(mentionFixture) as any;
      payload.event_id = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
      payload.event.text = `<@${ids.botUser}> ${text}`;
      payload.event.ts = payload.event.event_ts = `${Math.floor(h.clock.now().getTime() / 1000)}.${randomUUID().replace(/\D/g, '').slice(0, 6)}`;
      payload.event.blocks[0].elements[0].elements[1].text = ` ${text}`;
      return JSON.stringify(payload);
    };
    // What the help command answers this person, for comparison.
    await h.slack(dm(zhang, 'help'));
    const helpText = String((await calls('chat.postMessage')).at(-1)!.args.text);
    const before = (await fakeCalls('slack')).length;

    expect((await h.slack(mention('help'))).response.status).toBe(200);
    const asked = (await calls('auth.test')).length;
    expect(asked).toBeLessThanOrEqual(1);
    expect((await h.slack(mention('帮助'))).response.status).toBe(200);
    expect((await h.slack(mention('help'))).response.status).toBe(200);
    expect(await calls('auth.test')).toHaveLength(asked);
    // The bot's name was stripped: each mention was read as the help command, not as unknown text.
    expect(await countRows('processed_events')).toBe(4);
    const replies = (await fakeCalls('slack')).slice(before).filter((c) => c.method.startsWith('chat.')).map((c) => String(c.args.text));
    expect(replies).toEqual([helpText, helpText, helpText]);
  });
});
