import { describe, expect, it } from 'vitest';
import { bigDailyDigest, smallDailyDigest } from '../../../test/support/sample-reports.ts';
import { digestMessages } from './render-digest.ts';

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
});
