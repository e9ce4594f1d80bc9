import { describe, expect, it } from 'vitest';
import { countRows } from '../conversation/helpers.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { bob, deliver, directMessage, fixture, ids, postCommand, postEvent, postInteraction, postSigned, slashCommand, textOf, useSlack, zhang } from './support.ts';

const ctx = useSlack();
const nowSeconds = () => Math.floor(ctx.h.clock.now().getTime() / 1000);

describe('Slack Events API: signatures', () => {
  it('answers the url_verification challenge', async () => {
    const res = await postEvent(ctx, fixture('url-verification'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('rejects a forged signature with 401 and stores nothing', async () => {
    const res = await postEvent(ctx, directMessage(zhang, '签到 华为 22.54,113.95'), { secret: 'not-the-signing-secret-at-all!!' });
    expect(res.status).toBe(401);
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
    expect(await countRows(ctx.h, 'users')).toBe(0);
    expect(await countRows(ctx.h, 'outbox')).toBe(0);
    expect(ctx.fake.calls).toEqual([]);
  });

  it('rejects a body changed after signing', async () => {
    const body = JSON.stringify(directMessage(zhang, 'help'));
    const signed = await import('./support.ts').then((m) => m.signatureHeaders(body, nowSeconds()));
    const res = await ctx.h.app.http.request('/slack/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed },
      body: body.replace('help', 'today'),
    });
    expect(res.status).toBe(401);
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
  });

  it('rejects stale and far-future timestamps, accepts skew under five minutes', async () => {
    const stale = await postEvent(ctx, directMessage(zhang, 'help'), { timestamp: nowSeconds() - 5 * 60 - 1 });
    const future = await postEvent(ctx, directMessage(zhang, 'help'), { timestamp: nowSeconds() + 5 * 60 + 1 });
    expect(stale.status).toBe(401);
    expect(future.status).toBe(401);
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);

    const skewed = await postEvent(ctx, directMessage(zhang, 'help'), { timestamp: nowSeconds() - 4 * 60 });
    expect(skewed.status).toBe(200);
    expect(await countRows(ctx.h, 'processed_events')).toBe(1);
  });

  it('rejects requests without signature headers, even url_verification', async () => {
    const res = await ctx.h.app.http.request('/slack/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fixture('url-verification')),
    });
    expect(res.status).toBe(401);
  });

  it('answers 400 to a signed body that is not JSON, storing nothing', async () => {
    const res = await postSigned(ctx, '{"type":"event_callback",', 'application/json');
    expect(res.status).toBe(400);
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
  });
});

describe('Slack DMs', () => {
  it('registers a new person with time zone and language from users.info, and answers in Chinese', async () => {
    const res = await postEvent(ctx, directMessage(zhang, '帮助'));
    expect(res.status).toBe(200);
    const lookups = ctx.fake.callsTo('users.info');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.args).toMatchObject({ user: zhang.id, include_locale: 'true' });

    const user = await ctx.h.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ display_name: '张伟', time_zone: 'Asia/Shanghai', language: 'zh-CN' });
    const identity = await ctx.h.db.selectFrom('identities').selectAll().executeTakeFirstOrThrow();
    // Reached later through this IM channel: no conversations.open before each reminder.
    expect(identity).toMatchObject({ platform: 'slack', tenant_id: ids.team, external_id: zhang.id, direct_ref: 'slack:channel:D0ZHANG01' });

    const { posted } = await deliver(ctx);
    expect(posted.map((c) => c.args.channel)).toEqual(['D0ZHANG01', 'D0ZHANG01']);
    expect(textOf(posted[0]!)).toContain('欢迎');
    expect(textOf(posted[1]!)).toContain('签到');
    expect(posted[1]!.token).toBe(ids.botToken);
    // Block Kit plus the plain-text fallback.
    expect(posted[1]!.args.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
  });

  it('takes English commands from an English-speaking rep in Los Angeles', async () => {
    await postEvent(ctx, directMessage(bob, 'new customer Acme 34.05,-118.25'));
    await postEvent(ctx, directMessage(bob, 'checkin Acme 34.0501,-118.2501'));
    const user = await ctx.h.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ time_zone: 'America/Los_Angeles', language: 'en-US', display_name: 'Bob' });
    const checkIn = await ctx.h.db.selectFrom('check_ins').selectAll().executeTakeFirstOrThrow();
    expect(checkIn.status).toBe('verified');

    const { posted } = await deliver(ctx);
    const texts = posted.map(textOf);
    expect(texts.some((t) => t.includes('Customer "Acme" created'))).toBe(true);
    expect(texts.at(-1)).toContain('Checked in at Acme');
    expect(posted.every((c) => c.args.channel === 'D0BOB0001')).toBe(true);
  });

  it('looks the profile up only for people it has not met', async () => {
    await postEvent(ctx, directMessage(zhang, '帮助'));
    await postEvent(ctx, directMessage(zhang, '今天'));
    expect(ctx.fake.callsTo('users.info')).toHaveLength(1);
  });

  it('still answers when users.info fails, with the defaults', async () => {
    ctx.fake.failNext('users.info', { error: 'user_not_found' });
    const res = await postEvent(ctx, directMessage(bob, 'help'));
    expect(res.status).toBe(200);
    const user = await ctx.h.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.time_zone).toBe('Asia/Shanghai');
    expect((await deliver(ctx)).posted.length).toBeGreaterThan(0);
  });

  it('handles a retried event once and replies once', async () => {
    const payload = directMessage(zhang, '新客户 华为 22.54,113.95', 'Ev0RETRY001');
    const first = await postEvent(ctx, payload);
    const retry = await postEvent(ctx, payload, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    const again = await postEvent(ctx, payload, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' } });
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    expect(await countRows(ctx.h, 'customers')).toBe(1);
    expect(await countRows(ctx.h, 'processed_events')).toBe(1);
    const { posted } = await deliver(ctx);
    // Welcome + "customer created", once.
    expect(posted).toHaveLength(2);
    expect(posted.filter((c) => textOf(c).includes('华为'))).toHaveLength(1);
  });

  it('ignores the bot’s own posts, edits and other subtypes', async () => {
    const own = directMessage(zhang, 'help');
    own.event.bot_id = ids.botId;
    own.event.user = ids.botUser;
    const edited = directMessage(zhang, 'help');
    edited.event.subtype = 'message_changed';
    for (const payload of [own, edited]) expect((await postEvent(ctx, payload)).status).toBe(200);
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
    expect(await countRows(ctx.h, 'users')).toBe(0);
  });

  it('turns Slack markup back into what was typed', async () => {
    await postEvent(ctx, directMessage(bob, 'new customer AT&amp;T 40.71,-74.0'));
    const customer = await ctx.h.db.selectFrom('customers').select('name').executeTakeFirstOrThrow();
    expect(customer.name).toBe('AT&T');
    const { posted } = await deliver(ctx);
    // Escaped again on the way out.
    expect(textOf(posted.at(-1)!)).toContain('AT&amp;T');
  });
});

