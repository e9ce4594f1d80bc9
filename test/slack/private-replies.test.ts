import { describe, expect, it } from 'vitest';
import { bob, deliver, directMessage, fixture, ids, postCommand, postEvent, slashCommand, textOf, useSlack, zhang } from './support.ts';

const ctx = useSlack();

/** Every call that shows something in the shared channel (posted, or ephemeral there). */
const inChannel = (calls: { args: Record<string, unknown> }[]) => calls.filter((c) => c.args.channel === ids.channel);

async function setUpCustomer(user = zhang, command = '新客户 华为 22.54,113.95') {
  await postEvent(ctx, directMessage(user, command));
  await deliver(ctx);
}

describe('a personal check-in link asked for in a Slack channel', () => {
  it('@Legwork 签到 华为: the link goes to the person’s DM, the channel only learns it was sent privately', async () => {
    await setUpCustomer();
    const mention = fixture('event-app-mention');
    mention.event.text = `<@${ids.botUser}> 签到 华为`;
    expect((await postEvent(ctx, mention)).status).toBe(200);

    const { posted, ephemeral } = await deliver(ctx);
    const channelCalls = inChannel([...posted, ...ephemeral]);
    expect(channelCalls.map(textOf)).toEqual(['张伟，后续内容已私信发给你（仅限你本人使用）。']);
    expect(JSON.stringify(channelCalls)).not.toMatch(/\/c\//);

    const dm = posted.filter((c) => c.args.channel === 'D0ZHANG01');
    expect(dm.map(textOf)).toEqual([expect.stringMatching(/在 华为 签到需要你的位置：打开 http:\/\/legwork\.test\/c\//)]);
  });

  it('/checkin Huawei in a channel from someone never met in a DM: the link reaches them through conversations.open', async () => {
    await setUpCustomer(zhang);
    await postCommand(ctx, slashCommand(bob, '/checkin', '华为'));
    const { posted, ephemeral } = await deliver(ctx);

    const channelCalls = inChannel([...posted, ...ephemeral]);
    expect(JSON.stringify(channelCalls)).not.toMatch(/\/c\//);
    expect(channelCalls.map(textOf)).toContain('Bob, I sent you the rest in a private chat: it is for you alone.');
    expect(ctx.fake.callsTo('conversations.open').map((c) => c.args.users)).toContain(bob.id);
    const dm = posted.filter((c) => c.args.channel === 'D0BOB0001');
    expect(dm.map(textOf)).toEqual([expect.stringContaining('To check in at 华为, share your location: open http://legwork.test/c/')]);
  });
});
