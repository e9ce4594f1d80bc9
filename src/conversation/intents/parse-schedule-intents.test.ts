import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';

describe('parseIntent: leaderboards, pauses and reminder switches', () => {
  it.each([
    ['排行榜', { kind: 'leaderboard' }],
    ['排行榜 月', { kind: 'leaderboard', period: 'month' }],
    ['排行榜 今天', { kind: 'leaderboard', period: 'day' }],
    ['leaderboard', { kind: 'leaderboard' }],
    ['/leaderboard week', { kind: 'leaderboard', period: 'week' }],
    ['Leaderboard Day', { kind: 'leaderboard', period: 'day' }],
    ['不参加排行', { kind: 'leaderboardOptOut', optOut: true }],
    ['参加排行', { kind: 'leaderboardOptOut', optOut: false }],
    ['leaderboard off', { kind: 'leaderboardOptOut', optOut: true }],
    ['leaderboard on', { kind: 'leaderboardOptOut', optOut: false }],
    ['leaderboard yearly', { kind: 'usage', command: 'leaderboard' }],
    ['请假 到 周五', { kind: 'away', until: '周五' }],
    ['请假到下周一', { kind: 'away', until: '下周一' }],
    ['请假', { kind: 'away' }],
    ['away until Friday', { kind: 'away', until: 'Friday' }],
    ['away till next Monday', { kind: 'away', until: 'next Monday' }],
    ['恢复', { kind: 'back' }],
    ['back', { kind: 'back' }],
    ['团队', { kind: 'teamOverview' }],
    ['team', { kind: 'teamOverview' }],
    ['team create East', { kind: 'createTeam', name: 'East' }],
    ['关闭提醒 日报', { kind: 'reminderSwitch', reminder: 'report', enabled: false }],
    ['开启提醒 跟进', { kind: 'reminderSwitch', reminder: 'followup', enabled: true }],
    ['reminders off checkout', { kind: 'reminderSwitch', reminder: 'checkout', enabled: false }],
    ['reminders on overdue', { kind: 'reminderSwitch', reminder: 'overdue', enabled: true }],
    ['关闭提醒 计划', { kind: 'reminderSwitch', reminder: 'plan', enabled: false }],
    ['reminders off plan', { kind: 'reminderSwitch', reminder: 'plan', enabled: false }],
    ['reminders on plans', { kind: 'reminderSwitch', reminder: 'plan', enabled: true }],
    ['关闭提醒 天气', { kind: 'usage', command: 'reminderSwitch' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('keeps sentences that merely start with these words as free text', () => {
    expect(parseIntent('back in the office tomorrow').kind).toBe('freeText');
    expect(parseIntent('team lunch was great').kind).toBe('freeText');
  });
});
