import { describe, expect, it } from 'vitest';
import { useHarness } from '../../test/support/test-app.ts';
import type { LocalChatEntry, LocalDelivered } from './api.ts';

const h = useHarness();

const postRaw = (body: string, contentType?: string) =>
  h.current.app.http.request('/local/messages', {
    method: 'POST',
    headers: contentType ? { 'content-type': contentType } : {},
    body,
  });
const conversation = async (query: string): Promise<LocalChatEntry[]> => {
  const res = await h.current.app.http.request(`/local/conversation?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as LocalChatEntry[];
};
const countEvents = async () => (await h.current.db.selectFrom('processed_events').select('event_id').execute()).length;

describe('POST /local/messages refuses what a client must fix (issue 12 item 7)', () => {
  it('answers 415 to a body that is not declared JSON, and handles nothing', async () => {
    const json = JSON.stringify({ userId: 'alice', text: 'help' });
    for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await postRaw(json, type);
      expect(res.status, String(type)).toBe(415);
      expect(await res.json()).toMatchObject({ error: 'unsupported media type' });
    }
    expect(await countEvents()).toBe(0);
    expect((await postRaw(json, 'application/json; charset=utf-8')).status).toBe(202);
  });

  it('answers 400 with a clear error to out-of-range locations, and handles nothing', async () => {
    await h.current.register('alice');
    const before = await countEvents();
    const cases: [Record<string, unknown>, string][] = [
      [{ lat: 91, lng: 113.95 }, 'out_of_range'],
      [{ lat: 1e308, lng: 1e308 }, 'out_of_range'],
      [{ lat: 0, lng: 0 }, 'out_of_range'],
      [{ lat: 113.95, lng: 22.54 }, 'swapped'],
      [{ lat: 22.54, lng: -181 }, 'out_of_range'],
    ];
    for (const [location, problem] of cases) {
      const res = await h.current.post({ userId: 'alice', location });
      expect(res.status, JSON.stringify(location)).toBe(400);
      const body = (await res.json()) as { error: string; problem: string; message: string };
      expect(body).toMatchObject({ error: 'invalid location', problem });
      expect(body.message).toMatch(/lat/);
    }
    // A number JSON cannot hold (1e400 parses as Infinity) and a field of the wrong type.
    expect((await postRaw('{"userId":"alice","location":{"lat":1e400,"lng":1}}', 'application/json')).status).toBe(400);
    const wrongType = await h.current.post({ userId: 'alice', location: { lat: '22.54', lng: 113.95 } });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ error: 'invalid message', issues: [expect.stringContaining('location.lat')] });
    expect(await countEvents()).toBe(before);
    expect((await h.current.post({ userId: 'alice', location: { lat: 22.54, lng: 113.95 } })).status).toBe(202);
  });
});

describe('GET /local/conversation keeps both sides (issue 11 item 8)', () => {
  it('returns a direct chat oldest first: what the person said and what the bot answered', async () => {
    await h.current.say('alice', 'help');
    await h.current.say('alice', '今天');
    const entries = await conversation('userId=alice');
    expect(entries.map((e) => [e.from, e.from === 'user' ? e.text : e.sender])).toEqual([
      ['user', 'help'],
      ['bot', undefined],
      ['bot', undefined],
      ['user', '今天'],
      ['bot', undefined],
    ]);
    expect(entries[0]).toMatchObject({ sender: { id: 'alice', name: 'alice' }, eventId: expect.any(String), at: expect.any(String) });
    // `after` is this route's own cursor.
    expect((await conversation(`userId=alice&after=${entries[2]!.id}`)).map((e) => e.text)).toEqual(['今天', entries[4]!.text]);
  });

  it('shows a group with every member by name', async () => {
    await h.current.register('alice', 'bob');
    await h.current.say('alice', '今天', { channelId: 'team', displayName: 'Alice Wang' });
    await h.current.say('bob', 'hello team', { channelId: 'team', displayName: 'Bob Li' });
    const entries = await conversation('channelId=team');
    const people = entries.filter((e) => e.from === 'user').map((e) => [e.sender?.name, e.text]);
    expect(people).toEqual([
      ['Alice Wang', '今天'],
      ['Bob Li', 'hello team'],
    ]);
    expect(entries.filter((e) => e.from === 'bot')).toHaveLength(2);
  });

  it('keeps a redelivered message once, and a shared location', async () => {
    await h.current.register('alice');
    for (let i = 0; i < 2; i += 1) expect((await h.current.post({ id: 'm-1', userId: 'alice', text: '今天' })).status).toBe(202);
    await h.current.post({ id: 'm-2', userId: 'alice', location: { lat: 22.54, lng: 113.95 } });
    const mine = (await conversation('userId=alice')).filter((e) => e.eventId?.startsWith('m-'));
    expect(mine.map((e) => [e.eventId, e.text, e.location])).toEqual([
      ['m-1', '今天', undefined],
      ['m-2', '', { lat: 22.54, lng: 113.95, system: 'wgs84' }],
    ]);
  });

  it('returns a bot list with its quick answers and question id, so its buttons survive a reload', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 阿里 22.5445,113.9456');
    await h.current.say('alice', '新客户 百度 22.535,113.94');
    await h.current.say('alice', undefined, { location: { lat: 22.5445, lng: 113.9456 } });
    const list = (await conversation('userId=alice')).filter((e) => e.from === 'bot').at(-1)!;
    expect(list.choices?.map((c) => c.label)).toEqual(['阿里', '百度']);
    expect(list.questionId).toMatch(/^[\w-]{8,}$/);
    // The inbox carries the same question id: both read the one delivered message.
    const res = await h.current.app.http.request('/local/inbox/alice');
    expect(((await res.json()) as LocalDelivered[]).at(-1)).toMatchObject({ choices: list.choices, questionId: list.questionId });
    // A tap is kept with the question it answered, so a client can show the label tapped.
    expect((await h.current.post({ userId: 'alice', text: list.choices![1]!.reply, answers: list.questionId })).status).toBe(202);
    const tap = (await conversation('userId=alice')).filter((e) => e.from === 'user').at(-1)!;
    expect(tap).toMatchObject({ text: list.choices![1]!.reply, answers: list.questionId });
  });

  it('leaves the inbox contract as it was: bot messages only', async () => {
    await h.current.say('alice', 'help');
    const res = await h.current.app.http.request('/local/inbox/alice');
    const inbox = (await res.json()) as LocalDelivered[];
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.some((m) => m.text === 'help')).toBe(false);
  });

  it('refuses a bad cursor or an ambiguous conversation with 400', async () => {
    for (const query of ['userId=alice&after=abc', 'userId=alice&after=1.5', 'userId=a&channelId=b', '']) {
      expect((await h.current.app.http.request(`/local/conversation?${query}`)).status, query).toBe(400);
    }
  });
});
