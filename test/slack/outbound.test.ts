import { describe, expect, it } from 'vitest';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';
import { bigDailyDigest, sampleLeaderboard } from '../support/sample-reports.ts';
import { bob, deliver, directMessage, ids, postEvent, textOf, useSlack, zhang } from './support.ts';

const ctx = useSlack();

/** Queues a message as a scheduled job does (leaderboards, digests, reminders): straight into the outbox. */
async function enqueue(targetRef: string, message: OutboundMessage, dedupeKey?: string): Promise<void> {
  await enqueueMessages(ctx.h.db, [{ orgId: null, targetRef, message, ...(dedupeKey ? { dedupeKey } : {}) }], ctx.h.clock.now());
}

async function outboxRows() {
  return ctx.h.db.selectFrom('outbox').select(['target_ref', 'status', 'attempts', 'last_error']).orderBy('created_at').execute();
}

describe('Slack delivery', () => {
  it('holds a rate-limited message for Retry-After without stalling other conversations', async () => {
    await postEvent(ctx, directMessage(bob, 'help'));
    await deliver(ctx);

    ctx.fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    await postEvent(ctx, directMessage(bob, 'today'));
    const first = await deliver(ctx);
    expect(first.posted).toHaveLength(1); // the attempt that got the 429
    const [limited] = (await outboxRows()).filter((r) => r.status === 'pending');
    expect(limited).toMatchObject({ target_ref: 'slack:channel:D0BOB0001', attempts: 0 });
    expect(limited!.last_error).toContain('RateLimitedError');

    // Someone else's conversation goes out meanwhile.
    await postEvent(ctx, directMessage(zhang, '帮助'));
    const other = await deliver(ctx);
    expect(other.posted.map((c) => c.args.channel)).toEqual(['D0ZHANG01', 'D0ZHANG01']);

    ctx.h.clock.advance(29_000);
    expect((await deliver(ctx)).posted).toHaveLength(0);
    ctx.h.clock.advance(2_000);
    const later = await deliver(ctx);
    expect(later.posted.map((c) => c.args.channel)).toEqual(['D0BOB0001']);
    expect(textOf(later.posted[0]!)).toContain('Today');
    expect((await outboxRows()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('posts a scheduled message to a bound channel with Block Kit and a full text fallback, once', async () => {
    const message: OutboundMessage = {
      title: 'Leaderboard — week 48',
      text: '1. 张伟 12 pts\n2. Bob 9 pts <3 & rising',
      actions: [{ label: 'Open dashboard', url: 'https://legwork.test/dash?team=1&week=48' }],
    };
    await enqueue(`slack:channel:${ids.channel}`, message, 'leaderboard-team1-2026-W48');
    await enqueue(`slack:channel:${ids.channel}`, message, 'leaderboard-team1-2026-W48');
    const { posted } = await deliver(ctx);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.args.channel).toBe(ids.channel);
    expect(posted[0]!.args.text).toBe('Leaderboard — week 48\n\n1. 张伟 12 pts\n2. Bob 9 pts &lt;3 &amp; rising');
    expect(posted[0]!.args.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Leaderboard — week 48', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '1. 张伟 12 pts\n2. Bob 9 pts &lt;3 &amp; rising' } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'legwork_link_0', text: { type: 'plain_text', text: 'Open dashboard', emoji: true }, url: 'https://legwork.test/dash?team=1&week=48', style: 'primary' },
        ],
      },
    ]);
  });

  it('reaches a person’s DM from their direct ref (digests, reminders), opening the DM once per process', async () => {
    await enqueue(`slack:user:${zhang.id}`, { text: '提醒：今天的日报还没有提交。' });
    await enqueue(`slack:user:${zhang.id}`, { text: '第二条' });
    const { posted } = await deliver(ctx);
    expect(posted.map((c) => c.args.channel)).toEqual(['D0ZHANG01', 'D0ZHANG01']);
    await enqueue(`slack:user:${zhang.id}`, { text: '第三条' });
    await deliver(ctx);
    expect(ctx.fake.callsTo('conversations.open').map((c) => c.args.users)).toEqual([zhang.id]);
  });

  it('splits long text into sections within Block Kit limits', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}. ${'拜访记录'.repeat(10)}`);
    await enqueue(`slack:channel:${ids.channel}`, { text: lines.join('\n') });
    const { posted } = await deliver(ctx);
    const sections = posted[0]!.args.blocks.filter((b: any) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.every((s: any) => s.text.text.length <= 3000)).toBe(true);
    expect(sections.map((s: any) => s.text.text).join('\n')).toBe(lines.join('\n'));
  });

  it('posts a manager’s digest and a team leaderboard as native Block Kit, cut to Slack’s limits with a note', async () => {
    const digest = bigDailyDigest(20); // 40 reps: more than Slack takes in one message
    await enqueue(`slack:user:${zhang.id}`, digest, 'digest:daily:mgr:2026-10-30');
    await enqueue(`slack:channel:${ids.channel}`, sampleLeaderboard(), 'leaderboard:week:east:2026-10-26');
    const { posted } = await deliver(ctx);
    expect(posted).toHaveLength(2);

    const dm = posted.find((c) => c.args.channel === 'D0ZHANG01')!;
    const blocks: any[] = dm.args.blocks;
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Daily digest for 2026-10-30', emoji: true } });
    expect(blocks[1].text.text.split('\n')[0]).toBe('*East: 20 reps, 60 visits (40 verified, 20 outside); reports 6 in, 7 late, 7 missing*');
    expect(blocks[1].text.text).toContain('send the revised quote &amp; &lt;pricing&gt;');
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.filter((b) => b.type === 'section').every((b) => b.text.text.length <= 3000)).toBe(true);
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: expect.stringMatching(/^…and \d+ more lines that did not fit in one message\.$/) }] });
    // The notification text is the whole digest, title once.
    expect(textOf(dm)).toBe(digest.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));

    const board = posted.find((c) => c.args.channel === ids.channel)!;
    expect(board.args.blocks.map((b: any) => b.type)).toEqual(['header', 'section', 'divider', 'section']);
    expect(board.args.blocks[0].text.text).toBe('East leaderboard, week of 2026-10-26 to 2026-11-01');
    expect(board.args.blocks[3].text.text).toBe('Team total: 114 pts from 10 verified visits (14 check-in visits, 4 reps).');
    expect(textOf(board).split('\n')[3]).toBe('=2. Ben — 29 pts (3 verified visits, 1 with a next step, 4 reports on time) ↓1');
  });

  it('keeps a message whose token is rejected for later, and fails one that can never be delivered', async () => {
    ctx.fake.failNext('chat.postMessage', { error: 'invalid_auth' });
    await enqueue(`slack:channel:${ids.channel}`, { text: 'auth problem' });
    await deliver(ctx);
    expect(await outboxRows()).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, last_error: expect.stringContaining('AuthFailedError') })]);

    ctx.fake.foreignChannels.add('C0ARCHIVED');
    await enqueue('slack:channel:C0ARCHIVED', { text: 'nobody home' });
    await enqueue('slack:bogus:X', { text: 'not a ref we issue' });
    await deliver(ctx);
    const rows = await outboxRows();
    expect(rows.find((r) => r.target_ref === 'slack:channel:C0ARCHIVED')).toMatchObject({ status: 'failed', last_error: expect.stringContaining('not_in_channel') });
    expect(rows.find((r) => r.target_ref === 'slack:bogus:X')).toMatchObject({ status: 'failed' });
  });
});
