import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish, snapshot, teamMembers, userOf } from './helpers.ts';

const h = useHarness();

async function roleOf(name: string) {
  return (await userOf(h.current, name)).role;
}

async function teamOf(name: string) {
  return h.current.db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

const memberNames = (team: string) => teamMembers(h.current, team);

/** New messages in someone's 1:1 chat since the last look. */
function inbox(userId: string) {
  return h.current.newMessages(`/local/inbox/${encodeURIComponent(userId)}`);
}

/** What was queued for someone's 1:1 chat, with the quick answers adapters render as buttons. */
async function lastQueuedTo(userId: string) {
  const row = await h.current.db
    .selectFrom('outbox')
    .select('message')
    .where('target_ref', '=', `local:user:${userId}`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return (typeof row.message === 'string' ? JSON.parse(row.message) : row.message) as { text: string; choices?: { label: string; reply: string }[] };
}

/** 李四 admin; 张三 manages 华东, 王五 in it; 赵六 manages 华西; 孙七 a rep in no team. */
async function chineseOrg() {
  await h.current.register('李四', '张三', '王五', '赵六', '孙七');
  await h.current.say('李四', '创建团队 华东 经理 张三');
  await h.current.say('李四', '创建团队 华西 经理 赵六');
  await h.current.say('王五', '加入团队 华东');
  await h.current.say('张三', '同意 王五');
  await inbox('王五');
  await inbox('张三');
  await inbox('赵六');
}

describe('admin commands in Chinese', () => {
  it('creates a team with a named manager, who is told and becomes a manager', async () => {
    await h.current.register('李四', '张三');
    expect(await h.current.ask('李四', '创建团队 华东 经理 张三')).toBe('已创建团队"华东"，经理是张三。成员发送"加入团队 华东"申请加入。');
    expect((await teamOf('华东')).manager_id).toBe((await userOf(h.current, '张三')).id);
    expect(await roleOf('张三')).toBe('manager');
    expect(await inbox('张三')).toMatchObject([{ text: '李四任命你为团队"华东"的经理。发送"团队"查看团队情况；加入申请会发给你。' }]);
    expect(await memberNames('华东')).toEqual(['张三:manager']);
  });

  it('names a new manager: the old one leaves the team and becomes a rep again', async () => {
    await chineseOrg();
    await inbox('张三');
    expect(await h.current.ask('李四', '设为经理 王五 华东')).toBe('王五现在是团队"华东"的经理，接替张三（张三已离开该团队）。');
    // The manager replaced is told, rather than finding the team gone.
    expect(await inbox('张三')).toMatchObject([{ text: '李四任命王五为团队"华东"的经理：你不再管理该团队，也已离开该团队。' }]);
    expect(await roleOf('王五')).toBe('manager');
    expect(await roleOf('张三')).toBe('rep');
    expect(await memberNames('华东')).toEqual(['王五:manager']);
    expect(await h.current.ask('李四', '设为经理 王五 华东')).toBe('王五已经是团队"华东"的经理了。');
  });

  it('names an admin, who can then create teams', async () => {
    await chineseOrg();
    expect(await h.current.ask('李四', '设为管理员 孙七')).toBe('孙七现在是管理员。');
    expect(await inbox('孙七')).toMatchObject([{ text: '李四任命你为管理员：你可以创建团队、任命经理。' }]);
    expect(await h.current.ask('孙七', '创建团队 华南')).toContain('已创建团队"华南"');
    expect(await h.current.ask('李四', '设为管理员 孙七')).toBe('孙七已经是管理员了。');
  });

  it('removes a member, told to the member; the manager cannot be removed', async () => {
    await chineseOrg();
    expect(await h.current.ask('张三', '移出团队 王五')).toBe('王五已移出团队"华东"。');
    expect(await inbox('王五')).toMatchObject([{ text: '张三已将你移出团队"华东"。' }]);
    expect(await memberNames('华东')).toEqual(['张三:manager']);
    expect(await h.current.ask('张三', '移出团队 王五')).toBe('王五不在任何团队里。');
    expect(await h.current.ask('李四', '移出团队 张三 华东')).toBe('张三是团队"华东"的经理，请先任命新经理（"设为经理 <姓名> 华东"）。');
  });

  it('refuses a rep, naming the admin, and changes nothing', async () => {
    await chineseOrg();
    const before = await snapshot(h.current);
    for (const command of ['创建团队 华南', '创建团队 华南 经理 王五', '设为经理 王五 华东', '设为管理员 王五', '移出团队 孙七', '加入方式 开放', '共享备注 开']) {
      expect(await h.current.ask('王五', command), command).toBe('只有管理员可以这样做，请联系李四。');
    }
    expect(await snapshot(h.current)).toEqual(before);
  });

  it("refuses a manager of another team, and a manager naming managers, and changes nothing", async () => {
    await chineseOrg();
    const before = await snapshot(h.current);
    expect(await h.current.ask('赵六', '移出团队 王五')).toBe('只有团队"华东"的经理或管理员（李四）可以这样做。');
    expect(await h.current.ask('张三', '设为经理 王五 华东')).toBe('只有管理员可以这样做，请联系李四。');
    expect(await h.current.ask('张三', '创建团队 华南')).toBe('只有管理员可以这样做，请联系李四。');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('answers unknown people and teams, and missing arguments', async () => {
    await chineseOrg();
    expect(await h.current.ask('李四', '设为经理 钱八 华东')).toBe('这里还没有叫"钱八"的同事使用 Legwork。');
    expect(await h.current.ask('李四', '设为经理 王五 西北')).toBe('没有名为"西北"的团队。');
    expect(await h.current.ask('李四', '创建团队 华南 经理 钱八')).toBe('这里还没有叫"钱八"的同事使用 Legwork。');
    expect(await h.current.ask('李四', '设为经理 王五')).toBe('缺少或无法识别的内容。示例：设为经理 张三 华东');
    expect(await h.current.ask('李四', '移出团队')).toBe('缺少或无法识别的内容。示例：移出团队 王五（或 移出团队 王五 华东）');
  });

  it("tells a rep who asks for the team picture whom to ask, not to create a team", async () => {
    await chineseOrg();
    expect(await h.current.ask('王五', '团队')).toBe('团队简报只给团队经理看。要管理团队，请联系管理员（李四）。');
  });
});

describe('joining with approval in Chinese', () => {
  it('asks the manager with approve/decline buttons, and tells the rep the decision', async () => {
    await h.current.register('李四', '张三', '王五');
    await h.current.say('李四', '创建团队 华东 经理 张三');
    await inbox('张三');
    expect(await h.current.ask('王五', '加入团队 华东')).toBe('已请张三批准你加入团队"华东"，有结果会通知你。');
    expect(await memberNames('华东')).toEqual(['张三:manager']);
    const ask = await lastQueuedTo('张三');
    expect(ask.text).toBe('王五申请加入团队"华东"。回复"同意 王五"或"拒绝 王五"。');
    expect(ask.choices).toEqual([
      { label: '同意', reply: '同意 王五' },
      { label: '拒绝', reply: '拒绝 王五' },
    ]);
    // The manager taps "拒绝": the button sends its reply as the manager's next message.
    expect(await h.current.ask('张三', ask.choices![1]!.reply)).toBe('已拒绝王五加入团队"华东"的申请。');
    expect(await inbox('王五')).toMatchObject([{ text: '张三拒绝了你加入团队"华东"的申请。' }]);
    expect(await memberNames('华东')).toEqual(['张三:manager']);
    expect(await h.current.ask('张三', '同意 王五')).toBe('王五没有等你处理的加入申请。');

    await h.current.say('王五', '加入团队 华东');
    expect(await h.current.ask('张三', '同意 王五')).toBe('王五已加入团队"华东"。');
    expect(await inbox('王五')).toMatchObject([{ text: '张三已同意：你已加入团队"华东"。' }]);
    expect(await memberNames('华东')).toEqual(['张三:manager', '王五:rep']);
  });

  it("lets an admin decide, refuses a manager of another team and a rep, and joins at once when the org allows", async () => {
    await chineseOrg();
    await h.current.say('孙七', '加入团队 华东');
    expect(await h.current.ask('赵六', '同意 孙七')).toBe('孙七没有等你处理的加入申请。');
    expect(await h.current.ask('王五', '同意 孙七')).toBe('只有管理员可以这样做，请联系李四。');
    expect(await h.current.ask('李四', '同意 孙七')).toBe('孙七已加入团队"华东"。');

    expect(await h.current.ask('李四', '加入方式 开放')).toBe('现在任何人都可以直接加入团队，无需审批。');
    expect(await h.current.ask('孙七', '加入团队 华西')).toBe('你已加入团队"华西"。');
    expect(await h.current.ask('李四', '加入方式 审批')).toBe('现在加入团队需要经理审批。');
  });

  it('takes 同意 glued to more text as prose, not a decision', async () => {
    await chineseOrg();
    expect(await h.current.ask('张三', '同意签约')).not.toContain('加入申请');
  });
});

describe('admin commands and joining in English', () => {
  async function englishOrg() {
    for (const id of ['Li', 'Zhang', 'Wang', 'Zhao', 'Sun']) await registerInEnglish(h.current, id);
    await h.current.say('Li', 'team create East manager Zhang');
    await h.current.say('Li', 'team create West manager Zhao');
    await inbox('Zhang');
    await inbox('Zhao');
  }

  it('creates, names managers and admins, approves and declines joins, and removes members', async () => {
    await englishOrg();
    expect(await h.current.ask('Wang', 'join East')).toBe('Asked Zhang to let you join team "East". I\'ll tell you when they decide.');
    const ask = await lastQueuedTo('Zhang');
    expect(ask.text).toBe('Wang asks to join team "East". Reply "approve Wang" or "decline Wang".');
    expect(ask.choices).toEqual([
      { label: 'Approve', reply: 'Approve Wang' },
      { label: 'Decline', reply: 'Decline Wang' },
    ]);
    expect(await h.current.ask('Zhang', ask.choices![0]!.reply)).toBe('Wang joined team "East".');
    expect(await inbox('Wang')).toMatchObject([{ text: 'Zhang approved: you are now in team "East".' }]);

    await h.current.say('Sun', 'join West');
    expect(await h.current.ask('Zhao', 'decline Sun')).toBe('Declined Sun\'s request to join team "West".');
    expect(await inbox('Sun')).toMatchObject([{ text: 'Zhao declined your request to join team "West".' }]);

    expect(await h.current.ask('Li', 'make Wang manager of East')).toBe('Wang now manages team "East" instead of Zhang, who has left the team.');
    expect(await inbox('Zhang')).toMatchObject([{ text: 'Li made Wang the manager of team "East": you no longer manage it and have left it.' }]);
    expect(await roleOf('Zhang')).toBe('rep');
    expect(await h.current.ask('Li', 'make Sun admin')).toBe('Sun is now an admin.');
    expect(await roleOf('Sun')).toBe('admin');
    expect(await h.current.ask('Li', 'remove Wang from East')).toBe('Wang manages team "East"; name another manager first ("make <name> manager of East").');
    expect(await h.current.ask('Li', 'make Zhang manager of East')).toBe('Zhang now manages team "East" instead of Wang, who has left the team.');
    await h.current.say('Li', 'joining open');
    await h.current.say('Wang', 'join West');
    expect(await h.current.ask('Li', 'remove Wang')).toBe('Wang is no longer in team "West".');
  });

  it('refuses a rep (naming the admins) and a manager of another team, changing nothing', async () => {
    await englishOrg();
    await h.current.say('Li', 'joining open');
    await h.current.say('Wang', 'join East');
    const before = await snapshot(h.current);
    for (const command of ['team create South', 'make Wang manager of East', 'make Wang admin', 'remove Sun', 'joining open', 'share notes on', 'approve Sun']) {
      expect(await h.current.ask('Wang', command), command).toBe('Only an admin can do that. Ask Li.');
    }
    expect(await h.current.ask('Zhao', 'remove Wang from East')).toBe('Only the manager of "East" or an admin (Li) can do that.');
    expect(await h.current.ask('Zhao', 'remove Wang')).toBe('Only the manager of "East" or an admin (Li) can do that.');
    expect(await h.current.ask('Zhang', 'make Wang admin')).toBe('Only an admin can do that. Ask Li.');
    expect(await snapshot(h.current)).toEqual(before);
    expect(await h.current.ask('Wang', 'team')).toBe('The team digest is for team managers. To manage a team, ask an admin (Li).');
  });

  it('answers unknown people, missing arguments, and a second request', async () => {
    await englishOrg();
    expect(await h.current.ask('Li', 'make Qian admin')).toBe('No one called "Qian" uses Legwork here yet.');
    expect(await h.current.ask('Li', 'remove')).toBe('Missing or unclear details. Example: remove Wang (or remove Wang from East)');
    expect(await h.current.ask('Zhang', 'approve')).toBe('Missing or unclear details. Example: approve Wang (or decline Wang)');
    await h.current.say('Wang', 'join East');
    expect(await h.current.ask('Wang', 'join East')).toBe('You already asked to join team "East"; its manager has not decided yet.');
    expect(await h.current.ask('Zhang', 'approve Sun')).toBe('Sun has no join request waiting for you.');
  });
});
