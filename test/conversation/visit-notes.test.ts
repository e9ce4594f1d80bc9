import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, minutes, registerInEnglish, snapshot, visits } from './helpers.ts';

const h = useHarness();

async function setUp(language: 'zh' | 'en') {
  if (language === 'zh') {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '新客户 腾讯 22.54,113.93');
  } else {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    await h.current.say('alice', 'new customer Tencent 22.54,113.93');
  }
}

describe('visit notes in Chinese', () => {
  it('attaches notes, next step and follow-up date (明天) to the open visit', async () => {
    await setUp('zh');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    const reply = await h.current.ask('alice', '拜访 华为 演示顺利 下一步 发报价 跟进 明天');
    expect(reply).toBe('已为你在 华为 的拜访添加备注。\n下一步：发报价\n跟进日期：2026-11-28');

    const rows = await visits(h.current);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      customer_name: '华为',
      source: 'check_in',
      ended_at: null,
      notes: '演示顺利',
      next_step: '发报价',
      follow_up_date: '2026-11-28',
    });
  });

  it('records a visit without check-in (marked so) when there is no visit to attach to; 下周五', async () => {
    await setUp('zh');
    const reply = await h.current.ask('alice', '拜访 腾讯 电话沟通了需求 下一步 约演示 跟进 下周五');
    expect(reply).toBe('已记录在 腾讯 的拜访（无签到，已标注）。\n下一步：约演示\n跟进日期：2026-12-04');
    const rows = await visits(h.current);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customer_name: '腾讯', source: 'note_only', notes: '电话沟通了需求', follow_up_date: '2026-12-04' });
    expect(rows[0]!.ended_at).not.toBeNull();
    expect(await countRows(h.current, 'check_ins')).toBe(0);
  });

  it('resolves 3月5日 to the next 5 March', async () => {
    await setUp('zh');
    expect(await h.current.ask('alice', '拜访 华为 谈了年度合同 跟进 3月5日')).toContain('跟进日期：2027-03-05');
    expect((await visits(h.current))[0]?.follow_up_date).toBe('2027-03-05');
  });

  it('attaches to the latest visit at that customer today after check-out, and appends notes', async () => {
    await setUp('zh');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    h.current.clock.advance(minutes(30));
    await h.current.say('alice', '签退 第一次沟通');
    // The open visit elsewhere must not receive notes meant for 华为.
    await h.current.say('alice', '签到 腾讯 22.54,113.93');

    expect(await h.current.ask('alice', '拜访 华为 补充 对方要报价')).toBe('已为你在 华为 的拜访添加备注。');
    const rows = await visits(h.current);
    expect(rows.map((v) => [v.customer_name, v.source, v.notes])).toEqual([
      ['华为', 'check_in', '第一次沟通\n补充 对方要报价'],
      ['腾讯', 'check_in', null],
    ]);
  });

  it('does not attach to a visit from an earlier day', async () => {
    await setUp('zh');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    await h.current.say('alice', '签退 好');
    h.current.clock.advance(minutes(24 * 60));
    expect(await h.current.ask('alice', '拜访 华为 电话回访')).toBe('已记录在 华为 的拜访（无签到，已标注）。');
    expect((await visits(h.current)).map((v) => v.source)).toEqual(['check_in', 'note_only']);
  });

  it('answers an unreadable follow-up date and saves nothing', async () => {
    await setUp('zh');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '拜访 华为 聊得不错 下一步 发报价 跟进 改天吧')).toBe(
      '无法识别日期"改天吧"。可以写"明天"、"下周五"或"3月5日"。',
    );
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('offers to create an unknown customer and logs the note once created', async () => {
    await setUp('zh');
    expect(await h.current.ask('alice', '拜访 小米 初次接触 跟进 明天')).toBe('没有找到客户"小米"。回复 1 新建"小米"，或检查名称。');
    expect(await countRows(h.current, 'visits')).toBe(0);
    const text = (await h.current.say('alice', '1')).join('\n');
    expect(text).toContain('已新建客户"小米"（暂无位置）。');
    expect(text).toContain('已记录在 小米 的拜访（无签到，已标注）。');
    expect(text).toContain('跟进日期：2026-11-28');
    expect((await visits(h.current))[0]).toMatchObject({ customer_name: '小米', notes: '初次接触', follow_up_date: '2026-11-28' });
  });

  it('answers a visit note without notes with an example', async () => {
    await setUp('zh');
    expect(await h.current.ask('alice', '拜访 华为')).toBe('缺少或无法识别的内容。示例：拜访 华为 演示顺利 下一步 发报价 跟进 下周五');
    expect(await countRows(h.current, 'visits')).toBe(0);
  });
});

