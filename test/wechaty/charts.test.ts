import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWechatyAdapter, type WechatyAdapter } from '../../bots/wechaty/index.ts';
import { createDeliveryLoop, type DeliveryLoop } from '../../jobs/deliver/delivery-loop.ts';
import { createLogger } from '../../src/logger.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { createChartImages } from '../../src/charts/chart-store.ts';
import { createHarness, type TestHarness } from '../support/test-app.ts';
import { postWithChart, storeSampleChart } from '../support/charts.ts';
import { createMockWorld, until } from './support/mock-world.ts';

let h: TestHarness;
let adapter: WechatyAdapter;
let delivery: DeliveryLoop;
const world = createMockWorld();

beforeAll(async () => {
  h = await createHarness();
  const charts = createChartImages({ db: h.db, clock: h.clock, secret: 'test-secret', publicUrl: 'http://legwork.test' });
  adapter = await createWechatyAdapter({ puppet: 'wechaty-puppet-mock' }, { engine: h.app.engine, clock: h.clock, logger: createLogger('silent'), charts }, { puppet: world.puppet });
  delivery = createDeliveryLoop({ db: h.db, clock: h.clock, logger: createLogger('silent'), adapters: new Map([['wechaty', adapter]]) });
  await adapter.start();
}, 180_000);

afterAll(async () => {
  await adapter?.stop();
  await h?.app.stop();
});

describe('Wechaty charts (issue 18)', () => {
  it('says the text, then the chart as a FileBox image in the room', async () => {
    const { mocker, puppet } = world;
    const botUser = mocker.createContact({ name: 'Legwork' });
    const rep = mocker.createContact({ name: '小王' });
    const room = mocker.createRoom({ id: 'board@chatroom', topic: '华东销售', memberIdList: [botUser.id, rep.id] });
    mocker.login(botUser);
    await until('login', () => adapter.bot.isLoggedIn);
    const chart = await storeSampleChart(h.db, h.clock.now());
    await enqueueMessages(h.db, [{ orgId: null, targetRef: `wechaty:room:${room.id}`, message: postWithChart(chart) }], h.clock.now());
    await delivery.drainOnce();
    const text = await until('the text', () => puppet.said.find((s) => s.conversationId === room.id));
    expect(text.text).toContain('张伟：30 分');
    const [file] = await until('the picture', () => (puppet.files.length ? puppet.files : undefined));
    expect(file).toMatchObject({ conversationId: room.id, name: 'chart.png', mediaType: 'image/png' });
    expect(file!.bytes.equals(chart.png)).toBe(true);
  });
});
