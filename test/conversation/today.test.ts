import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { minutes, registerInEnglish } from './helpers.ts';

const h = useHarness();

describe('today', () => {
  it('今天 with nothing done yet', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '今天')).toBe('今天（2026-11-27）：\n• 还没有拜访\n日报：未提交（截止 20:00）');
  });

  it('today with nothing done yet, in English', async () => {
    await registerInEnglish(h.current, 'alice');
    expect(await h.current.ask('alice', 'today')).toBe('Today (2026-11-27):\n• no visits yet\nReport: not yet (due 20:00)');
  });

  it('今天 lists my check-ins and visits with their status, and the report state', async () => {
    await h.current.register('alice', 'bob');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '新客户 腾讯 22.54,113.93');
    await h.current.say('alice', '新客户 小米');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    h.current.clock.advance(minutes(30));
    await h.current.say('alice', '签退 聊得不错');
    await h.current.say('alice', '拜访 小米 电话沟通');
    h.current.clock.advance(minutes(60));
    await h.current.say('alice', '签到 腾讯 22.60,113.93');
    // Someone else's visit is not mine.
    await h.current.say('bob', '签到 华为 22.54,113.95');

    expect(await h.current.ask('alice', '今天')).toBe(
      [
        '今天（2026-11-27）：',
        '• 10:00 华为 — 已核实，已写备注',
        '• 10:30 小米 — 无签到，已写备注',
        '• 11:30 腾讯 — 范围外，进行中',
        '日报：未提交（截止 20:00）',
      ].join('\n'),
    );

    await h.current.say('alice', '日报 今天三家');
    expect(await h.current.ask('alice', '今天')).toContain('\n日报：已提交 ✓');
    h.current.clock.set('2026-11-27T13:00:00Z');
    await h.current.say('alice', '日报 改一下');
    expect(await h.current.ask('alice', '今天')).toContain('\n日报：已提交（迟交）');
  });

  it('today lists my visits in English', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    await h.current.say('alice', 'new customer Xiaomi');
    await h.current.say('alice', 'checkin Xiaomi 22.54,113.95');
    h.current.clock.advance(minutes(15));
    await h.current.say('alice', 'checkin Huawei', { location: { lat: 22.54, lng: 113.95 } });
    await h.current.say('alice', 'visit Huawei: demo');
    await h.current.say('alice', 'report done');
    expect(await h.current.ask('alice', 'today')).toBe(
      [
        'Today (2026-11-27):',
        '• 10:00 Xiaomi — unverified',
        '• 10:15 Huawei — verified, still open, notes ✓',
        'Report: submitted ✓',
      ].join('\n'),
    );
  });

  it('shows the local date and times of the user’s own time zone', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'timezone America/Los_Angeles');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    await h.current.say('alice', 'checkin Huawei 22.54,113.95');
    expect(await h.current.ask('alice', 'today')).toBe(
      ['Today (2026-11-26):', '• 18:00 Huawei — verified, still open', 'Report: not yet (due 20:00)'].join('\n'),
    );
    // Seven hours later it is a new day in Los Angeles: yesterday's visit is not listed.
    h.current.clock.advance(minutes(7 * 60));
    expect(await h.current.ask('alice', 'today')).toBe('Today (2026-11-27):\n• no visits yet\nReport: not yet (due 20:00)');
  });

  it('is not confused by sentences that start with 今天', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '今天天气不错')).toBe('没看懂"今天天气不错"。发送"帮助"查看命令。');
    expect(await h.current.ask('alice', '今天？')).toContain('今天（2026-11-27）：');
  });
});
