import { describe, expect, it } from 'vitest';
import { sampleLeaderboard } from '../../../test/support/sample-reports.ts';

describe('leaderboard rendering', () => {
  it('puts the board and the team total in two sections, the plain text unchanged', () => {
    const board = sampleLeaderboard();
    expect(board.sections).toEqual([{ lines: board.text.split('\n').slice(1, -1) }, { lines: ['Team total: 114 pts from 10 verified visits (14 check-in visits, 4 reps).'] }]);
    expect(board.sections![0]!.lines[0]).toBe('(so far, as of 2026-10-30)');
    expect(board.text.split('\n')[0]).toBe(board.title);
    const empty = sampleLeaderboard('zh-CN', 0);
    expect(empty.sections).toEqual([{ lines: ['（截至 2026-10-30）', '团队里还没有销售，请他们发送「加入团队 <名称>」。'] }]);
    expect(empty.text).toBe([empty.title, ...empty.sections![0]!.lines].join('\n'));
  });
});
