import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { weComSendRecords } from '../../src/db/send-records.ts';
import { createDeliveryLoop } from '../../jobs/deliver/delivery-loop.ts';
import { createWeComAdapter } from '../../bots/wecom/index.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import { FakeQyapi } from './support/fake-qyapi.ts';
import { agentId, secret, vector, wecomEnv } from './support/callbacks.ts';

/**
 * The Node side of the durable send records (src/db/send-records.ts): a process that restarts
 * between two tries of a long group robot post, or two processes sending through one robot, see
 * the same record as the Worker's invocations do (test/workers/wecom-send-records.workers.test.ts).
 */
describe('WeCom send records in the database (Node)', () => {
  let database: DatabaseHandle;
  let fake: FakeQyapi;
  const clock = new ManualClock(new Date('2026-11-27T02:00:00Z'));
  const logger = createLogger('silent');
  const robot = 'wecom:webhook:robot-key-node-0123';

  beforeAll(async () => {
    fake = new FakeQyapi({ corpId: vector.corpId, secret, agentId });
    await fake.start();
    database = await createTestDatabase();
  }, 180_000);
  beforeEach(async () => {
    await resetDatabase(database);
    fake.reset();
    clock.set('2026-11-27T02:00:00Z');
  });
  afterAll(async () => {
    await fake.stop();
    await database?.close();
  });

  /** One "process": its own adapter and delivery loop, nothing in memory shared with another. */
  function process() {
    const config = loadConfig(wecomEnv(fake.url)).wecom!;
    const engine = { handle: async () => { throw new Error('not used'); } } as never;
    const adapter = createWeComAdapter(config, { engine, clock, logger, ...weComSendRecords(database.db, clock) });
    return createDeliveryLoop({ db: database.db, clock, logger, adapters: new Map([['wecom', adapter]]) });
  }
  const robotSends = () => fake.callsTo('/cgi-bin/webhook/send').map((c) => (c.body!.markdown as { content: string }).content);

  it('a process restarted between tries sends only the parts of a long post not yet delivered', async () => {
    const lines = Array.from({ length: 11 }, (_, i) => `${String(i).padStart(2, '0')} ${'拜访记录'.repeat(83)}`);
    await enqueueMessages(database.db, [{ orgId: null, targetRef: robot, message: { text: lines.join('\n') } }], clock.now());
    fake.script('/cgi-bin/webhook/send', { errcode: 0, errmsg: 'ok' }, { errcode: -1, errmsg: 'system busy' });
    await process().drainOnce();
    expect(robotSends()).toHaveLength(2);

    clock.advance(60_000);
    await process().drainOnce();
    const sent = robotSends();
    expect(sent).toHaveLength(4);
    expect(sent[2]).toBe(sent[1]);
    expect(sent.filter((c) => c.includes(lines[0]!))).toHaveLength(1);
    expect(sent.filter((c) => c.includes(lines[10]!))).toHaveLength(1);
  });

  it('two processes share one robot’s 20 messages a minute', async () => {
    await enqueueMessages(database.db, Array.from({ length: 15 }, (_, i) => ({ orgId: null, targetRef: robot, message: { text: `a ${i}` } })), clock.now());
    await process().drainOnce();
    clock.advance(5_000);
    await enqueueMessages(database.db, Array.from({ length: 10 }, (_, i) => ({ orgId: null, targetRef: robot, message: { text: `b ${i}` } })), clock.now());
    const result = await process().drainOnce();
    expect(robotSends()).toHaveLength(20);
    expect(result).toMatchObject({ sent: 5, retried: 1 });
  });
});
