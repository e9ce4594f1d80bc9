import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { haversineMeters, wgs84ToGcj02 } from '../../src/geo/index.ts';
import { checkIns, countRows, locationLink, minutes, registerInEnglish, visits } from './helpers.ts';

const h = useHarness();

/** 华为 / Huawei's position in these tests (WGS-84, Shenzhen). */
const huawei = { lat: 22.54, lng: 113.95 };

describe('check-in through the local chat', () => {
  it('verifies a check-in within the radius, in Chinese', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const reply = await h.current.ask('alice', '签到 华为 22.541,113.951');
    expect(reply).toContain('已在 华为 签到 ✓');
    expect(reply).toContain('距客户 151 米');
    expect(reply).toContain('离开时发送"签退 <备注>"');
    const [row] = await checkIns(h.current);
    expect(row).toMatchObject({ customer_name: '华为', status: 'verified', original_system: 'wgs84', radius_m: 500 });
    expect(row!.distance_m).toBeCloseTo(151.4, 0);
    const [visit] = await visits(h.current);
    expect(visit).toMatchObject({ source: 'check_in', ended_at: null });
  });

  it('verifies a check-in within the radius, in English', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    const reply = await h.current.ask('alice', 'checkin Huawei 22.541,113.951');
    expect(reply).toContain('Checked in at Huawei ✓ verified (151 m from the customer).');
    expect(reply).toContain('When you leave, send "checkout <notes>".');
    expect((await checkIns(h.current))[0]?.status).toBe('verified');
  });

  it('checks in outside the radius and says how far away the rep is', async () => {
    await h.current.register('alice', 'bob');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await registerInEnglish(h.current, 'bob');

    const zh = await h.current.ask('alice', '签到 华为 22.55,113.95');
    expect(zh).toContain('已在 华为 签到，但你距客户 1.1 公里，超出 500 米范围');
    const en = await h.current.ask('bob', 'checkin 华为 22.55,113.95');
    expect(en).toContain('Checked in at 华为, but you are 1.1 km away: outside the 500 m radius.');

    const rows = await checkIns(h.current);
    expect(rows.map((r) => r.status)).toEqual(['outside', 'outside']);
    expect(rows[0]!.distance_m).toBeCloseTo(1112, -1);
  });

  it('records an unverified check-in at a customer without a position', async () => {
    await h.current.register('alice', 'bob');
    await h.current.say('alice', '新客户 小米');
    await registerInEnglish(h.current, 'bob');

    expect(await h.current.ask('alice', '签到 小米 22.54,113.95')).toContain('已在 小米 签到（未核实：客户还没有位置，无法比对）。');
    expect(await h.current.ask('bob', 'checkin 小米 22.54,113.95')).toContain(
      "Checked in at 小米 (unverified: the customer has no position yet, so I can't compare).",
    );
    const rows = await checkIns(h.current);
    expect(rows.map((r) => [r.status, r.distance_m])).toEqual([
      ['unverified', null],
      ['unverified', null],
    ]);
    // The rep's position is still kept, so a manager can look at it later.
    expect(rows[0]).toMatchObject({ lat: 22.54, lng: 113.95 });
  });

  it('uses the location attached to the message', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const reply = await h.current.ask('alice', '签到 华为', { location: { lat: 22.5405, lng: 113.9505 } });
    expect(reply).toContain('已在 华为 签到 ✓ 位置已核实');
    expect(await countRows(h.current, 'check_ins')).toBe(1);
  });
});

