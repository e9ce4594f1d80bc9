import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish, snapshot, userOf } from './helpers.ts';

const h = useHarness();

describe('time zone', () => {
  it('设置时区 sets a valid IANA zone and shows the local time there', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '设置时区 America/Los_Angeles')).toBe('时区已设为 America/Los_Angeles（当地现在 18:00）。');
    expect((await userOf(h.current, 'alice')).time_zone).toBe('America/Los_Angeles');
    expect(await h.current.ask('alice', '时区 Asia/Tokyo')).toBe('时区已设为 Asia/Tokyo（当地现在 11:00）。');
    expect((await userOf(h.current, 'alice')).time_zone).toBe('Asia/Tokyo');
  });

  it('accepts any casing and stores the canonical spelling', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '设置时区 america/los_angeles')).toContain('时区已设为 America/Los_Angeles');
    expect((await userOf(h.current, 'alice')).time_zone).toBe('America/Los_Angeles');
  });

  it('refuses an unknown zone and keeps the old one (Chinese)', async () => {
    await h.current.register('alice');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '设置时区 Asia/Beijing')).toBe(
      '不认识时区"Asia/Beijing"。请使用 IANA 名称，例如 Asia/Shanghai 或 America/Los_Angeles。',
    );
    expect(await snapshot(h.current)).toEqual(before);
    expect((await userOf(h.current, 'alice')).time_zone).toBe('Asia/Shanghai');
  });

  it('timezone sets and refuses zones in English', async () => {
    await registerInEnglish(h.current, 'alice');
    expect(await h.current.ask('alice', 'timezone Europe/London')).toBe('Time zone set to Europe/London (it is 02:00 there now).');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', 'timezone Mars/Olympus')).toBe(
      '"Mars/Olympus" is not a time zone I know. Use an IANA name such as Asia/Shanghai or America/Los_Angeles.',
    );
    expect(await snapshot(h.current)).toEqual(before);
    expect(await h.current.ask('alice', 'timezone')).toBe('Missing or unclear details. Example: timezone America/Los_Angeles');
  });
});

describe('language', () => {
  it('语言 English switches to English, and later replies follow', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '语言 English')).toBe('I will reply in English.');
    expect((await userOf(h.current, 'alice')).language).toBe('en-US');
    expect(await h.current.ask('alice', '今天')).toContain('Today (2026-11-27):');
    expect(await h.current.ask('alice', 'blah')).toBe('I didn\'t understand "blah". Type "help" for the commands.');
  });

  it('language zh switches back to Chinese, and later replies follow', async () => {
    await registerInEnglish(h.current, 'alice');
    expect(await h.current.ask('alice', 'language zh')).toBe('好的，之后用中文回复你。');
    expect((await userOf(h.current, 'alice')).language).toBe('zh-CN');
    expect(await h.current.ask('alice', 'today')).toContain('今天（2026-11-27）：');
  });

  it('understands other spellings: 语言 中文, language English, 语言 英文', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '语言 英文')).toBe('I will reply in English.');
    expect(await h.current.ask('alice', '语言 中文')).toBe('好的，之后用中文回复你。');
    expect(await h.current.ask('alice', 'language English')).toBe('I will reply in English.');
  });

  it('answers an unknown language with an example in the user’s language, and changes nothing', async () => {
    await h.current.register('alice');
    await registerInEnglish(h.current, 'bob');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '语言 法语')).toBe('缺少或无法识别的内容。示例：语言 中文 或 语言 English');
    expect(await h.current.ask('bob', 'language klingon')).toBe('Missing or unclear details. Example: language en or language zh');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('keeps each user’s language separate', async () => {
    await h.current.register('alice');
    await registerInEnglish(h.current, 'bob');
    expect(await h.current.ask('alice', '帮助')).toContain('命令（示例）：');
    expect(await h.current.ask('bob', '帮助')).toContain('Commands (examples):');
  });
});
