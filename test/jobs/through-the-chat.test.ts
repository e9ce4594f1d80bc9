import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

/**
 * The scheduler as wired into the whole service (buildApp, in-process runner) with people, teams and
 * reports made through the local chat, and scheduled messages read back from the local inboxes.
 * 2026-11-27 is a Friday; everyone is in Asia/Shanghai (UTC+8), the default zone.
 */
const h = useHarness();

async function at(instant: string) {
  h.current.clock.set(instant);
  await h.current.app.scheduler.runDueNow();
  await h.current.app.delivery.drainOnce();
}

describe('scheduled messages through the running service', () => {
  it('reminds a rep who registered in chat, posts the board to the bound group and sends the digest', async () => {
    const s = h.current;
    await s.register('boss', 'ann', 'ben');
    await s.say('boss', 'team create East');
    await s.say('boss', 'joining open');
    await s.say('ann', 'join East');
    await s.say('ben', 'join East');
    await s.say('boss', 'bind East', { channelId: 'east-group' });
    await s.newMessages('/local/inbox/ann');
    await s.newMessages('/local/inbox/boss');
    await s.newMessages('/local/channels/east-group');

    await at('2026-11-27T09:00:00Z'); // Friday 17:00: the weekly board
    const board = await s.newMessages('/local/channels/east-group');
    expect(board).toHaveLength(1);
    expect(board[0]!.text).toContain('East 周排行榜（2026-11-23 至 2026-11-29）');
    // Ben joined in the 10 minutes after Ann's alert went: the manager heard of him on the next pass.
    expect((await s.newMessages('/local/inbox/boss')).map((m) => m.text)).toEqual([expect.stringMatching(/^提醒：ben 10:00 加入了你的团队"East"/u)]);

    await at('2026-11-27T10:00:00Z'); // 18:00: report reminders
    expect((await s.newMessages('/local/inbox/ann')).map((m) => m.text)).toEqual([expect.stringContaining('2026-11-27 的日报还没交')]);
    s.clock.set('2026-11-27T10:30:00Z');
    await s.say('ann', '日报 拜访了三家客户');
    await s.newMessages('/local/inbox/ann');

    await at('2026-11-27T11:00:00Z'); // 19:00: follow-up (Ben only) and the manager's digest
    expect(await s.newMessages('/local/inbox/ann')).toEqual([]);
    expect((await s.newMessages('/local/inbox/ben')).map((m) => m.text).at(-1)).toContain('还没交（截止 20:00）');
    const digest = await s.newMessages('/local/inbox/boss');
    expect(digest).toHaveLength(1);
    expect(digest[0]!.text.split('\n').slice(0, 3)).toEqual(['每日简报（2026-11-27）', '', 'East：2 人，拜访 0 次（有效 0，范围外 0）；日报已交 1、迟交 0、未交 1']);

    const ready = await (await s.app.http.request('/readyz')).json();
    expect(ready.checks.queue).toMatchObject({ ok: true });
  });
});
