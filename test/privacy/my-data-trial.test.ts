import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { useHarness } from '../support/test-app.ts';
import { userOf } from '../conversation/helpers.ts';
import { exportPersonData } from '../../src/core/privacy/export-person-data.ts';

/**
 * Found trying issue 16 end to end (task h16): the messages Legwork keeps for 30 days (replies and
 * reminders to a person's private chat in `outbox`, the local chat's conversation) were not in "my
 * data", though they are about the person and listed as stored; and a spent link's page still offered
 * a Download button that could only fail.
 */
const h = useHarness();
const exportLink = /http:\/\/legwork\.test(\/privacy\/export\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/;

describe('my data, tried end to end', () => {
  it('holds the messages sent to their private chat and the local chat conversation, their own words included', async () => {
    const s = h.current;
    await s.register('alice', 'zhang');
    await s.say('alice', '新客户 华为 22.54,113.95');
    await s.say('alice', '设置时区 Asia/Tokyo');
    await s.say('zhang', '签到 华为 22.541,113.951');
    await s.say('zhang', '签退 见了采购，对报价有兴趣');
    // In a group too: what they said there is theirs.
    await s.say('zhang', '今天', { channelId: 'east-room' });
    await s.say('zhang', '日报 今天拜访了华为');
    await s.say('alice', '点评 zhang 做得好');
    const zhang = await userOf(s, 'zhang');
    const result = await exportPersonData({ db: s.db, now: s.clock.now() }, { userId: zhang.id });
    const files = unzipSync(result.zip);
    const data = JSON.parse(strFromU8(files['legwork-data.json']!)) as { kinds: Record<string, Record<string, unknown>[]> };
    const toMe = JSON.stringify(data.kinds['messages-to-me']);
    expect(toMe).toContain('已在 华为 签到');
    expect(toMe).toContain('已从 华为 签退');
    const chat = JSON.stringify(data.kinds['chat-messages']);
    expect(chat).toContain('签退 见了采购，对报价有兴趣');
    expect(chat).toContain('east-room');
    // Not alice's conversation.
    expect(chat).not.toContain('Asia/Tokyo');
    expect(strFromU8(files['messages-to-me.csv']!)).toContain('签到');
    expect(strFromU8(files['chat-messages.csv']!)).toContain('签退 见了采购');
    // A manager's reply to their report is under a name that says so (it was "comments-subject_user_id").
    expect(JSON.stringify(data.kinds['replies-to-me'])).toContain('做得好');
    expect(Object.keys(files).filter((f) => /_/.test(f))).toEqual([]);
  });

  it('a spent link shows that it was used, with no Download button', async () => {
    const s = h.current;
    await s.register('alice', 'zhang');
    const path = exportLink.exec(await s.ask('zhang', '我的数据'))![1]!;
    expect(await (await s.app.http.request(path)).text()).toContain('<button');
    expect((await s.app.http.request(path, { method: 'POST' })).status).toBe(200);
    // In the person's language, whatever the browser says.
    const again = await s.app.http.request(path, { headers: { 'accept-language': 'en-US' } });
    expect(again.status).toBe(410);
    const page = await again.text();
    expect(page).not.toContain('<button');
    expect(page).toContain('我的数据');
  });
});
