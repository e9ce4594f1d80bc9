import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { housekeeping } from '../../jobs/definitions/housekeeping.ts';
import { createLogger } from '../../src/logger.ts';
import { checkIns } from '../conversation/helpers.ts';

const h = useHarness({ LOCATION_RETENTION_DAYS: '90' });
const DAY = 86_400_000;

const runHousekeeping = (locationRetentionDays = 90) =>
  housekeeping.handler(
    { db: h.current.db, clock: h.current.clock, logger: createLogger('silent'), embeddedDatabase: false, locationRetentionDays, enqueue: async () => undefined },
    {},
  ) as Promise<{ coarsenedCheckIns: number }>;

/** Every column of the check-ins, so "nothing else touched" compares whole rows. */
const rows = async () => (await h.current.db.selectFrom('check_ins').selectAll().orderBy('at').orderBy('kind').execute()).map((r) => ({ ...r }));

describe('location retention', () => {
  it('keeps exact coordinates for 89 days and coarsens them to two decimals at day 91, nothing else changed', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    // A GCJ-02 location, so the original coordinates differ from the WGS-84 ones and both are checked.
    await h.current.say('alice', '签到 华为', { location: { lat: 22.538123, lng: 113.956789, system: 'gcj02', accuracy: 35 } });
    await h.current.say('alice', '签退 见了采购');
    const before = await rows();
    expect(before).toHaveLength(2);
    expect(before[0]!.lat).not.toBe(Math.round(before[0]!.lat! * 100) / 100);

    h.current.clock.advance(89 * DAY);
    expect((await runHousekeeping()).coarsenedCheckIns).toBe(0);
    expect(await rows()).toEqual(before);

    h.current.clock.advance(2 * DAY);
    const result = await runHousekeeping();
    const after = await rows();
    expect(after.filter((r) => r.lat !== null)).toHaveLength(result.coarsenedCheckIns);
    for (const [i, row] of after.entries()) {
      const was = before[i]!;
      const two = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
      expect(row).toEqual({ ...was, lat: two(was.lat), lng: two(was.lng), original_lat: two(was.original_lat), original_lng: two(was.original_lng) });
    }
    const [checkIn] = await checkIns(h.current);
    expect(checkIn).toMatchObject({ status: 'verified', accuracy_m: 35, mocked: false, customer_name: '华为', original_system: 'gcj02' });
    expect(checkIn!.distance_m).toBe(before[0]!.distance_m);
    // A second run changes nothing more.
    expect((await runHousekeeping()).coarsenedCheckIns).toBe(0);
    expect(await rows()).toEqual(after);
  });

  it('lets an admin shorten the retention for the org from chat, never lengthen it (both languages)', async () => {
    await h.current.register('alice', 'bob');
    expect(await h.current.ask('bob', '保留位置 30天')).toContain('只有管理员');
    expect(await h.current.ask('alice', '保留位置 120天')).toBe('"120天"不是 1 到 90 之间的天数（本服务器最多保留位置 90 天）。');
    expect(await h.current.ask('alice', '保留位置 30天')).toBe('精确签到位置现在保留 30 天，之后模糊到约 1 公里。');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '签到 华为 22.541234,113.951234');
    h.current.clock.advance(29 * DAY);
    expect((await runHousekeeping()).coarsenedCheckIns).toBe(0);
    h.current.clock.advance(2 * DAY);
    expect((await runHousekeeping()).coarsenedCheckIns).toBe(1);
    const [row] = await rows();
    expect({ lat: row!.lat, lng: row!.lng }).toEqual({ lat: 22.54, lng: 113.95 });

    await h.current.say('alice', 'language en');
    expect(await h.current.ask('alice', 'location retention default')).toBe('Exact check-in locations are now kept 90 days, then coarsened to about 1 km.');
    expect(await h.current.ask('alice', 'location retention 14 days')).toBe('Exact check-in locations are now kept 14 days, then coarsened to about 1 km.');
  });
});
