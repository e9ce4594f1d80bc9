import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, registerInEnglish, snapshot } from './helpers.ts';
import { decodeLocalMessage } from '../../bots/local/decode.ts';

const h = useHarness();

/**
 * A location message whose coordinates the platform passed on as they were: straight to the engine,
 * since the local HTTP API itself refuses such a location with a 400 (issue 12 item 7).
 */
async function askWithLocation(userId: string, text: string | undefined, location: { lat: number; lng: number }): Promise<string> {
  await h.current.app.engine.handle(
    decodeLocalMessage({ userId, ...(text !== undefined ? { text } : {}), location: { ...location, system: 'wgs84' } }, h.current.clock.now()),
  );
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${encodeURIComponent(userId)}`)).at(-1)?.text ?? '';
}

describe('help', () => {
  it('帮助 lists every command with an example, in Chinese', async () => {
    await h.current.register('alice');
    const help = await h.current.ask('alice', '帮助');
    const lines = help.split('\n');
    expect(lines[0]).toBe('命令（示例）：');
    for (const example of [
      '签到 华为 22.54,113.95',
      '签退 见了采购',
      '拜访 华为 演示顺利 下一步 发报价 跟进 下周五',
      '日报',
      '今天',
      '客户 华为',
      '新客户 华为 22.54,113.95',
      '创建团队 华东',
      '加入团队 华东',
      '绑定团队 华东',
      '设置时区 Asia/Shanghai',
      '语言 English',
    ]) {
      expect(lines.some((line) => line.startsWith(`• ${example}`) || line.includes(`"${example}`)), example).toBe(true);
    }
  });

  it('help lists every command with an example, in English', async () => {
    await registerInEnglish(h.current, 'alice');
    const help = await h.current.ask('alice', 'help');
    const lines = help.split('\n');
    expect(lines[0]).toBe('Commands (examples):');
    for (const example of [
      'checkin Huawei 22.54,113.95',
      'checkout met the buyer',
      'visit Huawei: demo went well; next: send quote; follow up: next Friday',
      'report',
      'today',
      'customer Huawei',
      'new customer Huawei 22.54,113.95',
      'team create East',
      'join East',
      'bind East',
      'timezone America/Los_Angeles',
      'language zh',
    ]) {
      expect(lines.some((line) => line.startsWith(`• ${example}`) || line.includes(`"${example}`)), example).toBe(true);
    }
  });

  it('every example in the help does what it says', async () => {
    // Run the Chinese examples in order as the admin would try them: none is misunderstood.
    // 张三 exists so that "创建团队 华东 经理 张三" creates the team the later examples use.
    await h.current.register('alice', '张三');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const examples = (await h.current.ask('alice', '帮助'))
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/^• /, '').split(' — ')[0]!);
    for (const example of examples) {
      const reply = await h.current.ask('alice', example);
      expect(reply, example).not.toMatch(/没看懂|缺少或无法识别|没有找到/);
    }
    expect(await countRows(h.current, 'check_ins')).toBe(2); // 签到 and 签退
    expect(await countRows(h.current, 'teams')).toBe(1);
  });

  it('answers ?, /help and an @mention too', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '?')).toContain('命令（示例）：');
    expect(await h.current.ask('alice', '/help')).toContain('命令（示例）：');
    expect(await h.current.say('alice', '@Legwork 帮助', { channelId: 'east' })).toEqual([expect.stringContaining('命令（示例）：')]);
  });
});

describe('unknown and malformed input', () => {
  it('answers unknown text specifically, in Chinese, and changes nothing', async () => {
    await h.current.register('alice');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '吃饭了没')).toBe('没看懂"吃饭了没"。发送"帮助"查看命令。');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('answers unknown text specifically, in English, and changes nothing', async () => {
    await registerInEnglish(h.current, 'alice');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', 'what a day')).toBe('I didn\'t understand "what a day". Type "help" for the commands.');
    expect(await h.current.ask('alice', 'checkinx Huawei')).toBe('I didn\'t understand "checkinx Huawei". Type "help" for the commands.');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('quotes only the start of a long unknown message', async () => {
    await h.current.register('alice');
    const reply = await h.current.ask('alice', '这是'.repeat(50));
    expect(reply).toBe(`没看懂"${'这是'.repeat(20)}…"。发送"帮助"查看命令。`);
  });

  it('answers a number when there is nothing to choose from', async () => {
    await h.current.register('alice');
    await registerInEnglish(h.current, 'bob');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '1')).toBe('现在没有需要选择的列表。');
    expect(await h.current.ask('alice', '第2个')).toBe('现在没有需要选择的列表。');
    expect(await h.current.ask('bob', '3')).toBe('There is no list to choose from right now.');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('answers an empty message', async () => {
    await h.current.register('alice');
    await registerInEnglish(h.current, 'bob');
    expect(await h.current.ask('alice', '   ')).toBe('收到一条空消息。发送"帮助"查看命令。');
    expect(await h.current.ask('bob', '')).toBe('I got an empty message. Type "help" for the commands.');
  });

  it('asks which customer for a check-in without one', async () => {
    await h.current.register('alice');
    await registerInEnglish(h.current, 'bob');
    expect(await h.current.ask('alice', '签到')).toBe('签到哪个客户？示例：签到 华为 22.54,113.95');
    expect(await h.current.ask('bob', 'checkin')).toBe('Which customer? Example: checkin Huawei 22.54,113.95');
    expect(await countRows(h.current, 'check_ins')).toBe(0);
  });
});

describe('oversized text', () => {
  const longReport = (length: number) => `日报 ${'很'.repeat(length - 3)}`;

  it('refuses a message over 4,000 characters and changes nothing (Chinese)', async () => {
    await h.current.register('alice');
    const before = await snapshot(h.current);
    expect(longReport(4001)).toHaveLength(4001);
    expect(await h.current.ask('alice', longReport(4001))).toBe('消息太长了（超过 4000 个字符），请精简后再发。');
    expect(await snapshot(h.current)).toEqual(before);
    expect(await countRows(h.current, 'daily_reports')).toBe(0);
  });

  it('refuses a message over 4,000 characters and changes nothing (English)', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    const before = await snapshot(h.current);
    const text = `checkin Huawei 22.54,113.95 ${'x'.repeat(5000)}`;
    expect(await h.current.ask('alice', text)).toBe('That message is too long (over 4000 characters). Please shorten it.');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('does not answer a too-long message as an answer to an open question', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '日报');
    expect(await h.current.ask('alice', '很'.repeat(4001))).toBe('消息太长了（超过 4000 个字符），请精简后再发。');
    expect(await countRows(h.current, 'daily_reports')).toBe(0);
    // The question is still open: a shorter answer files the report.
    expect(await h.current.ask('alice', '精简版')).toBe('2026-11-27 日报已提交，辛苦了！');
  });

  it('accepts exactly 4,000 characters', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', longReport(4000))).toBe('2026-11-27 日报已提交，辛苦了！');
    expect(await countRows(h.current, 'daily_reports')).toBe(1);
  });
});

