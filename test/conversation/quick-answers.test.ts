import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { checkedInCustomers } from './helpers.ts';

const h = useHarness();
const checkedInAt = () => checkedInCustomers(h.current);

/** 阿里 and 百度 are about 1.1 km apart: a location near either lists both, the nearer first. */
const ali = { lat: 22.5445, lng: 113.9456 };
const baidu = { lat: 22.535, lng: 113.94 };

interface QuickAnswerMessage {
  text: string;
  choices?: { label: string; reply: string }[];
  questionId?: string;
}

/** Sends a bare location and returns the list the bot answered with (its quick answers and question id). */
async function sendLocation(user: string, at: { lat: number; lng: number }): Promise<QuickAnswerMessage> {
  await h.current.post({ userId: user, location: at });
  await h.current.app.delivery.drainOnce();
  const message = (await h.current.newMessages(`/local/inbox/${user}`)).at(-1) as QuickAnswerMessage;
  expect(message.questionId).toMatch(/^[\w-]{8,}$/);
  return message;
}

/** Taps a quick answer of `message` (what the web chat does): the reply text plus the question it answers. */
async function tap(user: string, message: QuickAnswerMessage, label: string): Promise<string> {
  const choice = message.choices!.find((c) => c.label === label)!;
  const res = await h.current.post({ userId: user, text: choice.reply, answers: message.questionId });
  expect(res.status).toBe(202);
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${user}`)).map((m) => m.text).join('\n');
}

async function setUp(user: string): Promise<void> {
  await h.current.register(user);
  await h.current.say(user, `新客户 阿里 ${ali.lat},${ali.lng}`);
  await h.current.say(user, `新客户 百度 ${baidu.lat},${baidu.lng}`);
}

describe('a quick answer answers the question it was offered with', () => {
  it('a tap on an older list changes nothing and says so; the newer list still works', async () => {
    await setUp('alice');
    const listA = await sendLocation('alice', ali);
    const listB = await sendLocation('alice', baidu);
    expect(listA.choices!.map((c) => c.label)).toEqual(['阿里', '百度']);
    expect(listB.choices!.map((c) => c.label)).toEqual(['百度', '阿里']);

    const answer = await tap('alice', listA, '阿里');
    expect(answer).toContain('这个列表已经失效');
    expect(await checkedInAt()).toEqual([]);

    expect(await tap('alice', listB, '阿里')).toContain('已在 阿里 签到');
    expect(await checkedInAt()).toEqual(['阿里']);
  });

  it('a tap on a list already answered, or after another command, or after it expired, changes nothing', async () => {
    await setUp('bob');
    const list = await sendLocation('bob', ali);
    expect(await tap('bob', list, '阿里')).toContain('已在 阿里 签到');
    expect(await tap('bob', list, '百度')).toContain('这个列表已经失效');
    expect(await checkedInAt()).toEqual(['阿里']);

    await h.current.say('bob', '签退');
    const second = await sendLocation('bob', baidu);
    await h.current.say('bob', '今天');
    expect(await tap('bob', second, '百度')).toContain('这个列表已经失效');

    const third = await sendLocation('bob', baidu);
    h.current.clock.advance(11 * 60_000);
    expect(await tap('bob', third, '百度')).toContain('这个列表已经失效');
    expect(await checkedInAt()).toEqual(['阿里']);
  });

  it('answers in the person’s language', async () => {
    await setUp('carol');
    await h.current.say('carol', 'language en');
    const listA = await sendLocation('carol', ali);
    await sendLocation('carol', baidu);
    expect(await tap('carol', listA, '阿里')).toContain('That list is no longer current');
  });

  it('a typed number answers the newest list', async () => {
    await setUp('dan');
    await sendLocation('dan', ali);
    await sendLocation('dan', baidu);
    expect(await h.current.ask('dan', '1')).toContain('已在 百度 签到');
    expect(await checkedInAt()).toEqual(['百度']);
  });
});
