import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../src/geo/index.ts';
import { locationXml, templateCardEventXml, textXml } from './support/callbacks.ts';
import { shownText, useWeComHarness } from './support/wecom-harness.ts';
import { checkedInCustomers } from '../conversation/helpers.ts';

/**
 * Issue #11 item 1: a tap on a template card answers the question of that card, never the one pending
 * now; a tap on a card whose question is answered, replaced or expired changes nothing, says so, and
 * leaves the card's buttons alone.
 */

const updatePath = '/cgi-bin/message/update_template_card';
/** 阿里 and 百度, about 1.1 km apart (WGS-84, as typed); WeCom sends GCJ-02. */
const ali = { lat: 22.5445, lng: 113.9456 };
const baidu = { lat: 22.535, lng: 113.94 };

type Button = { text: string; key: string };

describe('a tap on an older WeCom card', () => {
  const w = useWeComHarness();
  let msgId = 8_000_000;

  const say = (from: string, content: string) => w.current.post(textXml({ from, content, msgId: String(msgId++), createTime: w.current.createTime() }));

  /** Sends a location (as WeCom does, in GCJ-02) and returns the buttons of the card the bot answered with. */
  async function locationCard(from: string, at: { lat: number; lng: number }): Promise<Button[]> {
    const gcj = wgs84ToGcj02(at);
    await w.current.post(locationXml({ from, lat: gcj.lat, lng: gcj.lng, msgId: String(msgId++), createTime: w.current.createTime() }));
    const message = (await w.current.delivered()).at(-1)!;
    expect(message.msgtype).toBe('template_card');
    w.current.h.clock.advance(10_000);
    return (message.body.template_card as { button_list: Button[] }).button_list;
  }

  async function tap(from: string, button: Button): Promise<string> {
    const createTime = w.current.createTime();
    w.current.h.clock.advance(1000);
    await w.current.post(templateCardEventXml({ from, createTime, eventKey: button.key, taskId: 'legwork-1', cardType: 'button_interaction' }));
    return (await w.current.delivered()).map(shownText).join('\n');
  }

  const checkedInAt = () => checkedInCustomers(w.current.h);

  async function setUp(from: string): Promise<void> {
    await say(from, `新客户 阿里 ${ali.lat},${ali.lng}`);
    await say(from, `新客户 百度 ${baidu.lat},${baidu.lng}`);
    await w.current.delivered();
  }

  it('does not check in at the customer of the newer card, says the list is stale, and leaves the card alone', async () => {
    await setUp('amy');
    const cardA = await locationCard('amy', ali);
    const cardB = await locationCard('amy', baidu);
    expect(cardA.map((b) => b.text)).toEqual(['阿里', '百度']);
    expect(cardB.map((b) => b.text)).toEqual(['百度', '阿里']);

    expect(await tap('amy', cardA[0]!)).toContain('这个列表已经失效');
    expect(await checkedInAt()).toEqual([]);
    expect(w.current.fake.callsTo(updatePath)).toEqual([]);

    // Card B is the question pending: its tap is taken and the card relabelled.
    expect(await tap('amy', cardB[1]!)).toContain('已在 阿里 签到');
    expect(await checkedInAt()).toEqual(['阿里']);
    expect(w.current.fake.callsTo(updatePath).map((c) => c.body?.button)).toEqual([{ replace_name: '已选择：阿里' }]);
  });

  it('answers "no longer current" to a tap after another command, and does not relabel the card', async () => {
    await setUp('ben');
    const card = await locationCard('ben', ali);
    await say('ben', '今天');
    await w.current.delivered();
    const answer = await tap('ben', card[0]!);
    expect(answer).toContain('这个列表已经失效');
    expect(answer).not.toContain('已在');
    expect(w.current.fake.callsTo(updatePath)).toEqual([]);
    expect(await checkedInAt()).toEqual([]);
  });

  it('takes a second tap on an answered card as stale, and an expired card too', async () => {
    await setUp('cat');
    const card = await locationCard('cat', ali);
    expect(await tap('cat', card[0]!)).toContain('已在 阿里 签到');
    expect(await tap('cat', card[1]!)).toContain('这个列表已经失效');
    expect(await checkedInAt()).toEqual(['阿里']);
    expect(w.current.fake.callsTo(updatePath)).toHaveLength(1);

    await say('cat', '签退');
    const later = await locationCard('cat', baidu);
    w.current.h.clock.advance(11 * 60_000);
    expect(await tap('cat', later[0]!)).toContain('这个列表已经失效');
    expect(await checkedInAt()).toEqual(['阿里']);
    expect(w.current.fake.callsTo(updatePath)).toHaveLength(1);
  });

  it('lets a typed number answer the newest card only, leaving the older card untouched', async () => {
    await setUp('dee');
    await locationCard('dee', ali);
    await locationCard('dee', baidu);
    await say('dee', '1');
    expect((await w.current.delivered()).map(shownText).join('\n')).toContain('已在 百度 签到');
    expect(await checkedInAt()).toEqual(['百度']);
    expect(w.current.fake.callsTo(updatePath)).toEqual([]);
  });
});
