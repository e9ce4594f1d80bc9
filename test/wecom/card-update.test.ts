import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWeComAdapter } from '../../bots/wecom/index.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { createLogger } from '../../src/logger.ts';
import type { HandleResult } from '../../src/conversation/engine.ts';
import { FakeQyapi } from './support/fake-qyapi.ts';
import { agentId, secret, signedCallback, templateCardEventXml, textXml, vector } from './support/callbacks.ts';
import { shownText, useWeComHarness } from './support/wecom-harness.ts';

/**
 * After a tap on one of Legwork's template cards the person's card loses its buttons for one
 * disabled "已选择：<what they chose>" (update_template_card with the tap's single-use ResponseCode).
 */

const updatePath = '/cgi-bin/message/update_template_card';

describe('updating the card after a tap (whole service)', () => {
  const w = useWeComHarness();
  let msgId = 7_000_000;

  const say = (from: string, content: string) => w.current.post(textXml({ from, content, msgId: String(msgId++), createTime: w.current.createTime() }));

  /** A tap as WeCom sends it; its ResponseCode is `ResponseCode-<createTime>`. */
  const tapXml = (from: string, createTime: number, card: { eventKey: string; cardType?: string; optionId?: string }) =>
    templateCardEventXml({
      from,
      createTime,
      eventKey: card.eventKey,
      taskId: 'legwork-42',
      cardType: card.cardType ?? 'button_interaction',
      ...(card.optionId ? { selected: [{ questionKey: 'choice', optionIds: [card.optionId] }] } : {}),
    });

  async function checkedInAt(): Promise<string[]> {
    const rows = await w.current.h.db
      .selectFrom('check_ins')
      .innerJoin('customers', 'customers.id', 'check_ins.customer_id')
      .select('customers.name')
      .where('check_ins.kind', '=', 'in')
      .execute();
    return rows.map((r) => r.name);
  }

  /** Two customers match 华为: the check-in waits for a tap on the card listing both. */
  async function buttonCard(from: string) {
    await say(from, '新客户 华为终端 22.54,113.95');
    await say(from, '新客户 华为技术 22.60,113.90');
    await say(from, '签到 华为 22.5401,113.9501');
    const message = (await w.current.delivered()).at(-1)!;
    expect(message.msgtype).toBe('template_card');
    w.current.h.clock.advance(30_000);
    return (message.body.template_card as { card_type: string; button_list: { text: string; key: string }[] }).button_list;
  }

  it('makes the check-in first, then sends exactly one update naming the customer tapped', async () => {
    const { post, fake, delivered } = w.current;
    const buttons = await buttonCard('carol');
    const chosen = buttons[1]!;
    const checkInsWhenUpdated: string[][] = [];
    fake.beforeAnswer = async (call) => {
      if (call.path === updatePath) checkInsWhenUpdated.push(await checkedInAt());
    };
    const createTime = w.current.createTime();

    const res = await post(tapXml('carol', createTime, { eventKey: chosen.key }));
    expect(res.status).toBe(200);
    const updates = fake.callsTo(updatePath);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.body).toEqual({
      userids: ['carol'],
      agentid: Number(agentId),
      response_code: `ResponseCode-${createTime}`,
      button: { replace_name: `已选择：${chosen.text}` },
    });
    expect(updates[0]!.query.access_token).toMatch(/^fake-token-/);
    // When WeCom was asked to update the card, the check-in at the chosen customer was already stored.
    expect(checkInsWhenUpdated).toEqual([[chosen.text]]);
    expect(shownText((await delivered()).at(-1)!)).toContain(`已在 ${chosen.text} 签到`);
  });

  it('updates the card once when WeCom delivers the tap again (the engine says duplicate)', async () => {
    const { post, fake } = w.current;
    const [first] = await buttonCard('dan');
    const again = tapXml('dan', w.current.createTime(), { eventKey: first!.key });
    for (let i = 0; i < 3; i++) expect((await post(again)).status).toBe(200);
    expect(fake.callsTo(updatePath)).toHaveLength(1);
    expect(await checkedInAt()).toEqual([first!.text]);
  });

  it('keeps the check-in and the reply when WeCom refuses the update, and does not try again', async () => {
    const { post, fake, delivered } = w.current;
    const [first, second] = await buttonCard('erin');
    fake.script(updatePath, { errcode: -1, errmsg: 'system busy' });
    const tap = tapXml('erin', w.current.createTime(), { eventKey: second!.key });
    expect((await post(tap)).status).toBe(200);
    expect(await checkedInAt()).toEqual([second!.text]);
    expect(shownText((await delivered()).at(-1)!)).toContain(`已在 ${second!.text} 签到`);
    // A redelivery changes nothing: no second check-in, no second update.
    expect((await post(tap)).status).toBe(200);
    expect(fake.callsTo(updatePath)).toHaveLength(1);
    expect(await checkedInAt()).toEqual([second!.text]);
    expect(first!.text).not.toBe(second!.text);
  });

  it('takes a tap whose response code WeCom says is used, as the answer it is', async () => {
    const { post, fake } = w.current;
    const [first] = await buttonCard('fay');
    fake.script(updatePath, { errcode: 42022, errmsg: 'code has been used' });
    expect((await post(tapXml('fay', w.current.createTime(), { eventKey: first!.key }))).status).toBe(200);
    expect(await checkedInAt()).toEqual([first!.text]);
    expect(fake.callsTo(updatePath)).toHaveLength(1);
  });

  it('updates a vote card (more than 6 customers) with the option chosen', async () => {
    const { post, fake, delivered } = w.current;
    for (let i = 1; i <= 7; i++) await say('gus', `新客户 华为${i}号店 22.5${i},113.9${i}`);
    await say('gus', '签到 华为 22.5401,113.9501');
    const message = (await delivered()).at(-1)!;
    const card = message.body.template_card as { card_type: string; checkbox: { option_list: { id: string; text: string }[] }; submit_button: { key: string } };
    expect(card.card_type).toBe('vote_interaction');
    const option = card.checkbox.option_list[4]!;
    w.current.h.clock.advance(30_000);
    const createTime = w.current.createTime();

    await post(tapXml('gus', createTime, { eventKey: card.submit_button.key, cardType: 'vote_interaction', optionId: option.id }));
    expect(await checkedInAt()).toEqual([option.text]);
    // WeCom's button form applies to vote cards too: the submit button becomes the disabled label.
    expect(fake.callsTo(updatePath).map((c) => c.body)).toEqual([
      { userids: ['gus'], agentid: Number(agentId), response_code: `ResponseCode-${createTime}`, button: { replace_name: `已选择：${option.text}` } },
    ]);
  });

  it('says only "已选择" on a card sent before keys carried the label (`reply:` keys) that answers a question asked before ids', async () => {
    const { post, fake, h } = w.current;
    await buttonCard('hal');
    // The question as a row saved before questions had ids: old cards may still answer it.
    const row = await h.db.selectFrom('conversation_states').select(['user_id', 'data']).executeTakeFirstOrThrow();
    const { questionId: _dropped, ...legacy } = row.data as { questionId?: string };
    await h.db.updateTable('conversation_states').set({ data: JSON.stringify(legacy) }).where('user_id', '=', row.user_id).execute();
    await post(tapXml('hal', w.current.createTime(), { eventKey: 'reply:1' }));
    expect(fake.callsTo(updatePath).map((c) => (c.body?.button as { replace_name: string }).replace_name)).toEqual(['已选择']);
    expect(await checkedInAt()).toHaveLength(1);
  });

  it('takes an old card (`reply:` / `choice:` keys) as stale once a question with an id is pending', async () => {
    const { post, fake, delivered } = w.current;
    await buttonCard('hank');
    await post(tapXml('hank', w.current.createTime(), { eventKey: 'reply:1' }));
    w.current.h.clock.advance(1000);
    await post(tapXml('hank', w.current.createTime(), { eventKey: 'choice:["1","华为终端","zh-CN"]' }));
    expect(fake.callsTo(updatePath)).toEqual([]);
    expect(await checkedInAt()).toEqual([]);
    expect((await delivered()).map(shownText)).toEqual([expect.stringContaining('这个列表已经失效'), expect.stringContaining('这个列表已经失效')]);
  });

  it('leaves cards that are not ours alone', async () => {
    const { post, fake } = w.current;
    await post(tapXml('ivy', w.current.createTime(), { eventKey: 'approve' }));
    expect(fake.callsTo(updatePath)).toEqual([]);
  });
});

