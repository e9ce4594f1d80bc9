import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish, snapshot, userOf } from './helpers.ts';

const h = useHarness();

async function team(name: string) {
  return h.current.db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

async function members(name: string) {
  return h.current.db
    .selectFrom('team_memberships')
    .innerJoin('teams', 'teams.id', 'team_memberships.team_id')
    .innerJoin('users', 'users.id', 'team_memberships.user_id')
    .select(['users.display_name', 'team_memberships.role'])
    .where('teams.name', '=', name)
    .orderBy('users.display_name')
    .execute();
}

describe('teams in Chinese', () => {
  it('lets the admin create a team they manage; others join it once the manager approves', async () => {
    await h.current.register('alice', 'bob');
    expect(await h.current.ask('alice', '创建团队 华东')).toBe(
      '已创建团队"华东"，你是经理。成员发送"加入团队 华东"加入；在团队群里发送"绑定团队 华东"。',
    );
    expect((await team('华东')).manager_id).toBe((await userOf(h.current, 'alice')).id);
    // The admin stays an admin.
    expect((await userOf(h.current, 'alice')).role).toBe('admin');

    expect(await h.current.ask('bob', '加入团队 华东')).toBe('已请alice批准你加入团队"华东"，有结果会通知你。');
    expect(await h.current.ask('bob', '加入团队 华东')).toBe('你已经申请加入团队"华东"，经理还没有处理。');
    expect(await h.current.ask('alice', '同意 bob')).toBe('bob已加入团队"华东"。');
    expect(await h.current.ask('bob', '加入团队 华东')).toBe('你已经在团队"华东"里了。');
    expect(await members('华东')).toEqual([
      { display_name: 'alice', role: 'manager' },
      { display_name: 'bob', role: 'rep' },
    ]);
  });

  it('refuses a second team with the same name', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '创建团队 华东');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '创建团队 华东')).toBe('团队"华东"已存在。');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('binds a team to a group channel when its manager asks there', async () => {
    await h.current.register('alice', 'bob');
    await h.current.say('alice', '创建团队 华东 经理 bob');
    const replies = await h.current.say('bob', '绑定团队 华东', { channelId: 'east-sales' });
    expect(replies).toEqual(['本群已绑定团队"华东"，排行榜将发到这里。']);
    expect((await team('华东')).bound_channel_ref).toBe('local:channel:east-sales');
  });

  it('refuses to bind in a direct conversation', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '创建团队 华东');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '绑定团队 华东')).toBe('请在要绑定的群聊里发送"绑定团队 <名称>"。');
    expect(await snapshot(h.current)).toEqual(before);
    expect((await team('华东')).bound_channel_ref).toBeNull();
  });

  it('refuses a bind by someone who does not manage the team', async () => {
    await h.current.register('alice', 'bob', 'carol');
    await h.current.say('alice', '加入方式 开放');
    await h.current.say('alice', '创建团队 华东 经理 bob');
    await h.current.say('carol', '加入团队 华东');
    const before = await snapshot(h.current);
    expect(await h.current.say('carol', '绑定团队 华东', { channelId: 'east-sales' })).toEqual(['只有"华东"的经理可以绑定群聊。']);
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('answers an unknown team', async () => {
    await h.current.register('alice');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '加入团队 西北')).toBe('没有名为"西北"的团队。');
    expect(await h.current.say('alice', '绑定团队 西北', { channelId: 'nw' })).toEqual(['没有名为"西北"的团队。']);
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('asks for the team name when it is missing', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '创建团队')).toBe('缺少或无法识别的内容。示例：创建团队 华东 经理 张三');
    expect(await h.current.ask('alice', '加入团队')).toBe('缺少或无法识别的内容。示例：加入团队 华东');
  });
});

describe('teams in English', () => {
  it('creates, joins and binds a team', async () => {
    await registerInEnglish(h.current, 'alice');
    await registerInEnglish(h.current, 'bob');
    await registerInEnglish(h.current, 'carol');

    expect(await h.current.ask('alice', 'team create East manager bob')).toBe(
      'Team "East" created; bob manages it. Reps ask to join with "join East".',
    );
    expect(await h.current.ask('alice', 'joining open')).toBe('Anyone can now join a team without approval.');
    expect(await h.current.ask('carol', 'join east')).toBe('You joined team "East".');
    expect(await h.current.ask('carol', 'join team East')).toBe('You are already in team "East".');
    expect(await h.current.say('bob', 'bind East', { channelId: 'east-chat' })).toEqual([
      'This chat is now team "East"\'s channel: leaderboards will be posted here.',
    ]);
    expect((await team('East')).bound_channel_ref).toBe('local:channel:east-chat');
  });

  it('refuses duplicates, binds in a DM, binds by a non-manager and unknown teams', async () => {
    await registerInEnglish(h.current, 'alice');
    await registerInEnglish(h.current, 'bob');
    await registerInEnglish(h.current, 'carol');
    await h.current.say('alice', 'create team East manager bob');
    const before = await snapshot(h.current);

    expect(await h.current.ask('alice', 'team create east')).toBe('A team named "East" already exists.');
    expect(await h.current.ask('bob', 'team create South')).toBe('Only an admin can do that. Ask alice.');
    expect(await h.current.ask('bob', 'bind East')).toBe('Send "bind <team>" inside the group chat you want to bind.');
    expect(await h.current.say('carol', 'bind East', { channelId: 'east-chat' })).toEqual([
      'Only the manager of "East" can bind it to a chat.',
    ]);
    expect(await h.current.ask('carol', 'join West')).toBe('No team named "West".');
    expect(await h.current.ask('carol', 'bind')).toBe('Missing or unclear details. Example: bind East');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('lets the org admin bind any team', async () => {
    await registerInEnglish(h.current, 'alice');
    await registerInEnglish(h.current, 'bob');
    await h.current.say('alice', 'team create East manager bob');
    expect(await h.current.say('alice', 'bind East', { channelId: 'east-chat' })).toEqual([
      'This chat is now team "East"\'s channel: leaderboards will be posted here.',
    ]);
  });
});
