import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, testStart, type TestHarness } from '../support/test-app.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import type { WeComAdapter } from '../../bots/wecom/index.ts';
import { FakeDingTalk } from '../dingtalk/fake-dingtalk.ts';
import { app as dingtalkApp, fixtures, sessionReplies, signedHeaders, textMessage, type Person } from '../dingtalk/support.ts';
import { FakeQyapi } from '../wecom/support/fake-qyapi.ts';
import { agentId, secret, signedCallback, templateCardEventXml, textXml, vector, wecomEnv } from '../wecom/support/callbacks.ts';

/**
 * A join approval across two platforms (issue #13): the rep asks on DingTalk, the manager decides on
 * WeCom (tapping the card's button or typing), and the rep hears the decision on DingTalk. One
 * company on both platforms: its WeCom corp is linked to the org its DingTalk users are in (there is
 * no chat command for that link yet, so the test stores it as an operator would).
 */
let dingtalk: FakeDingTalk;
let qyapi: FakeQyapi;
let database: DatabaseHandle;
let h: TestHarness;
let wecom: WeComAdapter;
let msgId = 9_100_000;
let sentToWeCom = 0;

beforeAll(async () => {
  dingtalk = await new FakeDingTalk(dingtalkApp).start();
  qyapi = new FakeQyapi({ corpId: vector.corpId, secret, agentId });
  await qyapi.start();
  database = await createTestDatabase();
  h = await createHarness(
    {
      DINGTALK_CLIENT_ID: dingtalkApp.clientId,
      DINGTALK_CLIENT_SECRET: dingtalkApp.clientSecret,
      DINGTALK_ROBOT_CODE: dingtalkApp.robotCode,
      DINGTALK_MODE: 'http',
      DINGTALK_API_URL: dingtalk.url,
      ...wecomEnv(qyapi.url),
      LOCAL_CHAT: 'off',
    },
    database,
  );
  wecom = h.app.adapters.find((a) => a.platform === 'wecom') as WeComAdapter;
}, 180_000);

afterAll(async () => {
  await h?.app.stop();
  await database?.close();
  await dingtalk?.close();
  await qyapi?.stop();
});

beforeEach(async () => {
  await resetDatabase(database);
  dingtalk.reset();
  qyapi.reset();
  sentToWeCom = 0;
  h.clock.set(testStart);
});

const admin: Person = { staffId: 'admin01', nick: '李四' };
const rep: Person = { staffId: 'rep0815', nick: '王五' };
const corp = String(fixtures.direct.senderCorpId);

/** A DingTalk 1:1 message (HTTP callback mode); returns the replies through its session webhook. */
async function onDingTalk(person: Person, text: string): Promise<string[]> {
  const message = textMessage(dingtalk, person, text, { now: h.clock.now() });
  const res = await h.app.http.request('/dingtalk/callback', {
    method: 'POST',
    headers: signedHeaders(dingtalkApp.clientSecret, h.clock.now().getTime()),
    body: JSON.stringify(message),
  });
  expect(res.status).toBe(200);
  await h.app.delivery.drainOnce();
  return sessionReplies(dingtalk, message.session);
}

/**
 * What the robot sent to a DingTalk person outside a reply: through the session webhook of their last
 * message while it is valid, else proactively (batchSend). `after` skips the calls seen before.
 */
function toDingTalkPerson(person: Person, after: number): string[] {
  return dingtalk.calls.slice(after).flatMap((c) => {
    if (c.path === '/robot/sendBySession' && c.body) return [String((c.body as any).text?.content ?? (c.body as any).markdown?.text ?? '')];
    if (c.path === '/v1.0/robot/oToMessages/batchSend' && (c.body?.userIds as string[]).includes(person.staffId)) {
      const param = JSON.parse(String(c.body?.msgParam)) as { content?: string; text?: string };
      return [param.content ?? param.text ?? ''];
    }
    return [];
  });
}

async function postWeCom(xml: string): Promise<void> {
  const cb = signedCallback(xml);
  const res = await h.app.http.request(cb.path, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: cb.body });
  expect(res.status).toBe(200);
  await wecom.settled();
  await h.app.delivery.drainOnce();
}

