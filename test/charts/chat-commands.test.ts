import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { parseIntent } from '../../src/conversation/intents/parse-intent.ts';
import type { LocalDelivered } from '../../bots/local/api.ts';

const h = useHarness();

/** The admin (first user) manages 华东, open to join, with two reps (no visits yet: the trend still draws). */
async function setUp(): Promise<void> {
  await h.current.register('boss', 'amy', 'bo');
  await h.current.say('boss', '创建团队 华东');
  await h.current.say('boss', '加入方式 开放');
  await h.current.say('amy', '加入团队 华东');
  await h.current.say('bo', '加入团队 华东');
}

async function last(userId: string): Promise<LocalDelivered> {
  const res = await h.current.app.http.request(`/local/inbox/${userId}`);
  return ((await res.json()) as LocalDelivered[]).at(-1)!;
}

describe('charts from chat (issue 18)', () => {
  it('parses the commands in both languages', () => {
    expect(parseIntent('排行榜 图')).toEqual({ kind: 'leaderboard', chart: true });
    expect(parseIntent('leaderboard month chart')).toEqual({ kind: 'leaderboard', period: 'month', chart: true });
    expect(parseIntent('趋势')).toEqual({ kind: 'trend' });
    expect(parseIntent('trend')).toEqual({ kind: 'trend' });
    expect(parseIntent('图表 关')).toEqual({ kind: 'setOrgAccess', setting: 'charts', enabled: false });
    expect(parseIntent('charts on')).toEqual({ kind: 'setOrgAccess', setting: 'charts', enabled: true });
  });

  it('a manager gets the team trend with a chart; a rep gets themself against the median', async () => {
    await setUp();
    await h.current.say('boss', '趋势');
    const team = await last('boss');
    expect(team.text).toContain('华东：近 8 周');
    expect(team.text).toContain('amy');
    expect(team.image).toEqual({ url: expect.stringMatching(/\/i\/.+\.png$/), alt: expect.any(String) });
    await h.current.say('amy', '趋势');
    const mine = await last('amy');
    expect(mine.text).toContain('你与团队中位数');
    expect(mine.text).not.toContain('bo');
    expect(mine.image?.url).toMatch(/\/i\/.+\.png$/);
    expect(mine.image?.url).not.toBe(team.image?.url);
  });

  it('leaderboard chart on demand; an admin turns charts off (a rep may not), then text only', async () => {
    await setUp();
    await h.current.say('amy', '排行榜 图');
    const chart = await last('amy');
    expect(chart.text).toContain('华东 周排行榜');
    expect(chart.image?.alt).toContain('条形图');
    await h.current.say('amy', '图表 关');
    expect((await last('amy')).text).toMatch(/管理员/);
    await h.current.say('boss', '图表 关');
    expect((await last('boss')).text).toBe('已关闭图表：排行榜和摘要只发文字。');
    await h.current.say('amy', '排行榜 图');
    const board = await last('amy');
    expect(board.text).toContain('华东');
    expect(board.image).toBeUndefined();
    await h.current.say('boss', '趋势');
    expect((await last('boss')).image).toBeUndefined();
  });
});
