import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';

describe('alert switches', () => {
  it.each([
    ['提醒 范围外 关', { kind: 'alertSwitch', alert: 'offsite', enabled: false }],
    ['提醒 离场 开', { kind: 'alertSwitch', alert: 'offsite', enabled: true }],
    ['提醒 模拟定位 关闭', { kind: 'alertSwitch', alert: 'mocked', enabled: false }],
    ['预警 迟交 开启', { kind: 'alertSwitch', alert: 'lateReport', enabled: true }],
    ['提醒 范围外关', { kind: 'alertSwitch', alert: 'offsite', enabled: false }],
    ['alerts offsite off', { kind: 'alertSwitch', alert: 'offsite', enabled: false }],
    ['alerts mock on', { kind: 'alertSwitch', alert: 'mocked', enabled: true }],
    ['Alerts late report off', { kind: 'alertSwitch', alert: 'lateReport', enabled: false }],
    ['提醒', { kind: 'showAlerts' }],
    ['alerts', { kind: 'showAlerts' }],
    ['提醒 范围外', { kind: 'usage', command: 'alerts' }],
    ['alerts late', { kind: 'usage', command: 'alerts' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toStrictEqual(intent);
  });

  it('leaves other sentences starting with 提醒 as prose, and keeps 提醒设置 and 日报提醒', () => {
    expect(parseIntent('提醒我明天打电话')).toStrictEqual({ kind: 'freeText', text: '提醒我明天打电话' });
    expect(parseIntent('提醒 客户付款')).toStrictEqual({ kind: 'freeText', text: '提醒 客户付款' });
    expect(parseIntent('提醒设置')).toStrictEqual({ kind: 'showSettings' });
    expect(parseIntent('日报提醒 18:30')).toStrictEqual({ kind: 'setScheduleTime', setting: 'reportReminder', time: '18:30' });
  });
});