describe('updating the card after a tap (adapter, stand-in engine)', () => {
  const fake = new FakeQyapi({ corpId: vector.corpId, secret, agentId });
  const logLines: { level: number; msg: string; [key: string]: unknown }[] = [];
  let raw = '';

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    fake.reset();
    logLines.length = 0;
    raw = '';
  });

  function setup(handle: () => Promise<HandleResult>) {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        raw += String(chunk);
        logLines.push(JSON.parse(String(chunk)) as (typeof logLines)[number]);
        done();
      },
    });
    const adapter = createWeComAdapter(
      { corpId: vector.corpId, agentId, secret, token: vector.token, encodingAesKey: vector.encodingAesKey, apiUrl: fake.url, locationSystem: 'gcj02', markdown: true },
      { engine: { handle }, clock: new ManualClock(new Date('2026-11-27T02:00:00Z')), logger: createLogger('debug', sink) },
      { ackBudgetMs: 50 },
    );
    const app = new Hono();
    adapter.routes!(app);
    const tap = signedCallback(
      templateCardEventXml({ from: 'alice', createTime: 1_795_744_800, eventKey: 'choice:["2","Huawei Tech","en-US"]', taskId: 'legwork-7', cardType: 'button_interaction' }),
    );
    const post = async () => {
      const res = await app.request(tap.path, { method: 'POST', body: tap.body });
      await adapter.settled();
      return res;
    };
    return { post, adapter, app, tap };
  }

  const warnings = () => logLines.filter((l) => l.level >= 40);

  it("writes the label in the card's language when the card carried one", async () => {
    const { post } = setup(async () => ({ duplicate: false, replies: 1, questionAnswered: true }));
    await post();
    expect(fake.callsTo(updatePath).map((c) => c.body?.button)).toEqual([{ replace_name: 'Chosen: Huawei Tech' }]);
  });

  it('waits for the engine to commit the tap before touching the card', async () => {
    let commit!: (result: HandleResult) => void;
    const { adapter, app, tap } = setup(() => new Promise<HandleResult>((resolve) => (commit = resolve)));
    // Slower than the ack budget: WeCom gets its 200 while the turn is still running.
    expect((await app.request(tap.path, { method: 'POST', body: tap.body })).status).toBe(200);
    expect(fake.callsTo(updatePath)).toEqual([]);
    commit({ duplicate: false, replies: 1, questionAnswered: true });
    await adapter.settled();
    expect(fake.callsTo(updatePath)).toHaveLength(1);
  });

  it('does not update when the engine had already handled the tap, nor when the tap answered nothing, nor when handling failed', async () => {
    expect((await setup(async () => ({ duplicate: true, replies: 0 })).post()).status).toBe(200);
    expect((await setup(async () => ({ duplicate: false, replies: 1, questionAnswered: false })).post()).status).toBe(200);
    expect((await setup(async () => Promise.reject(new Error('database unavailable'))).post()).status).toBe(500);
    expect(fake.callsTo(updatePath)).toEqual([]);
  });

  it('logs a spent response code (42022) at info, other refusals as a warning, never the code or the token', async () => {
    const { post } = setup(async () => ({ duplicate: false, replies: 1, questionAnswered: true }));
    fake.script(updatePath, { errcode: 42022, errmsg: 'code has been used' });
    expect((await post()).status).toBe(200);
    expect(warnings()).toEqual([]);
    expect(logLines.find((l) => l.errcode === 42022)).toMatchObject({ level: 30, taskId: 'legwork-7', userId: 'alice' });

    fake.script(updatePath, { errcode: 45009, errmsg: 'api freq out of limit' });
    expect((await post()).status).toBe(200);
    expect(warnings()).toEqual([expect.objectContaining({ level: 40, taskId: 'legwork-7', cardType: 'button_interaction' })]);
    expect(fake.callsTo(updatePath)).toHaveLength(2);
    expect(raw).not.toContain('ResponseCode-');
    expect(raw).not.toContain('fake-token-');
    expect(raw).not.toContain(secret);
  });
});
