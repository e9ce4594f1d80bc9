import { describe, expect, it } from 'vitest';
import { countRows } from '../conversation/helpers.ts';
import { bob, deliver, directMessage, ids, postCommand, postEvent, slashCommand, textOf, useSlack, zhang } from './support.ts';

const ctx = useSlack();

/** A customer at a known position, created through the chat. */
async function seedCustomer(): Promise<void> {
  await postEvent(ctx, directMessage(bob, 'new customer Huawei 22.54,113.95'));
  await deliver(ctx);
}

describe('Slack slash commands', () => {
  it('/checkin with coordinates checks in and answers privately in the channel', async () => {
    await seedCustomer();
    const command = slashCommand(bob, '/checkin', 'Huawei 22.5401,113.9501');
    const res = await postCommand(ctx, command);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const checkIn = await ctx.h.db.selectFrom('check_ins').selectAll().executeTakeFirstOrThrow();
    expect(checkIn.status).toBe('verified');
    const processed = await ctx.h.db.selectFrom('processed_events').select('event_id').execute();
    expect(processed.map((p) => p.event_id)).toContain(`command:${command.trigger_id}`);

    const { posted, ephemeral } = await deliver(ctx);
    expect(posted).toHaveLength(0);
    expect(ephemeral).toHaveLength(1);
    expect(ephemeral[0]!.args).toMatchObject({ channel: ids.channel, user: bob.id });
    expect(textOf(ephemeral[0]!)).toContain('Checked in at Huawei');
  });

  it('/checkin without coordinates in a channel answers in the DM with a button to the location page', async () => {
    await seedCustomer();
    await postCommand(ctx, slashCommand(bob, '/checkin', 'Huawei'));
    const { posted, ephemeral } = await deliver(ctx);
    // The personal link never shows in the channel, not even ephemerally: only a line saying where it went.
    expect(ephemeral.map(textOf)).toEqual(['Bob, I sent you the rest in a private chat: it is for you alone.']);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.args.channel).toBe('D0BOB0001');
    const { text, blocks } = posted[0]!.args;
    expect(text).toMatch(/http:\/\/legwork\.test\/c\/\S+/);
    const actions = blocks.find((b: any) => b.type === 'actions');
    expect(actions.elements).toEqual([
      expect.objectContaining({ type: 'button', text: expect.objectContaining({ text: 'Share location and check in' }), url: expect.stringMatching(/^http:\/\/legwork\.test\/c\//), style: 'primary' }),
    ]);
    expect(text).toContain(actions.elements[0].url);
    expect(await countRows(ctx.h, 'check_ins')).toBe(0);
  });

  it('/checkout closes the open visit with its notes', async () => {
    await seedCustomer();
    await postCommand(ctx, slashCommand(bob, '/checkin', 'Huawei 22.5401,113.9501'));
    ctx.h.clock.advance(45 * 60_000);
    await postCommand(ctx, slashCommand(bob, '/checkout', 'met the buyer'));
    const visit = await ctx.h.db.selectFrom('visits').selectAll().executeTakeFirstOrThrow();
    expect(visit.ended_at).not.toBeNull();
    expect(visit.notes).toBe('met the buyer');
    const { ephemeral } = await deliver(ctx);
    expect(textOf(ephemeral.at(-1)!)).toMatch(/45 min/);
  });

  it('/visit with text logs the note; next step and follow-up resolve in the rep’s time zone', async () => {
    await seedCustomer();
    await postCommand(ctx, slashCommand(bob, '/visit', 'Huawei: demo went well; next: send quote; follow up: tomorrow'));
    const visit = await ctx.h.db.selectFrom('visits').selectAll().executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ notes: 'demo went well', next_step: 'send quote' });
    // 02:00 UTC on 27 Nov is still 26 Nov in Los Angeles: "tomorrow" is the 27th there.
    expect(visit.follow_up_date).toBe('2026-11-27');
    expect(ctx.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('/report with text submits today’s report', async () => {
    await postCommand(ctx, slashCommand(zhang, '/report', '拜访了两家客户，明天去华为'));
    const report = await ctx.h.db.selectFrom('daily_reports').selectAll().executeTakeFirstOrThrow();
    // The core stores what was typed in NFKC form (full-width punctuation folded).
    expect(report.body).toBe('拜访了两家客户，明天去华为'); // as typed, Chinese comma kept
    const { ephemeral } = await deliver(ctx);
    expect(textOf(ephemeral.at(-1)!)).toContain('日报');
  });

  it('/leaderboard goes to the core as the leaderboard command', async () => {
    const command = slashCommand(bob, '/leaderboard', 'week');
    expect((await postCommand(ctx, command)).status).toBe(200);
    const processed = await ctx.h.db.selectFrom('processed_events').select('event_id').execute();
    expect(processed.map((p) => p.event_id)).toEqual([`command:${command.trigger_id}`]);
    const { ephemeral } = await deliver(ctx);
    expect(ephemeral.length).toBeGreaterThan(0);
    expect(ephemeral.every((c) => c.args.user === bob.id)).toBe(true);
  });

  it('/legwork help and /legwork 今天 pass the text through, in each person’s language', async () => {
    await postCommand(ctx, slashCommand(bob, '/legwork', 'help'));
    await postCommand(ctx, slashCommand(zhang, '/legwork', '今天'));
    await postCommand(ctx, slashCommand(bob, '/legwork', ''));
    const { ephemeral } = await deliver(ctx);
    const toBob = ephemeral.filter((c) => c.args.user === bob.id).map(textOf);
    const toZhang = ephemeral.filter((c) => c.args.user === zhang.id).map(textOf);
    expect(toBob.filter((t) => t.startsWith('Commands (examples):'))).toHaveLength(2);
    expect(toZhang.at(-1)).toMatch(/今天|今日/);
  });

  it('falls back to the DM when Slack cannot show an ephemeral message in that channel', async () => {
    ctx.fake.foreignChannels.add('C0ELSEWHR');
    await postCommand(ctx, slashCommand(bob, '/legwork', 'help', 'C0ELSEWHR'));
    const { posted, ephemeral } = await deliver(ctx);
    expect(ephemeral.length).toBeGreaterThan(0);
    expect(ctx.fake.callsTo('conversations.open')[0]!.args.users).toBe(bob.id);
    expect(posted.map((c) => c.args.channel)).toEqual(ephemeral.map(() => 'D0BOB0001'));
    const outbox = await ctx.h.db.selectFrom('outbox').select(['status']).execute();
    expect(outbox.every((row) => row.status === 'sent')).toBe(true);
  });

  it('ignores a signed but malformed command, storing nothing', async () => {
    const { user_id: _dropped, ...fields } = slashCommand(bob, '/checkin', 'Huawei');
    const res = await postCommand(ctx, fields);
    expect(res.status).toBe(200);
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
    expect(await countRows(ctx.h, 'users')).toBe(0);
  });
});
