import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { GROUP_ID, sessionReplies, setupDingTalk, textMessage, waitFor, type DingTalkSetup, type Person } from './support.ts';

/**
 * Stream mode end to end: the real dingtalk-stream client connects to the fake gateway, robot
 * messages arrive as CALLBACK frames, the engine handles them, and the replies leave through each
 * message's session webhook when the outbox is drained.
 */
let s: DingTalkSetup;

beforeAll(async () => {
  s = await setupDingTalk('stream');
  await s.adapter.start!();
  await waitFor('the Stream connection', () => s.fake.openSocket);
});
afterAll(async () => s?.close());
beforeEach(async () => {
  await resetDatabase(s.database);
  s.fake.reset();
  s.h.clock.set(testStart);
});

const manager: Person = { staffId: 'manager4220', nick: '李经理' };
const rep: Person = { staffId: 'rep0815', nick: 'Bob' };

/** Sends `text` as `person`, waits until the frame is acked, drains the outbox, returns the replies. */
async function say(person: Person, text: string, options: { group?: boolean } = {}) {
  const message = textMessage(s.fake, person, text, { ...options, now: s.h.clock.now() });
  const messageId = s.fake.pushRobotMessage(message);
  const [ack] = await waitFor(`the ack of "${text}"`, () => s.fake.acksFor(messageId).length > 0 && s.fake.acksFor(messageId));
  expect(ack).toMatchObject({ code: 200, message: 'OK', headers: { messageId, contentType: 'application/json' }, data: '{"response":null}' });
  await s.h.app.delivery.drainOnce();
  return { replies: sessionReplies(s.fake, message.session), session: message.session, messageId };
}

async function expectReply(person: Person, text: string, expected: string, options: { group?: boolean } = {}) {
  const { replies } = await say(person, text, options);
  expect(replies.join('\n---\n'), `reply to "${text}"`).toContain(expected);
  return replies;
}

const chinese = (group: boolean): [string, string][] => [
  ['帮助', '命令（示例）'],
  ['新客户 华为 22.54,113.95', '已新建客户"华为"'],
  ['签到 华为 22.541,113.951', '已在 华为 签到 ✓'],
  ['签退 见了采购', '已从 华为 签退'],
  ['拜访 华为 演示顺利 下一步 发报价 跟进 下周五', '下一步：发报价'],
  ['日报', '拜访：1 次'],
  ['日报 今天拜访了华为，明天跟进报价', '日报已提交'],
  ['今天', '今天（'],
  // The card shows visit notes, which go to the asker alone in a group.
  ['客户 华为', group ? '后续内容已私信发给你' : '华为（'],
  ['创建团队 华东', '已创建团队"华东"'],
  ['加入方式 开放', '现在任何人都可以直接加入团队'],
  ['绑定团队 华东', group ? '本群已绑定团队"华东"' : '请在要绑定的群聊里发送'],
  ['设置时区 Asia/Shanghai', '时区已设为 Asia/Shanghai'],
];

const english = (group: boolean): [string, string][] => [
  ['help', 'Commands (examples):'],
  ['new customer Acme 37.77,-122.42', 'Customer "Acme" created'],
  ['checkin Acme 37.771,-122.419', 'Checked in at Acme ✓'],
  ['checkout met the buyer', 'Checked out of Acme'],
  ['visit Acme: demo went well; next: send quote; follow up: next Friday', 'Next step: send quote'],
  ['report', 'Visits: 1'],
  ['report visited Acme, quote tomorrow', 'submitted'],
  ['today', 'Today ('],
  ['customer Acme', group ? 'I sent you the rest in a private chat' : 'Acme (tier'],
  ['team create West', 'Team "West" created'],
  ['joining open', 'Anyone can now join a team without approval.'],
  ['bind West', group ? 'leaderboards will be posted here' : 'inside the group chat'],
  ['timezone America/Los_Angeles', 'Time zone set to America/Los_Angeles'],
];

