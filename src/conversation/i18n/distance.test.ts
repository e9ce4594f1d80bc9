import { describe, expect, it } from 'vitest';
import { formatDistance } from './distance.ts';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';
import { digestEnUS } from '../../core/digests/messages-en-US.ts';
import { digestZhCN } from '../../core/digests/messages-zh-CN.ts';

describe('distances', () => {
  it.each([
    [0, '0 m', '0 米'],
    [349.6, '350 m', '350 米'],
    [999.4, '999 m', '999 米'],
    [1000, '1.0 km', '1.0 公里'],
    [7_812, '7.8 km', '7.8 公里'],
  ])('%d metres', (meters, english, chinese) => {
    expect(formatDistance['en-US'](meters)).toBe(english);
    expect(formatDistance['zh-CN'](meters)).toBe(chinese);
  });

  it('read the same in a check-in reply, a manager\'s alert, a digest and the console', () => {
    const alert = { person: '王五', customer: '华为', time: '10:00', distance: 7_812, radius: 1_000 };
    expect(zhCN.checkInOutside({ customer: '华为', distance: 7_812, radius: 1_000, managerSees: true })).toContain('你距客户 7.8 公里，超出 1.0 公里范围');
    expect(zhCN.alertOffsite(alert)).toBe('王五 10:00 在华为签到，距离客户 7.8 公里（范围 1.0 公里）。');
    expect(digestZhCN.offSite({ customer: '华为', distanceM: 7_812 })).toBe('  • 范围外签到：华为，相距 7.8 公里');
    expect(zhCN.consoleDistance({ m: 350 })).toBe('350 米');
    expect(enUS.alertOffsite({ ...alert, person: 'Wang', customer: 'Huawei', radius: 350 })).toBe('Wang checked in at Huawei at 10:00, 7.8 km from the customer (radius 350 m).');
    expect(digestEnUS.offSite({ customer: 'Huawei', distanceM: 350.4 })).toBe('  • off-site check-in at Huawei, 350 m away');
    expect(enUS.consoleDistance({ m: 7_812 })).toBe('7.8 km');
  });
});
