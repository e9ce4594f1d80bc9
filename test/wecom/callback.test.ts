import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../src/geo/index.ts';
import { locationReportXml, locationXml, signedCallback, templateCardEventXml, textXml, vector } from './support/callbacks.ts';
import { shownText, useWeComHarness } from './support/wecom-harness.ts';
import { parseChoiceKey } from '../../bots/wecom/refs.ts';

const w = useWeComHarness();

/** 华为 in these tests (WGS-84, Shenzhen); WeCom's picker reports the GCJ-02 form of a point. */
const huawei = { lat: 22.54, lng: 113.95 };
let msgId = 8_000_000_000_000_000_000n; // beyond 2^53: must survive as a string

function text(from: string, content: string, id = String(msgId++)) {
  return textXml({ from, content, msgId: id, createTime: w.current.createTime() });
}

function locationNear(from: string, point: { lat: number; lng: number }, id = String(msgId++)) {
  const gcj = wgs84ToGcj02(point);
  return locationXml({ from, lat: gcj.lat, lng: gcj.lng, msgId: id, createTime: w.current.createTime() });
}

async function checkIns() {
  return w.current.h.db.selectFrom('check_ins').selectAll().execute();
}

describe('GET /wecom/callback (URL verification)', () => {
  const g = vector.get;

  it('answers the decrypted echostr of the public test vector', async () => {
    const query = new URLSearchParams({ msg_signature: g.msgSignature, timestamp: g.timestamp, nonce: g.nonce, echostr: g.echostr });
    const res = await w.current.h.app.http.request(`/wecom/callback?${query.toString()}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(g.plaintext);
  });

  it('also accepts a raw "+" in echostr (not read as a space)', async () => {
    const res = await w.current.h.app.http.request(
      `/wecom/callback?msg_signature=${g.msgSignature}&timestamp=${g.timestamp}&nonce=${g.nonce}&echostr=${g.echostr.replace(/=/g, '%3D')}`,
    );
    expect(await res.text()).toBe(g.plaintext);
  });

  it('refuses a wrong signature', async () => {
    const query = new URLSearchParams({ msg_signature: g.msgSignature.replace(/^5/, '6'), timestamp: g.timestamp, nonce: g.nonce, echostr: g.echostr });
    const res = await w.current.h.app.http.request(`/wecom/callback?${query.toString()}`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(g.plaintext);
  });
});

describe('POST /wecom/callback', () => {
  it('checks in natively: 签到 华为, then a location from the picker (GCJ-02)', async () => {
    const { post, delivered } = w.current;
    expect((await post(text('alice', '新客户 华为 22.54,113.95'))).status).toBe(200);
    const first = await delivered();
    expect(first.map((m) => m.touser)).toEqual(['alice', 'alice']); // welcome + customer created
    expect(first[0]!.body.agentid).toBe(1000002);

    const res = await post(text('alice', '签到 华为'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const [link] = await delivered();
    // A reply with a link goes out as a textcard whose button opens the location page.
    expect(link!.msgtype).toBe('textcard');
    expect((link!.body.textcard as { url: string }).url).toMatch(/^http:\/\/legwork\.test\/c\//);

    await post(locationNear('alice', { lat: 22.5405, lng: 113.9505 }));
    const [done] = await delivered();
    expect(shownText(done!)).toContain('已在 华为 签到 ✓');
    const [row] = await checkIns();
    expect(row).toMatchObject({ status: 'verified', original_system: 'gcj02' });
    expect(Number(row!.distance_m)).toBeLessThan(100);
  });

  it('pairs a location sent first with the customer the rep taps on the card', async () => {
    const { post, delivered, h } = w.current;
    await post(text('bob', '新客户 华为 22.54,113.95'));
    await delivered();
    await post(locationNear('bob', { lat: 22.5402, lng: 113.9502 }));
    const [ask] = await delivered();
    expect(shownText(ask!)).toContain('1. 华为');
    h.clock.advance(60_000);
    // The choice card's button carries the question and "1" (what the rep would otherwise type).
    const [button] = (ask!.body.template_card as { button_list: { key: string }[] }).button_list;
    expect(parseChoiceKey(button!.key)).toMatchObject({ reply: '1', questionId: expect.any(String) });
    await post(templateCardEventXml({ from: 'bob', createTime: w.current.createTime(), eventKey: button!.key, taskId: 'legwork-1', cardType: 'button_interaction' }));
    expect(shownText((await delivered())[0]!)).toContain('已在 华为 签到 ✓');
    expect((await checkIns()).map((r) => r.status)).toEqual(['verified']);
  });

  it('pairs a location sent first with a customer named afterwards', async () => {
    const { post, delivered } = w.current;
    await post(text('bob', '新客户 华为 22.54,113.95'));
    await post(locationNear('bob', { lat: 22.5402, lng: 113.9502 }));
    await post(text('bob', '签到 华为'));
    const replies = await delivered();
    expect(shownText(replies.at(-1)!)).toContain('已在 华为 签到 ✓');
    expect(await checkIns()).toHaveLength(1);
  });

  it('maps template-card answers to the text they stand for: a customer number, a vote, a report', async () => {
    const { post, delivered } = w.current;
    await post(text('carol', '新客户 华为终端 22.54,113.95'));
    await post(text('carol', '新客户 华为技术 22.60,113.90'));
    await post(text('carol', '签到 华为 22.5401,113.9501'));
    // Two matches come as a template card with one button per customer.
    const cardMessage = (await delivered()).at(-1)!;
    expect(cardMessage.msgtype).toBe('template_card');
    const card = (cardMessage.body as { template_card: { sub_title_text: string; button_list: { text: string; key: string }[] } }).template_card;
    expect(card.sub_title_text).toMatch(/1\. 华为(终端|技术)\n2\. 华为(终端|技术)/);
    expect(card.button_list.map((b) => parseChoiceKey(b.key))).toEqual(
      card.button_list.map((b, i) => ({ reply: String(i + 1), label: b.text, language: 'zh-CN', questionId: expect.stringMatching(/^[\w-]{12}$/) })),
    );
    const second = card.button_list[1]!.text;

    await post(templateCardEventXml({ from: 'carol', createTime: w.current.createTime(), eventKey: card.button_list[1]!.key, taskId: 'legwork-7', cardType: 'button_interaction' }));
    expect(shownText((await delivered()).at(-1)!)).toContain(`已在 ${second} 签到`);

    // A vote card: the chosen option id carries the answer; the submit button's key does not.
    await post(text('carol', '客户 华为'));
    const [option] = ((await delivered()).at(-1)!.body.template_card as { button_list: { key: string }[] }).button_list;
    w.current.h.clock.advance(1000);
    await post(
      templateCardEventXml({
        from: 'carol',
        createTime: w.current.createTime(),
        eventKey: 'submit',
        taskId: 'legwork-9',
        cardType: 'vote_interaction',
        selected: [{ questionKey: 'choice', optionIds: [option!.key] }],
      }),
    );
    expect(shownText((await delivered()).at(-1)!)).toMatch(/华为(终端|技术)/);

    w.current.h.clock.advance(1000);
    await post(templateCardEventXml({ from: 'carol', createTime: w.current.createTime(), eventKey: 'reply:日报 拜访了华为，明天跟进报价', taskId: 'legwork-11', cardType: 'button_interaction' }));
    const reports = await w.current.h.db.selectFrom('daily_reports').select(['body']).execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.body).toMatch(/^拜访了华为[,，]明天跟进报价$/);
  });

  it('ignores location reports and cards that are not ours: nothing stored, nothing sent', async () => {
    const { post, delivered, h } = w.current;
    expect((await post(locationReportXml({ from: 'dave', createTime: w.current.createTime() }))).status).toBe(200);
    await post(templateCardEventXml({ from: 'dave', createTime: w.current.createTime(), eventKey: 'approve', taskId: 'other-app', cardType: 'button_interaction' }));
    expect(await h.db.selectFrom('processed_events').selectAll().execute()).toEqual([]);
    expect(await delivered()).toEqual([]);
  });

  it('handles a MsgId delivered 3 times once: one check-in, one reply', async () => {
    const { post, delivered } = w.current;
    await post(text('erin', '新客户 华为 22.54,113.95'));
    await delivered();
    const again = text('erin', '签到 华为 22.5405,113.9505', '9223372036854775807');
    for (let i = 0; i < 3; i++) expect((await post(again)).status).toBe(200);
    expect(await checkIns()).toHaveLength(1);
    const replies = await delivered();
    expect(replies).toHaveLength(1);
    expect(shownText(replies[0]!)).toContain('已在 华为 签到 ✓');
    const events = await w.current.h.db.selectFrom('processed_events').select('event_id').where('event_id', '=', '9223372036854775807').execute();
    expect(events).toHaveLength(1);
  });
});
