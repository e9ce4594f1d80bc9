import { beforeEach, describe, expect, it } from 'vitest';
import { wecomApp } from './platform-ids.ts';
import { countRows, createWorkerHarness, fakeCalls, onPostgres, resetAll, skipReason, withDb, type WorkerHarness } from './support.ts';
import { postWeCom, wecomTextXml } from './wecom-callbacks.ts';

/**
 * WeCom template cards on the Worker: a choice is sent as a button card (message/send), the tap comes
 * back as a `template_card_event`, answers the question like the typed answer would, and the card
 * then loses its buttons for "已选择：…" (update_template_card with the tap's single-use code), as on
 * the Node service. A tap WeCom delivers twice counts once.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: WeCom template cards' : skipReason, () => {
  let h: WorkerHarness;
  let msgId = 7_600_000_000_000_000;
  beforeEach(async () => {
    await resetAll();
    h = await createWorkerHarness();
  });

  const say = (from: string, content: string) => postWeCom(h, wecomTextXml(h, from, content, String(msgId++)));
  const calls = async (path: string) => (await fakeCalls('wecom')).filter((c) => c.path === path);

  /** The button tap as WeCom sends it (接收事件 → 模板卡片事件推送, https://developer.work.weixin.qq.com/document/path/90240). */
  function tapXml(from: string, createTime: number, eventKey: string, taskId: string): string {
    return `<xml><ToUserName><![CDATA[${wecomApp.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${eventKey}]]></EventKey><TaskId><![CDATA[${taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[ResponseCode-${createTime}]]></ResponseCode><AgentID>${wecomApp.agentId}</AgentID></xml>`;
  }

  async function checkedInAt(): Promise<string[]> {
    return withDb(async (db) =>
      (await db.selectFrom('check_ins').innerJoin('customers', 'customers.id', 'check_ins.customer_id').select('customers.name').where('check_ins.kind', '=', 'in').execute()).map((r) => r.name),
    );
  }

  it('a tap on a button card answers the question once and updates the card', async () => {
    await say('carol', '新客户 华为终端 22.54,113.95');
    await say('carol', '新客户 华为技术 22.60,113.90');
    await say('carol', '签到 华为 22.5401,113.9501');
    const card = (await calls('/cgi-bin/message/send')).at(-1)!;
    expect(card.body.msgtype).toBe('template_card');
    const template = card.body.template_card as { task_id: string; button_list: { text: string; key: string }[] };
    expect(template.button_list.map((b) => b.text)).toEqual(expect.arrayContaining(['华为终端', '华为技术']));
    expect(await checkedInAt()).toEqual([]);

    h.clock.advance(30_000);
    const chosen = template.button_list.find((b) => b.text === '华为技术')!;
    const createTime = Math.floor(h.clock.now().getTime() / 1000);
    const tap = tapXml('carol', createTime, chosen.key, template.task_id);
    const { response } = await postWeCom(h, tap);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(await checkedInAt()).toEqual(['华为技术']);
    const updates = await calls('/cgi-bin/message/update_template_card');
    expect(updates.map((c) => c.body)).toEqual([
      { userids: ['carol'], agentid: Number(wecomApp.agentId), response_code: `ResponseCode-${createTime}`, button: { replace_name: '已选择：华为技术' } },
    ]);
    const replies = (await calls('/cgi-bin/message/send')).filter((c) => c.body.touser === 'carol');
    expect(JSON.stringify(replies.at(-1)!.body)).toContain('华为技术');

    // WeCom delivers the same tap again (no answer within 5 s on its side): nothing changes.
    const sendsBefore = (await calls('/cgi-bin/message/send')).length;
    expect((await postWeCom(h, tap)).response.status).toBe(200);
    expect(await checkedInAt()).toEqual(['华为技术']);
    expect(await calls('/cgi-bin/message/update_template_card')).toHaveLength(1);
    expect(await calls('/cgi-bin/message/send')).toHaveLength(sendsBefore);
    expect(await countRows('check_ins')).toBe(1);
  });
});