describe('check-in without a location', () => {
  it('sends the location link, and a location within 10 minutes completes the check-in (Chinese)', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');

    const ask = await h.current.ask('alice', '签到 华为');
    expect(ask).toMatch(locationLink);
    expect(ask).toContain('在 华为 签到需要你的位置');
    expect(ask).toContain('15 分钟内有效，仅限一次');
    expect(await countRows(h.current, 'check_ins')).toBe(0);

    h.current.clock.advance(minutes(9));
    const done = await h.current.ask('alice', undefined, { location: { lat: 22.5401, lng: 113.9501 } });
    expect(done).toContain('已在 华为 签到 ✓ 位置已核实');
    const rows = await checkIns(h.current);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customer_name: '华为', status: 'verified' });
    expect(new Date(rows[0]!.at).toISOString()).toBe('2026-11-27T02:09:00.000Z');

    // The question is answered: another bare location does not check in again by itself.
    expect(await h.current.ask('alice', undefined, { location: huawei })).not.toContain('签到 ✓');
    expect(await countRows(h.current, 'check_ins')).toBe(1);
  });

  it('sends the location link in English, and a location after the link expired (15 minutes) does not check in', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');

    const ask = await h.current.ask('alice', 'checkin Huawei');
    expect(ask).toContain('To check in at Huawei, share your location: open http://legwork.test/c/');
    expect(ask).toMatch(locationLink);

    h.current.clock.advance(minutes(15) + 1000);
    const late = await h.current.ask('alice', undefined, { location: huawei });
    expect(late).not.toContain('Checked in');
    expect(await countRows(h.current, 'check_ins')).toBe(0);
    expect(await countRows(h.current, 'visits')).toBe(0);
  });

  it('answers a bare location after the link expired in Chinese too', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    expect(await h.current.ask('alice', '签到 华为')).toMatch(locationLink);
    h.current.clock.advance(minutes(16));
    expect(await h.current.ask('alice', undefined, { location: huawei })).not.toContain('签到 ✓');
    expect(await countRows(h.current, 'check_ins')).toBe(0);
    expect(await countRows(h.current, 'visits')).toBe(0);
  });

  it('issues a different single-use token for each request', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const first = locationLink.exec(await h.current.ask('alice', '签到 华为'))?.[1];
    const second = locationLink.exec(await h.current.ask('alice', '签到 华为'))?.[1];
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(first).not.toBe(second);
  });
});

describe('coordinate systems and accuracy', () => {
  const gcj = wgs84ToGcj02(huawei);

  it('converts a GCJ-02 location to WGS-84 before comparing it with the customer', async () => {
    // The test itself relies on the two datums being far apart here.
    expect(haversineMeters(huawei, gcj)).toBeGreaterThan(500);
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');

    const reply = await h.current.ask('alice', '签到 华为', { location: { ...gcj, system: 'gcj02' } });
    expect(reply).toContain('已在 华为 签到 ✓ 位置已核实（距客户 0 米）');
    const [row] = await checkIns(h.current);
    expect(row).toMatchObject({ status: 'verified', original_system: 'gcj02', original_lat: gcj.lat, original_lng: gcj.lng });
    expect(row!.lat).toBeCloseTo(huawei.lat, 6);
    expect(row!.lng).toBeCloseTo(huawei.lng, 6);
    expect(row!.distance_m).toBeLessThan(1);
  });

  it('treats the same numbers as WGS-84 when they are sent as WGS-84: about 600 m off', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    const reply = await h.current.ask('alice', 'checkin Huawei', { location: { ...gcj, system: 'wgs84' } });
    expect(reply).toContain('Checked in at Huawei, but you are 603 m away: outside the 500 m radius.');
    expect((await checkIns(h.current))[0]?.status).toBe('outside');
  });

  it('does not verify a location whose accuracy is worse than the radius, and says why', async () => {
    await h.current.register('alice', 'bob');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await registerInEnglish(h.current, 'bob');

    // At the customer's very door, but the fix could be anywhere within 800 m / 1.5 km: not verified.
    const zh = await h.current.ask('alice', '签到 华为', { location: { ...huawei, accuracy: 800 } });
    expect(zh).not.toContain('✓');
    expect(zh).toContain('已在 华为 签到（未核实：你的定位精度只有 800 米，比 500 米的范围还大，无法证明你在现场）');
    const en = await h.current.ask('bob', 'checkin 华为', { location: { ...huawei, accuracy: 1500 } });
    expect(en).not.toContain('verified (');
    expect(en).toContain('Checked in at 华为 (unverified: your location is only accurate to 1.5 km, wider than the 500 m radius');

    const rows = await checkIns(h.current);
    expect(rows.map((r) => [r.accuracy_m, r.accuracy_flagged, r.status])).toEqual([
      [800, true, 'unverified'],
      [1500, true, 'unverified'],
    ]);
    // Today's summary counts them as unverified too.
    expect(await h.current.ask('alice', '今天')).not.toContain('已核实');
  });

  it('does not flag a good accuracy', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const reply = await h.current.ask('alice', '签到 华为', { location: { ...huawei, accuracy: 30 } });
    expect(reply).not.toContain('定位精度');
    expect((await checkIns(h.current))[0]).toMatchObject({ accuracy_m: 30, accuracy_flagged: false });
  });
});

