import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { snapshot } from './helpers.ts';

/**
 * `取消` / `cancel` on its own ends the question Legwork is waiting on, changing nothing else: typed
 * while it waited for a report's text, it used to be filed as the report "取消"; while a numbered
 * list waited, it answered "没看懂"取消"".
 */
describe('cancel', () => {
  const h = useHarness();

  it.each([
    ['取消', '好的，已取消。'],
    ['算了', '好的，已取消。'],
  ])('"%s" while the report text is awaited files nothing and says so', async (word, answer) => {
    const s = h.current;
    await s.register('alice');
    expect(await s.ask('alice', '日报')).toMatch(/日报/);
    const before = await snapshot(s);
    expect(await s.ask('alice', word)).toBe(answer);
    expect(await snapshot(s)).toEqual(before);
    expect(await s.db.selectFrom('daily_reports').select('id').execute()).toEqual([]);
    // The question is gone: the next text is not taken as the report either.
    expect(await s.ask('alice', '拜访了华为')).not.toMatch(/日报已/);
  });

  it('"cancel" in English, and with nothing waiting', async () => {
    const s = h.current;
    await s.register('alice');
    await s.say('alice', 'language English');
    expect(await s.ask('alice', 'report')).toMatch(/report/i);
    expect(await s.ask('alice', 'cancel')).toBe('OK, cancelled.');
    expect(await s.ask('alice', 'cancel')).toBe('There is nothing to cancel.');
    expect(await s.ask('alice', '取消')).toBe('There is nothing to cancel.');
  });

  it('a numbered list waiting: 取消 ends it, a number afterwards is not taken as a choice', async () => {
    const s = h.current;
    await s.register('alice');
    await s.say('alice', '新客户 华为深圳 22.54,113.95');
    await s.say('alice', '新客户 华为上海 31.23,121.47');
    expect(await s.ask('alice', '签到 华为')).toMatch(/1\./);
    expect(await s.ask('alice', '取消')).toBe('好的，已取消。');
    expect(await s.ask('alice', '1')).not.toMatch(/签到成功|已签到/);
    expect(await s.db.selectFrom('check_ins').select('id').execute()).toEqual([]);
  });
});
