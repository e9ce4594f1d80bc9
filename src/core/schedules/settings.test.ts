import { describe, expect, it } from 'vitest';
import { defaultScheduleSettings, resolveSettings } from './settings.ts';

describe('resolveSettings', () => {
  it('lets a team override what its org set, key by key', () => {
    const settings = resolveSettings(
      { workdays: [1, 2, 3, 4, 5, 6], quietHours: { start: '21:00', end: '08:00' }, reminders: { report: '17:30' } },
      { workdays: [1, 3, 5], reminders: { report: '18:30' } },
    );
    expect(settings.workdays).toEqual([1, 3, 5]);
    expect(settings.quietHours).toEqual({ start: '21:00', end: '08:00' });
    expect(settings.reminders.report).toBe('18:30');
    expect(settings.reminders.followUp).toBe(defaultScheduleSettings.reminders.followUp);
  });

  it('adds a team’s holidays to its org’s instead of replacing them', () => {
    expect(resolveSettings({ holidays: ['2026-10-01', '2026-10-02'] }, { holidays: ['2026-12-24', '2026-10-01'] }).holidays).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-12-24',
    ]);
    expect(resolveSettings({ holidays: ['2026-10-01'] }, { workdays: [1, 2, 3, 4, 5] }).holidays).toEqual(['2026-10-01']);
    expect(resolveSettings().holidays).toEqual([]);
  });

  it('still refuses corrupt holidays', () => {
    expect(() => resolveSettings({ holidays: ['soon'] })).toThrow();
    expect(() => resolveSettings({ holidays: 'soon' as unknown as string[] })).toThrow();
  });
});
