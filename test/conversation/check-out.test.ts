import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { checkIns, countRows, minutes, registerInEnglish, snapshot, visits } from './helpers.ts';

const h = useHarness();

async function checkedInAtHuawei(language: 'zh' | 'en') {
  if (language === 'zh') {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '签到 华为 22.54,113.95');
  } else {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    await h.current.say('alice', 'checkin Huawei 22.54,113.95');
  }
}

describe('check-out', () => {
  it('closes the visit with its duration and notes (Chinese)', async () => {
    await checkedInAtHuawei('zh');
    h.current.clock.advance(minutes(45));

    const replies = await h.current.say('alice', '签退 见了采购 对报价有兴趣');
    expect(replies).toEqual(['已从 华为 签退，拜访时长 45 分钟。']);

    const [visit] = await visits(h.current);
    expect(visit).toMatchObject({ customer_name: '华为', notes: '见了采购 对报价有兴趣' });
    expect(new Date(visit!.ended_at!).toISOString()).toBe('2026-11-27T02:45:00.000Z');
    const out = await checkIns(h.current, 'out');
    expect(out).toHaveLength(1);
    expect(out[0]!.visit_id).toBe(visit!.id);
  });

  it('keeps Chinese punctuation in notes as typed, in the command and in the answer to the question', async () => {
    await checkedInAtHuawei('zh');
    await h.current.say('alice', '签退 见了采购，对报价有兴趣！');
    expect((await visits(h.current))[0]?.notes).toBe('见了采购，对报价有兴趣！');

    await h.current.say('alice', '签到 华为 22.54,113.95');
    await h.current.say('alice', '签退');
    await h.current.say('alice', '采购（王总）下周定预算；需要样品。');
    expect((await visits(h.current)).map((v) => v.notes)).toContain('采购（王总）下周定预算；需要样品。');
  });

  it('takes the next step and follow-up date with the check-out, as a visit note does (Chinese)', async () => {
    await checkedInAtHuawei('zh');
    h.current.clock.advance(minutes(30));
    const replies = await h.current.say('alice', '签退 见了采购 下一步 周五发报价 跟进 下周五');
    expect(replies).toEqual(['已从 华为 签退，拜访时长 30 分钟。\n下一步：周五发报价\n跟进日期：2026-12-04']);
    const [visit] = await visits(h.current);
    expect(visit).toMatchObject({ notes: '见了采购', next_step: '周五发报价' });
    expect(String(visit!.follow_up_date)).toContain('2026-12-04');
  });

  it('takes the next step with the check-out (English), and a bad follow-up date changes nothing', async () => {
    await checkedInAtHuawei('en');
    const before = await snapshot(h.current);
    expect(await h.current.say('alice', 'checkout met the buyer; next: send quote; follow up: someday soon')).toEqual([
      expect.stringContaining('someday soon'),
    ]);
    expect(await snapshot(h.current)).toEqual(before);
    const replies = await h.current.say('alice', 'checkout met the buyer; next: send quote');
    expect(replies).toEqual([expect.stringMatching(/^Checked out of Huawei after .*\nNext step: send quote$/)]);
    expect((await visits(h.current))[0]).toMatchObject({ notes: 'met the buyer', next_step: 'send quote' });
  });

  it('closes the visit with its duration and notes (English)', async () => {
    await checkedInAtHuawei('en');
    h.current.clock.advance(minutes(90));
    const replies = await h.current.say('alice', 'checkout met the buyer, keen on the quote');
    expect(replies).toEqual(['Checked out of Huawei after 1 h 30 min.']);
    expect((await visits(h.current))[0]?.notes).toBe('met the buyer, keen on the quote');
  });

  it('asks for notes when none were given, and saves the next message as notes (Chinese)', async () => {
    await checkedInAtHuawei('zh');
    h.current.clock.advance(minutes(20));

    const replies = await h.current.say('alice', '签退');
    expect(replies).toHaveLength(2);
    expect(replies[0]).toBe('已从 华为 签退，拜访时长 20 分钟。');
    expect(replies[1]).toContain('拜访情况如何？直接回复备注');
    expect((await visits(h.current))[0]?.notes).toBeNull();

    expect(await h.current.ask('alice', '采购下周定预算')).toBe('已保存 华为 的拜访备注。');
    expect((await visits(h.current))[0]?.notes).toBe('采购下周定预算');

    // Answered: the next free text is not taken as notes again.
    expect(await h.current.ask('alice', '随便说一句')).toContain('没看懂"随便说一句"');
    expect((await visits(h.current))[0]?.notes).toBe('采购下周定预算');
  });

  it('asks for notes when none were given, and saves the next message as notes (English)', async () => {
    await checkedInAtHuawei('en');
    h.current.clock.advance(minutes(5));
    const replies = await h.current.say('alice', 'checkout');
    expect(replies).toEqual([
      'Checked out of Huawei after 5 min.',
      'How did it go? Reply with your notes (or "visit <customer>: notes; next: …; follow up: …").',
    ]);
    expect(await h.current.ask('alice', 'Buyer wants a demo next week')).toBe('Notes saved for the visit at Huawei.');
    expect((await visits(h.current))[0]?.notes).toBe('Buyer wants a demo next week');
  });

  it('does not ask for notes again when the visit already has some', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '签到 华为 22.54,113.95');
    await h.current.say('alice', '拜访 华为 演示顺利');
    h.current.clock.advance(minutes(10));
    expect(await h.current.say('alice', '签退')).toEqual(['已从 华为 签退，拜访时长 10 分钟。']);
  });

  it('takes a location with the check-out and compares it with the customer', async () => {
    await checkedInAtHuawei('zh');
    await h.current.say('alice', '签退 完成', { location: { lat: 22.56, lng: 113.95 } });
    const [out] = await checkIns(h.current, 'out');
    expect(out).toMatchObject({ status: 'outside', lat: 22.56, lng: 113.95 });
  });

  it('saves "客户很满意 下周签约" as the notes the bot asked for, not as a customer lookup', async () => {
    await checkedInAtHuawei('zh');
    await h.current.say('alice', '签退');
    expect(await h.current.ask('alice', '客户很满意 下周签约')).toBe('已保存 华为 的拜访备注。');
    expect((await visits(h.current))[0]?.notes).toBe('客户很满意 下周签约');
    expect(await countRows(h.current, 'customers')).toBe(1);
  });

  it('answers clearly when there is no open visit, and changes nothing', async () => {
    await h.current.register('alice', 'bob');
    await registerInEnglish(h.current, 'bob');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '签退')).toBe('你当前没有进行中的拜访。请先签到："签到 <客户>"。');
    expect(await h.current.ask('bob', 'checkout all done')).toBe(
      'You have no open visit to check out of. Check in first: "checkin <customer>".',
    );
    expect(await snapshot(h.current)).toEqual(before);
    expect(await countRows(h.current, 'conversation_states')).toBe(0);
  });

  it('answers "no open visit" after the visit was already checked out', async () => {
    await checkedInAtHuawei('zh');
    await h.current.say('alice', '签退 好');
    expect(await h.current.ask('alice', '签退')).toBe('你当前没有进行中的拜访。请先签到："签到 <客户>"。');
    expect(await countRows(h.current, 'check_ins')).toBe(2);
  });
});
