import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, registerInEnglish, snapshot } from './helpers.ts';

const h = useHarness();

/** 李四 admin; 张三 manages 华东 (王五, 孙七); 赵六 manages 华西. 王五 filed today's report. */
async function org() {
  await h.current.register('李四', '张三', '王五', '孙七', '赵六');
  await h.current.say('李四', '加入方式 开放');
  await h.current.say('李四', '创建团队 华东 经理 张三');
  await h.current.say('李四', '创建团队 华西 经理 赵六');
  await h.current.say('王五', '加入团队 华东');
  await h.current.say('孙七', '加入团队 华东');
  await h.current.say('王五', '日报 拜访了华为\n明天跟进报价');
  await h.current.newMessages('/local/inbox/王五');
}

describe('feedback on reports, in Chinese', () => {
  it("点评 answers the rep's latest report; the rep gets it in chat, in 今天 and on the report card", async () => {
    await org();
    expect(await h.current.ask('张三', '点评 王五 报价跟进得好，周五前发出')).toBe('已发给王五（回复其 2026-11-27 的日报）。');
    expect((await h.current.newMessages('/local/inbox/王五')).map((m) => m.text)).toEqual(['张三回复了你 2026-11-27 的日报：\n报价跟进得好，周五前发出']);
    expect(await h.current.ask('李四', '点评 王五 👍')).toBe('已发给王五（回复其 2026-11-27 的日报）。');
    expect((await h.current.newMessages('/local/inbox/王五')).map((m) => m.text)).toEqual(['李四给你 2026-11-27 的日报点了 👍。']);

    const today = await h.current.ask('王五', '今天');
    expect(today).toContain('经理的回复：\n• 张三（2026-11-27 的日报）：报价跟进得好，周五前发出\n• 李四（2026-11-27 的日报）：👍');
    const unread = await h.current.db.selectFrom('comments').select('id').where('read_at', 'is', null).execute();
    expect(unread).toEqual([]);
    expect(await h.current.ask('王五', '日报')).toContain('回复：\n• 张三：报价跟进得好，周五前发出\n• 李四：👍');
    // The manager's view of the report shows the replies too.
    expect(await h.current.ask('张三', '日报 王五')).toBe(
      '王五的日报（2026-11-27，10:00 提交）：\n拜访了华为\n明天跟进报价\n\n回复：\n• 张三：报价跟进得好，周五前发出\n• 李四：👍',
    );
    // The reply stays on an older report: the next day's 今天 shows it only while unread.
    h.current.clock.set('2026-11-28T02:00:00Z');
    expect(await h.current.ask('王五', '今天')).not.toContain('经理的回复');
  });

  it('answers the latest report, even from an earlier day', async () => {
    await org();
    h.current.clock.set('2026-11-29T02:00:00Z');
    expect(await h.current.ask('张三', '点评 王五 周末也辛苦了')).toBe('已发给王五（回复其 2026-11-27 的日报）。');
  });

  it('refuses a rep, a manager of another team and the person themself, changing nothing', async () => {
    await org();
    const before = await snapshot(h.current);
    const comments = await countRows(h.current, 'outbox');
    expect(await h.current.ask('孙七', '点评 王五 不错')).toBe('只有王五的经理或管理员（李四）可以点评其日报。');
    expect(await h.current.ask('赵六', '点评 王五 不错')).toBe('只有王五的经理或管理员（李四）可以点评其日报。');
    expect(await h.current.ask('王五', '点评 王五 我真棒')).toBe('只有王五的经理或管理员（李四）可以点评其日报。');
    expect(await snapshot(h.current)).toEqual(before);
    expect(await h.current.db.selectFrom('comments').selectAll().execute()).toEqual([]);
    // Three refusals, nothing else queued.
    expect(await countRows(h.current, 'outbox')).toBe(comments + 3);
  });

  it('says when there is no report, nobody of that name, or nothing to say', async () => {
    await org();
    expect(await h.current.ask('张三', '点评 孙七 加油')).toBe('孙七还没有提交过日报，暂无可点评的内容。');
    expect(await h.current.ask('张三', '点评 无名氏 加油')).toBe('这里还没有叫"无名氏"的同事使用 Legwork。');
    expect(await h.current.ask('张三', '点评 王五')).toContain('点评 王五 报价跟进得好');
  });

  it('marks in the daily digest the reports the manager read or answered', async () => {
    await org();
    await h.current.say('孙七', '日报 今天培训');
    expect(await h.current.ask('张三', '团队')).not.toContain('你已');
    await h.current.say('张三', '日报 孙七');
    await h.current.say('张三', '点评 王五 好');
    const digest = await h.current.ask('张三', '团队');
    expect(digest).toMatch(/王五：[^\n]*日报已交\n  • 日报：你已回复 ✓/);
    expect(digest).toMatch(/孙七：[^\n]*日报已交\n  • 日报：你已阅读（尚未回复）/);
  });
});