describe('Slack channels', () => {
  it('binds a team to the channel where its manager mentions the bot, and answers there', async () => {
    await postEvent(ctx, directMessage(zhang, '创建团队 华东'));
    await deliver(ctx);
    const mention = fixture('event-app-mention');
    mention.event.text = `<@${ids.botUser}> 绑定团队 华东`;
    expect((await postEvent(ctx, mention)).status).toBe(200);
    const team = await ctx.h.db.selectFrom('teams').selectAll().executeTakeFirstOrThrow();
    expect(team.bound_channel_ref).toBe(`slack:channel:${ids.channel}`);
    const { posted } = await deliver(ctx);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.args.channel).toBe(ids.channel);
  });

  it('answers other mentions privately to the person in the channel', async () => {
    const mention = fixture('event-app-mention');
    mention.event.user = bob.id;
    mention.event.text = `<@${ids.botUser}> today`;
    await postEvent(ctx, mention);
    const { posted, ephemeral } = await deliver(ctx);
    expect(posted).toHaveLength(0);
    expect(ephemeral.length).toBeGreaterThan(0);
    expect(ephemeral.every((c) => c.args.channel === ids.channel && c.args.user === bob.id)).toBe(true);
  });

  it('acks a click on a link button without doing anything else', async () => {
    const res = await postInteraction(ctx, fixture('block-actions-button'));
    expect(res.status).toBe(200);
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
    expect(ctx.fake.calls).toEqual([]);
  });
});

describe('Slack App Home', () => {
  it('publishes my today and my week when the Home tab opens', async () => {
    await postEvent(ctx, directMessage(zhang, '新客户 华为 22.54,113.95'));
    await postEvent(ctx, directMessage(zhang, '签到 华为 22.5401,113.9501'));
    await postEvent(ctx, fixture('event-app-home-opened'));
    const [publish] = ctx.fake.callsTo('views.publish');
    expect(publish!.args.user_id).toBe(zhang.id);
    const view = publish!.args.view;
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('今天（2026-11-27）');
    expect(text).toContain('华为');
    expect(text).toContain('本周（2026-11-23 至 2026-11-27）');
    expect(text).toContain('拜访：1 次（已验证 1');
  });

  it('shows a welcome to someone it has not met, in their Slack language', async () => {
    const opened = fixture('event-app-home-opened');
    opened.event.user = bob.id;
    await postEvent(ctx, opened);
    const [publish] = ctx.fake.callsTo('views.publish');
    expect(JSON.stringify(publish!.args.view.blocks)).toContain('Welcome to Legwork');
    expect(await countRows(ctx.h, 'users')).toBe(0);
  });
});

describe('reaching a person alone later (reminders, digests)', () => {
  const directRef = async () => (await ctx.h.db.selectFrom('identities').select('direct_ref').executeTakeFirstOrThrow()).direct_ref;

  it('uses their IM channel once they wrote there, which a later slash command does not replace, and needs no conversations.open', async () => {
    await postCommand(ctx, slashCommand(zhang, '/legwork', 'help'));
    expect(await directRef()).toBe(`slack:user:${zhang.id}`); // first contact in a channel: only the person is known

    await postEvent(ctx, directMessage(zhang, '今天'));
    expect(await directRef()).toBe('slack:channel:D0ZHANG01');
    await postCommand(ctx, slashCommand(zhang, '/legwork', 'today'));
    expect(await directRef()).toBe('slack:channel:D0ZHANG01');
    await deliver(ctx);

    // A reminder as the scheduler writes it: to the stored ref.
    const org = await ctx.h.db.selectFrom('orgs').select('id').executeTakeFirstOrThrow();
    await enqueueMessages(ctx.h.db, [{ orgId: org.id, targetRef: (await directRef())!, message: { text: '请在 20:00 前提交日报' } }], ctx.h.clock.now());
    const opened = ctx.fake.callsTo('conversations.open').length;
    const { posted } = await deliver(ctx);
    expect(posted.map((c) => [c.args.channel, textOf(c)])).toEqual([['D0ZHANG01', '请在 20:00 前提交日报']]);
    expect(ctx.fake.callsTo('conversations.open')).toHaveLength(opened);
  });
});
