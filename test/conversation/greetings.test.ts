import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { minutes, snapshot, visits } from './helpers.ts';

const GREETINGS = ['你好', '您好', 'hi', 'hello', '在吗', 'Hello!', '你好！', '在吗？'];

const welcomeZh = (name: string) =>
  `欢迎使用 Legwork，${name}！Legwork 只在你签到时记录位置，并保存你的拜访、备注和日报（保存什么、保存多久：http://legwork.test/privacy?lang=zh-CN）。发送"帮助"查看所有命令。`;
const welcomeEn = (name: string) =>
  `Welcome to Legwork, ${name}! Legwork records your location only when you check in, with your visits, notes and reports (what is kept, and for how long: http://legwork.test/privacy?lang=en-US). Type "help" to see what I can do.`;

const languages = [
  { language: 'Chinese', env: { DEFAULT_LANGUAGE: 'zh-CN' }, hello: '你好，alice！发送"帮助"查看我能做什么。' },
  { language: 'English', env: { DEFAULT_LANGUAGE: 'en-US' }, hello: 'Hello, alice! Type "help" to see what I can do.' },
];

describe.each(languages)('greetings in an org that speaks $language', ({ env, hello }) => {
  const h = useHarness(env);

  // The newcomer's own words choose their language (no platform told it): "hello" English, "你好" Chinese.
  it.each(GREETINGS)('answers a newcomer\'s first "%s" with the welcome alone, in the language of the greeting', async (greeting) => {
    await h.current.register('admin');
    const inTheirWords = /\p{Script=Han}/u.test(greeting) ? welcomeZh : welcomeEn;
    expect(await h.current.say('newcomer', greeting)).toEqual([inTheirWords('newcomer')]);
  });

  it.each(GREETINGS)('answers "%s" from someone it knows with a hello that points at help, changing nothing', async (greeting) => {
    await h.current.register('alice');
    const before = await snapshot(h.current);
    expect(await h.current.say('alice', greeting)).toEqual([hello]);
    expect(await snapshot(h.current)).toEqual(before);
  });
});

describe('greetings, beyond the first answer', () => {
  const h = useHarness();

  it('answers the first admin\'s greeting with the admin welcome only', async () => {
    const replies = await h.current.say('alice', '你好');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('你是第一位用户，已成为管理员');
  });

  it('keeps an open question open across a greeting: the notes that follow are still saved', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    h.current.clock.advance(minutes(20));
    expect(await h.current.say('alice', '签退')).toHaveLength(2);
    expect(await h.current.say('alice', '在吗')).toEqual(['你好，alice！发送"帮助"查看我能做什么。']);
    expect(await h.current.ask('alice', '采购下周定预算')).toBe('已保存 华为 的拜访备注。');
    expect((await visits(h.current))[0]?.notes).toBe('采购下周定预算');
  });

  it('still does not understand a sentence that only starts like a greeting', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '你好，今天的会议改到下午')).toBe('没看懂"你好，今天的会议改到下午"。发送"帮助"查看命令。');
  });
});

describe('a greeting in a group chat', () => {
  const h = useHarness({ DEFAULT_LANGUAGE: 'en-US' });

  it('is answered in that group', async () => {
    await h.current.register('alice');
    expect(await h.current.say('alice', '@Legwork hi there', { channelId: 'east' })).toEqual(['Hello, alice! Type "help" to see what I can do.']);
  });
});
