import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { buildApp } from '../../src/app/build-app.ts';
import { TestHarness, testStart } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { checkIns, visits } from './helpers.ts';

/** A clock that moves on by a millisecond each time it is read, like the real one under load. */
class TickingClock extends ManualClock {
  override now(): Date {
    const instant = super.now();
    this.advance(1);
    return instant;
  }
}

/**
 * Issue #12 defect 8: one message is one instant. Checking in at B while a visit at A is open ends
 * A at exactly the time B starts, however often the clock is read during the turn.
 */
describe('one instant per turn', () => {
  let h: TestHarness;
  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://legwork.test' });
    const clock = new TickingClock(testStart);
    const app = await buildApp(config, { logger: createLogger('silent'), clock, database: await createTestDatabase() });
    h = new TestHarness(app, clock);
  });
  afterAll(async () => {
    await h.app.stop();
    await h.app.database.close();
  });

  it('closes the visit at A at the instant the check-in at B opens the next one', async () => {
    await h.register('alice');
    await h.say('alice', '新客户 华为 22.54,113.95');
    await h.say('alice', '新客户 小米 22.55,113.96');
    await h.say('alice', '签到 华为 22.54,113.95');
    await h.say('alice', '签到 小米 22.55,113.96');

    const [atHuawei, atXiaomi] = await visits(h);
    expect(atHuawei!.customer_name).toBe('华为');
    expect(atXiaomi!.customer_name).toBe('小米');
    expect(new Date(atHuawei!.ended_at!).getTime()).toBe(new Date(atXiaomi!.started_at).getTime());

    const [checkOut] = await checkIns(h, 'out');
    const xiaomiIn = (await checkIns(h, 'in')).find((row) => row.customer_name === '小米')!;
    expect(new Date(checkOut!.at).getTime()).toBe(new Date(xiaomiIn.at).getTime());
  });
});