describe('visit notes in English', () => {
  it('attaches notes, next step and a follow-up tomorrow to the open visit', async () => {
    await setUp('en');
    await h.current.say('alice', 'checkin Huawei 22.54,113.95');
    const reply = await h.current.ask('alice', 'visit Huawei: demo went well; next: send quote; follow up: tomorrow');
    expect(reply).toBe('Notes added to your visit at Huawei.\nNext step: send quote\nFollow up on 2026-11-28.');
    expect((await visits(h.current))[0]).toMatchObject({
      source: 'check_in',
      notes: 'demo went well',
      next_step: 'send quote',
      follow_up_date: '2026-11-28',
    });
  });

  it('logs a visit without check-in, follow up next Friday', async () => {
    await setUp('en');
    const reply = await h.current.ask('alice', 'visit Tencent: phone call about pricing; follow up: next Friday');
    expect(reply).toBe('Visit at Tencent logged (no check-in, marked as such).\nFollow up on 2026-12-04.');
    expect((await visits(h.current))[0]).toMatchObject({ source: 'note_only', notes: 'phone call about pricing', follow_up_date: '2026-12-04' });
  });

  it('resolves Mar 5 to the next 5 March', async () => {
    await setUp('en');
    expect(await h.current.ask('alice', 'visit Huawei: annual contract; follow up: Mar 5')).toContain('Follow up on 2027-03-05.');
    expect((await visits(h.current))[0]?.follow_up_date).toBe('2027-03-05');
  });

  it('answers an unreadable date and saves nothing', async () => {
    await setUp('en');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', 'visit Huawei: good chat; follow up: someday')).toBe(
      'I couldn\'t read "someday" as a date. Try "tomorrow", "next Friday" or "Mar 5".',
    );
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('answers a visit without notes with an example', async () => {
    await setUp('en');
    expect(await h.current.ask('alice', 'visit Huawei')).toBe(
      'Missing or unclear details. Example: visit Huawei: demo went well; next: send quote; follow up: next Friday',
    );
  });
});

describe('follow-up dates follow the user’s time zone', () => {
  it('counts 明天 and tomorrow from the local day in America/Los_Angeles', async () => {
    // 2026-11-27T02:00Z is Thursday 26 Nov, 18:00 in Los Angeles and Friday 27 Nov, 10:00 in Shanghai.
    await h.current.register('alice', 'bob', 'carol');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('bob', '设置时区 America/Los_Angeles');
    await registerInEnglish(h.current, 'carol');
    await h.current.say('carol', 'timezone America/Los_Angeles');

    expect(await h.current.ask('alice', '拜访 华为 上海这边 跟进 明天')).toContain('跟进日期：2026-11-28');
    expect(await h.current.ask('bob', '拜访 华为 洛杉矶这边 跟进 明天')).toContain('跟进日期：2026-11-27');
    expect(await h.current.ask('carol', 'visit 华为: from LA; follow up: tomorrow')).toContain('Follow up on 2026-11-27.');
    expect(await h.current.ask('carol', 'visit 华为: again; follow up: next Friday')).toContain('Follow up on 2026-12-04.');

    const rows = await visits(h.current);
    expect(rows.map((v) => v.follow_up_date)).toEqual(['2026-11-28', '2026-11-27', '2026-12-04']);
  });

  it('counts 明天 from the Shanghai date just after local midnight', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    h.current.clock.set('2026-11-27T16:30:00Z'); // 00:30 on Saturday 28 Nov in Shanghai
    expect(await h.current.ask('alice', '拜访 华为 深夜 跟进 明天')).toContain('跟进日期：2026-11-29');
  });
});