describe('feedback on reports, in English', () => {
  it('comment <name> <text> reaches the rep in English, and the refusals', async () => {
    for (const id of ['Li', 'Zhang', 'Wang', 'Zhao']) await registerInEnglish(h.current, id);
    await h.current.say('Li', 'joining open');
    await h.current.say('Li', 'team create East manager Zhang');
    await h.current.say('Li', 'team create West manager Zhao');
    await h.current.say('Wang', 'join East');
    await h.current.say('Wang', 'report visited Acme');
    await h.current.newMessages('/local/inbox/Wang');
    expect(await h.current.ask('Zhang', 'comment Wang good work, send the quote by Friday')).toBe('Sent to Wang (on their daily report of 2026-11-27).');
    expect((await h.current.newMessages('/local/inbox/Wang')).map((m) => m.text)).toEqual([
      'Zhang replied to your daily report of 2026-11-27:\ngood work, send the quote by Friday',
    ]);
    expect(await h.current.ask('Wang', 'today')).toContain('Replies from your manager:\n• Zhang on your report of 2026-11-27: good work, send the quote by Friday');
    expect(await h.current.ask('Zhao', 'comment Wang nice')).toBe('Only Wang\'s manager or an admin (Li) can answer their reports.');
    expect(await h.current.ask('Wang', 'comment Wang nice')).toBe('Only Wang\'s manager or an admin (Li) can answer their reports.');
    expect(await h.current.ask('Zhang', 'comment Wang')).toContain('comment Wang good follow-up');
  });

  it('a Chinese-speaking rep gets an English manager\'s reply in Chinese', async () => {
    await registerInEnglish(h.current, 'Li');
    await h.current.register('王五');
    await h.current.say('Li', 'joining open');
    await h.current.say('Li', 'team create East manager Li');
    await h.current.say('王五', '加入团队 East');
    await h.current.say('王五', '日报 拜访了华为');
    await h.current.newMessages('/local/inbox/王五');
    expect(await h.current.ask('Li', 'comment 王五 👍')).toBe('Sent to 王五 (on their daily report of 2026-11-27).');
    expect((await h.current.newMessages('/local/inbox/王五')).map((m) => m.text)).toEqual(['Li给你 2026-11-27 的日报点了 👍。']);
  });
});

describe('console link from chat', () => {
  it('后台 / console sends a one-time link privately, also when asked in a group', async () => {
    await registerInEnglish(h.current, 'Li');
    await h.current.register('王五');
    expect(await h.current.ask('王五', '后台')).toMatch(/^你的后台链接（只能用一次，10 分钟内有效，请勿转发）：\nhttp:\/\/legwork\.test\/console\/login\/[\w-]+\.[\w-]+$/);
    expect(await h.current.ask('Li', 'console')).toMatch(/^Your console link \(works once, for 10 minutes; do not share it\):\nhttp:\/\/legwork\.test\/console\/login\//);
    const inGroup = await h.current.say('Li', 'console', { channelId: 'sales-group' });
    expect(inGroup.join('\n')).not.toContain('/console/login/');
    expect((await h.current.newMessages('/local/inbox/Li')).map((m) => m.text).join('\n')).toContain('/console/login/');
  });
});