describe('one open visit at a time', () => {
  it('closes the open visit when the rep checks in elsewhere (Chinese)', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '新客户 腾讯 22.54,113.93');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    h.current.clock.advance(minutes(30));

    const reply = await h.current.ask('alice', '签到 腾讯 22.54,113.93');
    expect(reply).toContain('已先结束你在 华为 的拜访（30 分钟）。');
    expect(reply).toContain('已在 腾讯 签到 ✓');

    const rows = await visits(h.current);
    expect(rows.map((v) => [v.customer_name, v.ended_at === null])).toEqual([
      ['华为', false],
      ['腾讯', true],
    ]);
    expect(new Date(rows[0]!.ended_at!).toISOString()).toBe('2026-11-27T02:30:00.000Z');
    expect((await checkIns(h.current, 'out')).map((r) => r.customer_name)).toEqual(['华为']);
  });

  it('closes the open visit when the rep checks in elsewhere (English)', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    await h.current.say('alice', 'new customer Tencent 22.54,113.93');
    await h.current.say('alice', 'checkin Huawei 22.54,113.95');
    h.current.clock.advance(minutes(75));
    const reply = await h.current.ask('alice', 'checkin Tencent 22.54,113.93');
    expect(reply).toContain('Your open visit at Huawei was closed first (1 h 15 min).');
    expect(reply).toContain('Checked in at Tencent ✓ verified');
  });

  it('refuses a second check-in at the same customer and changes nothing', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    expect(await h.current.ask('alice', '签到 华为 22.54,113.95')).toBe('你已经在 华为 签到了。离开时发送"签退"。');
    expect(await countRows(h.current, 'check_ins')).toBe(1);
    expect(await countRows(h.current, 'visits')).toBe(1);
  });
});

describe('redelivered messages', () => {
  it('answers a redelivered message once and records one check-in', async () => {
    await h.current.register('alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(...(await h.current.say('alice', 'checkin Huawei 22.54,113.95', { id: 'evt-1' })));
    expect(replies).toHaveLength(1);
    const rows = await h.current.db.selectFrom('check_ins').selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it('answers a redelivered Chinese command once and records one check-in', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) replies.push(...(await h.current.say('alice', '签到 华为 22.54,113.95', { id: 'evt-zh' })));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('已在 华为 签到 ✓');
    expect(await countRows(h.current, 'check_ins')).toBe(1);
    expect(await countRows(h.current, 'visits')).toBe(1);
  });

  it('answers a message redelivered in a group channel once, in that channel', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) {
      replies.push(...(await h.current.say('alice', '签到 华为 22.54,113.95', { id: 'evt-group', channelId: 'east' })));
    }
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('已在 华为 签到 ✓');
    expect(await countRows(h.current, 'check_ins')).toBe(1);
    // Nothing leaked into the direct conversation.
    expect(await h.current.newMessages('/local/inbox/alice')).toEqual([]);
  });

  it('answers a redelivered refusal once', async () => {
    await h.current.register('alice');
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) replies.push(...(await h.current.say('alice', '签到 华为 91,200', { id: 'evt-bad' })));
    expect(replies).toEqual(['坐标超出范围：纬度须在 -90 到 90 之间，经度须在 -180 到 180 之间。']);
  });
});