describe('bad coordinates', () => {
  async function withHuawei() {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await registerInEnglish(h.current, 'bob');
  }

  const zh = {
    outOfRange: '坐标超出范围：纬度须在 -90 到 90 之间，经度须在 -180 到 180 之间。',
    nan: '坐标不是数字。请按"纬度,经度"发送，例如 22.54,113.95。',
    swapped: '坐标好像写反了：请先写纬度，再写经度（例如 22.54,113.95）。',
  };
  const en = {
    outOfRange: 'Those coordinates are out of range: latitude must be between -90 and 90 and longitude between -180 and 180.',
    nan: 'Those coordinates are not numbers. Send them as "latitude,longitude", e.g. 22.54,113.95.',
    swapped: 'Those coordinates look swapped: send latitude first, then longitude (e.g. 22.54,113.95).',
  };

  it('answers out-of-range, NaN and swapped coordinates in a check-in, in Chinese, creating nothing', async () => {
    await withHuawei();
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '签到 华为 91,200')).toBe(zh.outOfRange);
    expect(await h.current.ask('alice', '签到 华为 22.54,-181')).toBe(zh.outOfRange);
    expect(await h.current.ask('alice', '签到 华为 NaN,113.95')).toBe(zh.nan);
    expect(await h.current.ask('alice', '签到 华为 22.54,Infinity')).toBe(zh.nan);
    expect(await h.current.ask('alice', '签到 华为 113.95,22.54')).toBe(zh.swapped);
    expect(await snapshot(h.current)).toEqual(before);
    expect(await countRows(h.current, 'check_ins')).toBe(0);
  });

  it('answers out-of-range, NaN and swapped coordinates in a check-in, in English, creating nothing', async () => {
    await withHuawei();
    const before = await snapshot(h.current);
    expect(await h.current.ask('bob', 'checkin 华为 -95,500')).toBe(en.outOfRange);
    expect(await h.current.ask('bob', 'checkin 华为 nan,nan')).toBe(en.nan);
    expect(await h.current.ask('bob', 'checkin 华为 113.95,22.54')).toBe(en.swapped);
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('answers a bad location attached to a message, and a bad bare location', async () => {
    await withHuawei();
    const before = await snapshot(h.current);
    expect(await askWithLocation('alice', '签到 华为', { lat: 95, lng: 200 })).toBe(zh.outOfRange);
    expect(await askWithLocation('bob', 'checkin 华为', { lat: 113.95, lng: 22.54 })).toBe(en.swapped);
    expect(await askWithLocation('alice', undefined, { lat: 0, lng: 0 })).toBe(zh.outOfRange);
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('keeps waiting for a location after a bad one completes nothing', async () => {
    await withHuawei();
    await h.current.say('alice', '签到 华为');
    expect(await askWithLocation('alice', undefined, { lat: 113.95, lng: 22.54 })).toBe(zh.swapped);
    expect(await countRows(h.current, 'check_ins')).toBe(0);
    expect(await h.current.ask('alice', undefined, { location: { lat: 22.54, lng: 113.95 } })).toContain('已在 华为 签到 ✓');
  });

  it('answers bad coordinates for a new customer, creating nothing', async () => {
    await withHuawei();
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '新客户 小米 113.95,22.54')).toBe(zh.swapped);
    expect(await h.current.ask('bob', 'new customer Xiaomi 22.54,NaN')).toBe(en.nan);
    expect(await h.current.ask('bob', 'new customer Xiaomi 91,181')).toBe(en.outOfRange);
    expect(await snapshot(h.current)).toEqual(before);
  });
});
