import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { choiceLink, encodeOpenApiMessage, encodeSessionMessage } from '../../bots/dingtalk/encode.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { checkedInCustomers } from '../conversation/helpers.ts';
import { samplePage } from '../support/sample-page.ts';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { sessionReplies, setupDingTalk, signedHeaders, textMessage, type DingTalkSetup, type Person } from './support.ts';

/**
 * Quick answers on DingTalk: robots get no button callbacks, so each choice is a markdown link
 * (`dtmd://dingtalkclient/sendMessage`) that makes the person's client send the reply as their own
 * message. 1:1 only: in a group that message would not @ the robot.
 */
const link = { label: '共享位置并签到', url: 'https://legwork.example/c/abc' };
const param = (encoded: { msgParam: string }) => JSON.parse(encoded.msgParam);

describe('DingTalk choices (encoding)', () => {
  it('makes the choice of a page a dtmd link at the end of its markdown (OpenAPI and session webhook)', () => {
    const page = samplePage('zh-CN');
    const encoded = encodeOpenApiMessage(page);
    expect(encoded.msgKey).toBe('sampleMarkdown');
    const p = param(encoded);
    expect(p.text).toContain('#### 华东');
    expect(p.text).toContain('回复「下一页」查看第 2/3 页');
    expect(p.text.endsWith('\n\n[下一页（2/3）](dtmd://dingtalkclient/sendMessage?content=%E4%B8%8B%E4%B8%80%E9%A1%B5)')).toBe(true);
    expect(choiceLink('next page')).toBe('dtmd://dingtalkclient/sendMessage?content=next%20page');

    const session = encodeSessionMessage(samplePage('en-US'));
    expect(session).toMatchObject({ msgtype: 'markdown' });
    expect((session.markdown as { text: string }).text).toContain(`[Next page (2/3)](${choiceLink('next page')})`);
  });

  it('keeps the message links as buttons and adds the choices as links in the card text', () => {
    const choices = Array.from({ length: 6 }, (_, i) => ({ label: `客户${i + 1}`, reply: String(i + 1) }));
    const encoded = encodeOpenApiMessage({ text: '请选择', actions: [link], choices });
    expect(encoded.msgKey).toBe('sampleActionCard');
    const p = param(encoded);
    expect([p.singleTitle, p.singleURL]).toEqual([link.label, link.url]);
    for (const [i, c] of choices.entries()) expect(p.text).toContain(`[${c.label}](${choiceLink(String(i + 1))})`);
    const session = encodeSessionMessage({ text: '请选择', choices: choices.slice(0, 2) });
    expect(session.msgtype).toBe('markdown');
    expect((session.markdown as { text: string }).text).toContain(`[客户1](${choiceLink('1')})  [客户2](${choiceLink('2')})`);
  });

  it('leaves choices as text in groups', () => {
    expect(encodeOpenApiMessage(samplePage('zh-CN'), { choices: false }).msgKey).toBe('sampleMarkdown');
    expect(encodeSessionMessage(samplePage('zh-CN'), 'rep1', { choices: false }).msgtype).toBe('markdown');
    expect(encodeSessionMessage({ text: '请选择', choices: [{ label: '客户1', reply: '1' }] }, 'rep1', { choices: false }).msgtype).toBe('text');
  });

});

describe('DingTalk choices (whole service, fake DingTalk)', () => {
  let s: DingTalkSetup;
  let rep: Person;
  let people = 0;
  beforeAll(async () => {
    s = await setupDingTalk('http');
  });
  afterAll(async () => s?.close());
  beforeEach(async () => {
    await resetDatabase(s.database);
    s.fake.reset();
    s.h.clock.set(testStart);
    rep = { staffId: `chooser${++people}`, nick: '赵六' };
  });

  async function receive(text: string, options: { group?: boolean } = {}) {
    const message = textMessage(s.fake, rep, text, { now: s.h.clock.now(), ...options });
    const res = await s.h.app.http.request('/dingtalk/callback', {
      method: 'POST',
      headers: signedHeaders(s.fake.app.clientSecret, s.h.clock.now().getTime()),
      body: JSON.stringify(message),
    });
    expect(res.status).toBe(200);
    await s.h.app.delivery.drainOnce();
    return message;
  }

  it('sends a page 1:1 as markdown with its dtmd link, and to a group as markdown without it', async () => {
    await enqueueMessages(
      s.h.db,
      [
        { orgId: null, targetRef: `dingtalk:user:${rep.staffId}`, message: samplePage('zh-CN') },
        { orgId: null, targetRef: 'dingtalk:group:cidBoardOnly==', message: samplePage('zh-CN') },
      ],
      s.h.clock.now(),
    );
    await s.h.app.delivery.drainOnce();
    const [direct] = s.fake.callsTo('/v1.0/robot/oToMessages/batchSend');
    expect(direct!.body).toMatchObject({ msgKey: 'sampleMarkdown', userIds: [rep.staffId] });
    expect(JSON.parse((direct!.body as { msgParam: string }).msgParam).text).toContain(`(${choiceLink('下一页')})`);
    const [group] = s.fake.callsTo('/v1.0/robot/groupMessages/send');
    expect(group!.body).toMatchObject({ msgKey: 'sampleMarkdown' });
    expect(JSON.parse((group!.body as { msgParam: string }).msgParam).text).toContain('回复「下一页」查看第 2/3 页');
    expect(JSON.parse((group!.body as { msgParam: string }).msgParam).text).not.toContain('dtmd:');
  });

  it('asks "which customer?" with dtmd links; the text a link sends answers it', async () => {
    await receive('新客户 华为终端 22.54,113.95');
    await receive('新客户 华为技术 22.60,113.90');
    const question = await receive('签到 华为 22.54,113.95');
    const [card] = s.fake.callsTo('/robot/sendBySession').filter((c) => c.query.session === question.session).map((c) => c.body as any);
    expect(card.msgtype).toBe('markdown');
    const links = [...(card.markdown.text as string).matchAll(/\[([^\]]+)\]\((dtmd:[^)]+)\)/gu)].map((m) => ({ title: m[1]!, url: m[2]! }));
    expect(links.map((b) => b.title).sort()).toEqual(['华为技术', '华为终端']);
    const chosen = links.find((b) => b.title === '华为技术')!;
    // What the client sends on a tap: the link's content, as the person's message.
    const sent = new URL(chosen.url).searchParams.get('content')!;
    const answer = await receive(sent);
    expect(sessionReplies(s.fake, answer.session).join('\n')).toContain('已在 华为技术 签到');
    expect(await checkedInCustomers(s.h)).toEqual(['华为技术']);
  });

  it('asks the same question in a group as text only (a dtmd message there would not @ the robot)', async () => {
    await receive('新客户 华为终端 22.54,113.95');
    await receive('新客户 华为技术 22.60,113.90');
    const asked = await receive('签到 华为 22.54,113.95', { group: true });
    const bodies = s.fake.callsTo('/robot/sendBySession').filter((c) => c.query.session === asked.session).map((c) => c.body as any);
    expect(bodies).toHaveLength(1);
    expect(bodies[0].msgtype).not.toBe('actionCard');
    expect(JSON.stringify(bodies[0])).toContain('华为技术');
    expect(JSON.stringify(bodies[0])).not.toContain('dtmd:');
  });
});
