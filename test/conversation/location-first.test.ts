import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

const h = useHarness();

/** WeCom's picker and the web chat's 📍 button send a location on its own, before or after the name. */
describe('a location sent on its own', () => {
  it('pairs with a customer named within 10 minutes', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const ask = await h.current.ask('alice', undefined, { location: { lat: 22.5401, lng: 113.9501 } });
    expect(ask).toContain('你在拜访哪个客户');
    expect(ask).toMatch(/1\. 华为（\d+ 米）/);
    h.current.clock.advance(5 * 60_000);
    expect(await h.current.ask('alice', '签到 华为')).toContain('已在 华为 签到 ✓');
  });

  it('lists the nearest customers first and takes a number', async () => {
    await h.current.register('bob');
    await h.current.say('bob', 'language en');
    await h.current.say('bob', 'new customer Far 22.60,113.95');
    await h.current.say('bob', 'new customer Near 22.541,113.951');
    const ask = await h.current.ask('bob', undefined, { location: { lat: 22.5405, lng: 113.9505 } });
    const lines = ask.split('\n');
    expect(lines[1]).toMatch(/^1\. Near \(\d+ m\)$/);
    expect(lines[2]).toMatch(/^2\. Far \(6\.\d km\)$/);
    expect(await h.current.ask('bob', '1')).toContain('Checked in at Near ✓ verified');
    const rows = await h.current.db.selectFrom('check_ins').select(['status']).execute();
    expect(rows).toEqual([{ status: 'verified' }]);
  });

  it('is forgotten after 10 minutes: a later check-in asks for a location again', async () => {
    await h.current.register('carol');
    await h.current.say('carol', 'language en');
    await h.current.say('carol', 'new customer Acme 37.77,-122.42');
    await h.current.say('carol', undefined, { location: { lat: 37.77, lng: -122.42 } });
    h.current.clock.advance(11 * 60_000);
    const reply = await h.current.ask('carol', 'checkin Acme');
    expect(reply).toContain('http://legwork.test/c/');
    expect(await h.current.db.selectFrom('check_ins').selectAll().execute()).toHaveLength(0);
  });

  it('waits for the location as long as the link it sent is valid (15 minutes), not longer', async () => {
    await h.current.register('dan');
    await h.current.say('dan', '新客户 腾讯 22.54,113.93');
    expect(await h.current.ask('dan', '签到 腾讯')).toContain('15 分钟内有效');
    h.current.clock.advance(14 * 60_000);
    expect(await h.current.ask('dan', undefined, { location: { lat: 22.5405, lng: 113.9305 } })).toContain('已在 腾讯 签到');

    await h.current.say('dan', '签退');
    await h.current.say('dan', '签到 腾讯');
    h.current.clock.advance(16 * 60_000);
    expect(await h.current.ask('dan', undefined, { location: { lat: 22.5405, lng: 113.9305 } })).not.toContain('已在 腾讯 签到');
  });

  it('completes a check-in that is waiting for a location', async () => {
    await h.current.register('dan');
    await h.current.say('dan', '新客户 腾讯 22.54,113.93');
    expect(await h.current.ask('dan', '签到 腾讯')).toContain('/c/');
    expect(await h.current.ask('dan', undefined, { location: { lat: 22.5405, lng: 113.9305, accuracy: 20 } })).toContain('已在 腾讯 签到 ✓');
  });
});