const createTime = () => Math.floor(h.clock.now().getTime() / 1000);
const onWeCom = (from: string, content: string) => postWeCom(textXml({ from, content, msgId: String(msgId++), createTime: createTime() }));

/** App messages WeCom was asked to send since the last look. */
function weComSends(): { touser: string; msgtype: string; body: Record<string, any> }[] {
  const sends = qyapi.callsTo('/cgi-bin/message/send').slice(sentToWeCom);
  sentToWeCom += sends.length;
  return sends.map((c) => ({ touser: String(c.body?.touser), msgtype: String(c.body?.msgtype), body: c.body ?? {} }));
}

/** Admin and rep on DingTalk, the manager on WeCom in the same org, team 华东 managed by them. */
async function company(manager: string, english = false): Promise<string> {
  await onDingTalk(admin, '帮助');
  const org = await h.db.selectFrom('org_tenants').select('org_id').where('platform', '=', 'dingtalk').where('tenant_id', '=', corp).executeTakeFirstOrThrow();
  await h.db.insertInto('org_tenants').values({ platform: 'wecom', tenant_id: vector.corpId, org_id: org.org_id }).execute();
  await onWeCom(manager, english ? 'language en' : '帮助');
  const managerName = (
    await h.db
      .selectFrom('identities')
      .innerJoin('users', 'users.id', 'identities.user_id')
      .select(['users.display_name', 'users.org_id'])
      .where('identities.platform', '=', 'wecom')
      .where('identities.external_id', '=', manager)
      .executeTakeFirstOrThrow()
  );
  expect(managerName.org_id).toBe(org.org_id);
  await onDingTalk(admin, `创建团队 华东 经理 ${managerName.display_name}`);
  await onDingTalk(rep, english ? 'language en' : '帮助');
  weComSends();
  return managerName.display_name;
}

describe('join approval across DingTalk and WeCom', () => {
  it('the manager taps Approve on the WeCom card and the rep is told on DingTalk (Chinese)', async () => {
    const manager = await company('zhangsan');
    expect((await onDingTalk(rep, '加入团队 华东')).join('\n')).toBe(`已请${manager}批准你加入团队"华东"，有结果会通知你。`);
    const [card] = weComSends();
    expect(card!.touser).toBe('zhangsan');
    expect(card!.msgtype).toBe('template_card');
    const buttons = card!.body.template_card.button_list as { text: string; key: string }[];
    expect(buttons.map((b) => b.text)).toEqual(['同意', '拒绝']);
    expect(JSON.stringify(card!.body.template_card)).toContain('王五申请加入团队\\"华东\\"');

    h.clock.advance(60_000);
    const before = dingtalk.calls.length;
    await postWeCom(templateCardEventXml({ from: 'zhangsan', createTime: createTime(), eventKey: buttons[0]!.key, taskId: 'legwork-join', cardType: 'button_interaction' }));
    expect(weComSends().map((m) => JSON.stringify(m.body))).toEqual([expect.stringContaining('王五已加入团队')]);
    expect(toDingTalkPerson(rep, before)).toEqual(['zhangsan已同意：你已加入团队"华东"。']);
    const member = await h.db
      .selectFrom('team_memberships')
      .innerJoin('users', 'users.id', 'team_memberships.user_id')
      .select('users.display_name')
      .execute();
    expect(member.map((m) => m.display_name).sort()).toEqual([manager, '王五'].sort());
  });

  it('the manager types "decline 王五" on WeCom and the rep is told on DingTalk (English)', async () => {
    await company('zhangsan', true);
    expect(await onDingTalk(rep, 'join 华东')).toEqual(['Asked zhangsan to let you join team "华东". I\'ll tell you when they decide.']);
    const [card] = weComSends();
    expect(JSON.stringify(card!.body)).toContain('王五 asks to join team \\"华东\\"');
    const before = dingtalk.calls.length;
    await onWeCom('zhangsan', 'decline 王五');
    expect(weComSends().map((m) => JSON.stringify(m.body))).toEqual([expect.stringContaining("Declined 王五's request to join team")]);
    expect(toDingTalkPerson(rep, before)).toEqual(['zhangsan declined your request to join team "华东".']);
    expect(await h.db.selectFrom('team_memberships').select('user_id').execute()).toHaveLength(1);
  });
});
