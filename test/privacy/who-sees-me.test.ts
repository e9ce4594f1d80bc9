import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

const h = useHarness();

/** alice (admin); bob manages 华东 with reps zhang and carol; dave manages 华西. */
async function org() {
  const s = h.current;
  await s.register('alice', 'bob', 'dave', 'zhang', 'carol');
  await s.say('alice', '创建团队 华东 经理 bob');
  await s.say('alice', '创建团队 华西 经理 dave');
  await s.say('alice', '加入方式 开放');
  await s.say('zhang', '加入团队 华东');
  await s.say('carol', '加入团队 华东');
}

describe('who sees me, and the access log', () => {
  it('lists by name who can see my records and what, asked of can(); in Chinese', async () => {
    const s = h.current;
    await org();
    expect(await s.ask('zhang', '谁能看到我')).toBe(
      [
        '以下同事可以查看你的个人记录：',
        '• alice（管理员）：你的签到（含位置和距离）、拜访及备注、日报和计划',
        '• bob（你的经理）：你的签到（含位置和距离）、拜访及备注、日报和计划',
        '团队排行榜会向团队显示你的积分。发送"查看记录"可查看最近 30 天谁查看过你的记录。',
      ].join('\n'),
    );
    // Sharing notes in teams lets teammates read visit notes on customer cards.
    await s.say('alice', '共享备注 开');
    expect(await s.ask('zhang', '谁能看到我')).toContain('• carol（队友）：客户卡片上你的拜访备注');
  });

  it('logs each time a manager opens one person in chat; the person sees it, nobody else does', async () => {
    const s = h.current;
    await org();
    expect(await s.ask('zhang', '查看记录')).toBe('最近 30 天没有人查看过你的个人记录。');
    await s.say('bob', '团队 zhang');
    await s.say('bob', '团队 zhang 上周');
    await s.say('bob', '日报 zhang');
    await s.say('bob', '计划 zhang');
    // Looking at one's own records is not a view of someone else.
    await s.say('zhang', '计划');
    await s.say('zhang', '今天');
    // A manager refused (not zhang's manager) opens nothing, so nothing is logged.
    await s.say('dave', '团队 zhang');
    expect(await s.ask('zhang', '查看记录')).toBe(
      [
        '最近 30 天查看过你记录的人：',
        '• 11-27 10:00 bob 查看了你的计划（聊天）',
        '• 11-27 10:00 bob 查看了你的日报（聊天）',
        '• 11-27 10:00 bob 查看了你一周的记录（聊天）',
        '• 11-27 10:00 bob 查看了你某天的记录（聊天）',
      ].join('\n'),
    );
    // Each person reads only their own log.
    expect(await s.ask('carol', '查看记录')).toBe('最近 30 天没有人查看过你的个人记录。');
    expect(await s.ask('bob', '查看记录')).toBe('最近 30 天没有人查看过你的个人记录。');
    // After 30 days the lines are no longer shown.
    s.clock.advance(31 * 86_400_000);
    expect(await s.ask('zhang', '查看记录')).toBe('最近 30 天没有人查看过你的个人记录。');
  });

  it('answers in English', async () => {
    const s = h.current;
    await org();
    await s.say('zhang', 'language en');
    expect(await s.ask('zhang', 'who sees me')).toContain('• bob (your manager): your check-ins with location and distance, visits with notes, daily reports and plans');
    await s.say('alice', '团队 zhang');
    expect(await s.ask('zhang', 'access log')).toBe(['Who opened your records in the last 30 days:', '• 11-27 10:00 alice opened your day in chat'].join('\n'));
    await s.say('alice', 'language en');
    expect(await s.ask('alice', 'who sees me')).toBe('Nobody else can see your individual records yet (you are in no team and there is no other admin).');
  });
});
