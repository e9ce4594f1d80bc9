import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, locationLink, registerInEnglish } from './helpers.ts';

const h = useHarness();

const huawei = { lat: 22.54, lng: 113.95 };

/** Everything the bot delivered to a local group channel, as text (not only what is new). */
async function channelTranscript(channelId: string): Promise<string> {
  await h.current.app.delivery.drainOnce();
  const res = await h.current.app.http.request(`/local/channels/${channelId}`);
  return ((await res.json()) as { text: string; actions?: { url: string }[] }[]).map((m) => JSON.stringify(m)).join('\n');
}

async function inbox(user: string): Promise<string[]> {
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${user}`)).map((m) => m.text);
}

describe('a personal link asked for in a group goes to the person privately', () => {
  it('签到 华为 in a group: the link reaches alice’s own chat, the group only hears that it was sent privately', async () => {
    await h.current.register('alice', 'bob');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await inbox('alice');

    const inGroup = await h.current.say('alice', '@Legwork 签到 华为', { channelId: 'east' });
    expect(inGroup).toEqual(['alice，后续内容已私信发给你（仅限你本人使用）。']);
    expect(await channelTranscript('east')).not.toMatch(/\/c\//);

    const privately = await inbox('alice');
    expect(privately).toEqual([expect.stringContaining('在 华为 签到需要你的位置')]);
    const token = locationLink.exec(privately[0]!)?.[1];
    expect(token).toBeTruthy();

    // The result of using the link comes back privately too, never into the group.
    const res = await h.current.app.http.request(`/c/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...huawei, accuracy: 10 }),
    });
    expect(res.status).toBe(200);
    expect(await inbox('alice')).toEqual([expect.stringContaining('已在 华为 签到 ✓')]);
    expect(await channelTranscript('east')).not.toContain('已在 华为 签到');
    expect(await countRows(h.current, 'check_ins')).toBe(1);
  });

  it('in English for an English speaker, and a location sent to the private chat completes the check-in', async () => {
    await registerInEnglish(h.current, 'bob');
    await h.current.say('bob', 'new customer Huawei 22.54,113.95');
    await inbox('bob');

    expect(await h.current.say('bob', 'checkin Huawei', { channelId: 'east' })).toEqual([
      'bob, I sent you the rest in a private chat: it is for you alone.',
    ]);
    expect(await channelTranscript('east')).not.toMatch(/\/c\//);
    expect(await inbox('bob')).toEqual([expect.stringContaining('To check in at Huawei, share your location: open http://legwork.test/c/')]);

    expect(await h.current.ask('bob', undefined, { location: huawei })).toContain('Checked in at Huawei ✓ verified');
  });

  it('checkout without notes in a group: the question about the visit is asked privately and answered there', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '签到 华为 22.54,113.95');

    const inGroup = await h.current.say('alice', '签退', { channelId: 'east' });
    expect(inGroup[0]).toContain('已从 华为 签退');
    expect(inGroup.at(-1)).toBe('alice，后续内容已私信发给你（仅限你本人使用）。');
    expect(await inbox('alice')).toEqual([expect.stringContaining('拜访情况')]);
    expect(await h.current.ask('alice', '客户很满意，下周报价')).toBe('已保存 华为 的拜访备注。');
    const visit = await h.current.db.selectFrom('visits').select('notes').executeTakeFirstOrThrow();
    expect(visit.notes).toBe('客户很满意，下周报价');
  });

  it('in a direct chat nothing changes: the link is the reply', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    expect(await h.current.ask('alice', '签到 华为')).toMatch(locationLink);
  });
});
