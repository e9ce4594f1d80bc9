import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWechatyAdapter, type WechatyAdapter } from '../../bots/wechaty/index.ts';
import { createDeliveryLoop, type DeliveryLoop } from '../../jobs/deliver/delivery-loop.ts';
import { createLogger } from '../../src/logger.ts';
import { wgs84ToGcj02 } from '../../src/geo/index.ts';
import { createHarness, type TestHarness } from '../support/test-app.ts';
import { createMockWorld, until } from './support/mock-world.ts';

/**
 * The Wechaty transport driven by wechaty-puppet-mock: contacts and a room (ids with '@', as the
 * puppet protocol expects), messages said by mock contacts, and a puppet that reports our test
 * locations. The engine, database and outbox delivery are the real ones.
 */
let h: TestHarness;
let adapter: WechatyAdapter;
let delivery: DeliveryLoop;
const world = createMockWorld();

beforeAll(async () => {
  h = await createHarness();
  adapter = await createWechatyAdapter({ puppet: 'wechaty-puppet-mock' }, { engine: h.app.engine, clock: h.clock, logger: createLogger('silent') }, { puppet: world.puppet });
  // The harness's own delivery loop only knows the adapters built from config; this one sends Wechaty refs.
  delivery = createDeliveryLoop({ db: h.db, clock: h.clock, logger: createLogger('silent'), adapters: new Map([['wechaty', adapter]]) });
  await adapter.start();
}, 180_000); // a fresh PGlite database plus wechaty's import: slow on a loaded 2-core machine

afterAll(async () => {
  await adapter?.stop();
  await h?.app.stop();
});

async function handled(count: number): Promise<void> {
  await until(`${count} handled messages`, async () => (await h.db.selectFrom('processed_events').select('event_id').execute()).length >= count);
  await adapter.settled();
}

describe('Wechaty transport (wechaty-puppet-mock)', () => {
  it('checks a rep in from a room: @bot 签到 华为 (the link comes 1:1), then a location message → verified', async () => {
    const { mocker, puppet } = world;
    const botUser = mocker.createContact({ name: 'Legwork' });
    const rep = mocker.createContact({ name: '小王' });
    const stranger = mocker.createContact({ name: '路人' });
    const room = mocker.createRoom({ id: 'east-sales@chatroom', topic: '华东销售', memberIdList: [botUser.id, rep.id, stranger.id] });
    mocker.login(botUser);
    await until('login', () => adapter.bot.isLoggedIn);

    // 1:1 first: the rep registers and adds the customer.
    rep.say('新客户 华为 22.54,113.95').to(botUser);
    await handled(1);

    // In the room: chatter without an @mention is not for us; the @mention is stripped.
    rep.say('大家早上好').to(room);
    rep.say('@Legwork 签到 华为', [botUser]).to(room);
    await handled(2);
    await delivery.drainOnce();
    // The personal, single-use link goes to the rep 1:1; the room only hears that it was sent privately.
    const notice = await until('the notice in the room', () => puppet.said.find((s) => s.conversationId === room.id));
    expect(notice.text).toBe('小王，后续内容已私信发给你（仅限你本人使用）。');
    const link = await until('the location link 1:1', () => puppet.said.find((s) => s.conversationId === rep.id && s.text.includes('/c/')));
    expect(link.text).toContain('在 华为 签到需要你的位置：打开 http://legwork.test/c/');
    expect(puppet.said.filter((s) => s.conversationId === room.id).map((s) => s.text).join('\n')).not.toContain('/c/');

    // A stranger's location in the room is not a check-in attempt; the rep's is (GCJ-02, as WeChat gives it).
    const near = wgs84ToGcj02({ lat: 22.5404, lng: 113.9504 });
    world.shareLocation(stranger.id, room.id, { latitude: near.lat, longitude: near.lng, accuracy: 30, name: '华为', address: '深圳' });
    world.shareLocation(rep.id, room.id, { latitude: near.lat, longitude: near.lng, accuracy: 25, name: '华为基地', address: '深圳市龙岗区' });
    await handled(3);
    await delivery.drainOnce();

    const done = await until('the check-in reply', () => puppet.said.find((s) => s.conversationId === room.id && s.text.includes('已在 华为 签到 ✓')));
    expect(done.text).toContain('✓');
    const rows = await h.db.selectFrom('check_ins').select(['status', 'original_system', 'accuracy_m']).execute();
    expect(rows).toEqual([{ status: 'verified', original_system: 'gcj02', accuracy_m: 25 }]);

    // Only the rep's messages became events: no chatter, no stranger, none of the bot's own replies.
    const events = await h.db.selectFrom('processed_events').select('platform').execute();
    expect(events).toHaveLength(3);
    const identities = await h.db.selectFrom('identities').select(['platform', 'external_id', 'direct_ref']).execute();
    expect(identities).toEqual([{ platform: 'wechaty', external_id: rep.id, direct_ref: `wechaty:contact:${rep.id}` }]);
    // The 1:1 replies went to the rep's contact.
    expect(puppet.said.some((s) => s.conversationId === rep.id)).toBe(true);
  });

  it('answers a picture sent 1:1 with what Legwork understands; a picture in a room is the group’s own', async () => {
    const { mocker, puppet } = world;
    const botId = adapter.bot.currentUser.id;
    const rep = mocker.createContact({ name: '小李' });
    const room = mocker.createRoom({ id: 'photos@chatroom', topic: '现场照片', memberIdList: [botId, rep.id] });
    const before = (await h.db.selectFrom('processed_events').select('event_id').execute()).length;

    world.shareImage(rep.id, { roomId: room.id });
    world.shareImage(rep.id, { listenerId: botId });
    await handled(before + 1);
    await delivery.drainOnce();
    const answer = await until('the answer to the picture', () => puppet.said.find((s) => s.conversationId === rep.id && s.text.includes('图片')));
    expect(answer.text).toContain('暂时还看不懂图片、文件、语音、视频和链接。');
    expect(puppet.said.some((s) => s.conversationId === room.id)).toBe(false);
    expect((await h.db.selectFrom('processed_events').select('event_id').execute()).length).toBe(before + 1);
  });
});

describe('lazy loading', () => {
  const run = promisify(execFile);
  const loaded = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/wechaty/support/list-loaded-modules.ts', 'src/app/platform-adapters.ts', ...args], {
      cwd: process.cwd(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return (JSON.parse(stdout) as string[]).filter((url) => url.includes('/node_modules/wechaty/'));
  };

  it('does not load wechaty unless WECHATY_PUPPET is set', async () => {
    expect(await loaded()).toEqual([]);
    // The same probe sees it once Wechaty is configured, so the empty list above means something.
    expect((await loaded('--enable-wechaty')).length).toBeGreaterThan(0);
  }, 120_000);
});
