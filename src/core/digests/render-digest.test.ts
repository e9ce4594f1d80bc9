import { describe, expect, it } from 'vitest';
import { bigDailyDigest, smallDailyDigest } from '../../../test/support/sample-reports.ts';
import { digestMessages, renderDigest } from './render-digest.ts';
import type { WeekFigures, WeeklyDigest } from './types.ts';

/** The plain text a structured message must equal: the title, then each section after a blank line. */
const fromSections = (m: ReturnType<typeof smallDailyDigest>) =>
  [m.title, ...m.sections!.flatMap((s) => ['', ...(s.heading ? [s.heading] : []), ...s.lines])].join('\n');

describe('digest rendering', () => {
  it('gives each team a section (summary as heading, reps and their details as lines) beside the same plain text', () => {
    const message = smallDailyDigest();
    expect(message.language).toBe('en-US');
    expect(message.sections).toEqual([
      {
        heading: 'East: 2 reps, 6 visits (4 verified, 2 outside); reports 1 in, 1 late, 0 missing',
        lines: [
          'Ann & <Bob>: 3 visits (2 verified, 1 outside) at ZTE, Alibaba, Tencent; report in (late)',
          '  • checked in at Alibaba since 14:00, no check-out',
          '  • off-site check-in at Tencent, 1.2 km away',
          '  • check-in at ZTE: the phone reported a simulated location',
          '  • follow-up tomorrow: ZTE (send the revised quote & <pricing>)',
          '  • overdue: Baidu (tier A, 12 days since the last visit)',
          '  • overdue: Xiaomi (tier C, never visited)',
          'Cat: 3 visits (2 verified, 1 outside) at Alibaba, Tencent, Baidu; report in',
        ],
      },
      { heading: 'West: no reps yet.', lines: [] },
    ]);
    expect(message.text).toBe(fromSections(message));
    expect(message.text.split('\n').slice(0, 3)).toEqual(['Daily digest for 2026-10-30', '', 'East: 2 reps, 6 visits (4 verified, 2 outside); reports 1 in, 1 late, 0 missing']);
  });

  it('names a doubtful check-in location in Chinese too', () => {
    const lines = smallDailyDigest('zh-CN').sections![0]!.lines;
    expect(lines).toContain('  • ZTE 签到：手机报告为模拟定位');
    expect(digestMessages('zh-CN').doubtfulLocation({ customer: '华为', reason: 'inaccurate' })).toBe('  • 华为 签到：定位精度不足，无法核实');
    expect(digestMessages('en-US').doubtfulLocation({ customer: 'Huawei', reason: 'inaccurate' })).toBe('  • check-in at Huawei: location too imprecise to verify');
  });

  it('keeps the plain text identical to the sections in Chinese and for big digests', () => {
    const zh = bigDailyDigest(20, 'zh-CN');
    expect(zh.language).toBe('zh-CN');
    expect(zh.sections).toHaveLength(2);
    expect(zh.text).toBe(fromSections(zh));
  });

  it('shows plan adherence per rep beside the week before and coverage by tier per team, in both languages', () => {
    const week: WeekFigures = { visits: 3, verified: 2, outside: 1, customers: 2, reportsIn: 4, reportsLate: 0, reportsMissing: 1, points: 5 };
    const digest: WeeklyDigest = {
      kind: 'weekly',
      managerId: 'm',
      week: { period: 'week', start: '2026-10-26', end: '2026-11-02' },
      teams: [
        {
          teamId: 't', name: '华东', current: week, previous: week,
          reps: [
            { userId: 'a', name: '王五', current: week, previous: week, plan: { current: { planned: 4, done: 3 }, previous: { planned: 0, done: 0 } } },
            { userId: 'b', name: '孙七', current: week, previous: week },
          ],
          coverage: { current: [{ tier: 'A', visited: 2, total: 3 }, { tier: 'C', visited: 0, total: 5 }], previous: [{ tier: 'A', visited: 1, total: 3 }, { tier: 'C', visited: 1, total: 5 }] },
        },
      ],
    };
    const zh = renderDigest(digest, 'zh-CN', 'Asia/Shanghai').sections![0]!.lines;
    expect(zh[1]).toBe('  • 计划执行：计划 4 站，完成 3 站（75%）；上周：无计划');
    expect(zh[2]).toMatch(/^孙七：/);
    expect(zh.at(-1)).toBe('客户覆盖（在级别周期内拜访过）：A 级 2/3（67%），C 级 0/5（0%）；上周：A 级 33%，C 级 20%');
    const en = renderDigest(digest, 'en-US', 'Asia/Shanghai').sections![0]!.lines;
    expect(en[1]).toBe('  • plan: 3 of 4 stops done (75%); the week before: no plan');
    expect(en.at(-1)).toBe("Coverage (customers visited within their tier's interval): A 2/3 (67%), C 0/5 (0%); the week before: A 33%, C 20%");
  });
});