describe.each([
  { where: '1:1', group: false },
  { where: 'in a group', group: true },
])('every command $where', ({ group }) => {
  it('in Chinese', async () => {
    await expectReply(manager, '帮助', '欢迎使用 Legwork，李经理', { group });
    for (const [text, expected] of chinese(group)) await expectReply(manager, text, expected, { group });
    await expectReply(rep, '加入团队 华东', '你已加入团队"华东"', { group });
    await expectReply(manager, '语言 English', 'I will reply in English.', { group });

    const identity = await s.h.db.selectFrom('identities').selectAll().where('external_id', '=', manager.staffId).executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ platform: 'dingtalk', tenant_id: 'ding9f50b15bccd16741', direct_ref: 'dingtalk:user:manager4220' });
    if (group) {
      const team = await s.h.db.selectFrom('teams').select('bound_channel_ref').where('name', '=', '华东').executeTakeFirstOrThrow();
      expect(team.bound_channel_ref).toBe(`dingtalk:group:${GROUP_ID}`);
    }
  });

  it('in English', async () => {
    await say(manager, 'language en', { group });
    for (const [text, expected] of english(group)) await expectReply(manager, text, expected, { group });
    await say(rep, 'language English', { group });
    await expectReply(rep, 'join West', 'You joined team "West"', { group });
    await expectReply(manager, 'language zh', '好的，之后用中文回复你。', { group });
  });
});

describe('how replies look in DingTalk', () => {
  it('mentions the asker in a group reply; a location link asked for in a group goes 1:1 (oToMessages), never into the group', async () => {
    // Someone who never wrote to the robot 1:1: no 1:1 session webhook to use, so the OpenAPI it is.
    const newcomer: Person = { staffId: 'rep7001', nick: '王五' };
    const created = await say(newcomer, '新客户 华为 22.54,113.95', { group: true });
    const { session } = await say(newcomer, '签到 华为', { group: true });
    const posts = s.fake.callsTo('/robot/sendBySession').filter((c) => c.query.session === session);
    expect(posts.map((c) => c.body)).toEqual([
      { msgtype: 'text', text: { content: '@rep7001 王五，后续内容已私信发给你（仅限你本人使用）。' }, at: { atUserIds: [newcomer.staffId], isAtAll: false } },
    ]);
    const groupSessions = new Set([created.session, session]);
    const groupCalls = [
      ...s.fake.callsTo('/robot/sendBySession').filter((c) => groupSessions.has(String(c.query.session))),
      ...s.fake.callsTo('/v1.0/robot/groupMessages/send'),
    ];
    expect(JSON.stringify(groupCalls.map((c) => c.body))).not.toMatch(/\/c\//);

    // https://open.dingtalk.com/document/orgapp/chatbots-send-one-on-one-chat-messages-in-batches
    const [oneToOne] = s.fake.callsTo('/v1.0/robot/oToMessages/batchSend');
    expect(oneToOne!.body).toMatchObject({ robotCode: 'dingkzxdapefq1ac6gk', userIds: [newcomer.staffId], msgKey: 'sampleActionCard' });
    const card = JSON.parse(oneToOne!.body.msgParam);
    expect(card).toMatchObject({ singleTitle: '共享位置并签到' });
    expect(card.singleURL).toMatch(/^http:\/\/legwork\.test\/c\/[\w-]+/);
    expect(card.text).toContain(card.singleURL);
    const { session: helpSession } = await say(newcomer, '今天', { group: true });
    const [text] = s.fake.callsTo('/robot/sendBySession').filter((c) => c.query.session === helpSession);
    expect(text!.body).toMatchObject({ msgtype: 'text', at: { atUserIds: [newcomer.staffId], isAtAll: false } });
    expect(text!.body.text.content).toMatch(/^@rep7001 今天（/);
  });

  it('sends the location link 1:1 as an ActionCard button through the chat’s own session webhook', async () => {
    await say(manager, '新客户 华为 22.54,113.95');
    const { session } = await say(manager, '签到 华为');
    const posts = s.fake.callsTo('/robot/sendBySession').filter((c) => c.query.session === session);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.actionCard).toMatchObject({ singleTitle: '共享位置并签到' });
    expect(s.fake.callsTo('/v1.0/robot/oToMessages/batchSend')).toEqual([]);
  });

  it('does not mention anyone in a 1:1 chat', async () => {
    const { session } = await say(manager, '帮助');
    const bodies = s.fake.callsTo('/robot/sendBySession').filter((c) => c.query.session === session).map((c) => c.body);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body.at).toBeUndefined();
  });
});
