import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';
import type { Intent } from './types.ts';

const org = { level: 'org' } as const;
const team = (name: string) => ({ level: 'team', name }) as const;

describe('parseIntent: schedule settings', () => {
  it.each<[string, Intent]>([
    ['设置', { kind: 'showSettings' }],
    ['设置。', { kind: 'showSettings' }],
    ['设置 全公司', { kind: 'showSettings', scope: org }],
    ['设置 团队 华东', { kind: 'showSettings', scope: team('华东') }],
    ['settings', { kind: 'showSettings' }],
    ['/legwork settings org', { kind: 'showSettings', scope: org }],
    ['Settings team East Coast', { kind: 'showSettings', scope: team('East Coast') }],
    ['设置时区 Asia/Tokyo', { kind: 'setTimeZone', zone: 'Asia/Tokyo' }],
  ])('settings: %s', (text, intent) => {
    expect(parseIntent(text)).toStrictEqual(intent);
  });

  it.each<[string, Intent]>([
    ['工作日 周一至周五', { kind: 'setWorkdays', days: '周一至周五' }],
    ['工作日周一至周六', { kind: 'setWorkdays', days: '周一至周六' }],
    ['工作日：周一 周三 周五', { kind: 'setWorkdays', days: '周一 周三 周五' }],
    ['工作日 全公司 周一至周五', { kind: 'setWorkdays', days: '周一至周五', scope: org }],
    ['工作日 周一至周五 全公司', { kind: 'setWorkdays', days: '周一至周五', scope: org }],
    ['工作日 周一至周五 团队 华东', { kind: 'setWorkdays', days: '周一至周五', scope: team('华东') }],
    ['工作日 周八', { kind: 'setWorkdays', days: '周八' }],
    ['workdays mon-fri', { kind: 'setWorkdays', days: 'mon-fri' }],
    ['workdays mon,wed,fri org', { kind: 'setWorkdays', days: 'mon,wed,fri', scope: org }],
    ['Workdays 1-5 team East', { kind: 'setWorkdays', days: '1-5', scope: team('East') }],
    ['workdays', { kind: 'usage', command: 'workdays' }],
    ['工作日', { kind: 'usage', command: 'workdays' }],
  ])('workdays: %s', (text, intent) => {
    expect(parseIntent(text)).toStrictEqual(intent);
  });

  it.each<[string, Intent]>([
    ['节假日', { kind: 'listHolidays' }],
    ['节假日 全公司', { kind: 'listHolidays', scope: org }],
    ['holidays', { kind: 'listHolidays' }],
    ['holidays list', { kind: 'listHolidays' }],
    ['节假日 添加 2026-10-01', { kind: 'changeHolidays', action: 'add', from: '2026-10-01' }],
    ['节假日 添加 2026-10-01 2026-10-07', { kind: 'changeHolidays', action: 'add', from: '2026-10-01', to: '2026-10-07' }],
    ['节假日添加10月1日至10月7日', { kind: 'changeHolidays', action: 'add', from: '10月1日', to: '10月7日' }],
    ['节假日 添加 10月1日-10月7日', { kind: 'changeHolidays', action: 'add', from: '10月1日', to: '10月7日' }],
    ['节假日 添加 10月1日 到 7日 全公司', { kind: 'changeHolidays', action: 'add', from: '10月1日', to: '7日', scope: org }],
    ['节假日 删除 2026-10-01', { kind: 'changeHolidays', action: 'remove', from: '2026-10-01' }],
    ['holiday add 2026-10-01', { kind: 'changeHolidays', action: 'add', from: '2026-10-01' }],
    ['holiday add 2026-10-01 ~ 2026-10-07', { kind: 'changeHolidays', action: 'add', from: '2026-10-01', to: '2026-10-07' }],
    ['holiday add Oct 1', { kind: 'changeHolidays', action: 'add', from: 'Oct 1' }],
    ['holiday add Oct 1 to Oct 7 team East', { kind: 'changeHolidays', action: 'add', from: 'Oct 1', to: 'Oct 7', scope: team('East') }],
    ['holiday remove Oct 1 org', { kind: 'changeHolidays', action: 'remove', from: 'Oct 1', scope: org }],
    ['holiday add', { kind: 'usage', command: 'holidays' }],
    ['节假日 2026-10-01', { kind: 'usage', command: 'holidays' }],
  ])('holidays: %s', (text, intent) => {
    expect(parseIntent(text)).toStrictEqual(intent);
  });

  it.each<[string, Intent]>([
    ['免打扰 22:00-07:00', { kind: 'setQuietHours', window: '22:00-07:00' }],
    ['免打扰22:00-07:00', { kind: 'setQuietHours', window: '22:00-07:00' }],
    ['免打扰 关', { kind: 'setQuietHours', window: null }],
    ['免打扰 晚上10点到早上7点 全公司', { kind: 'setQuietHours', window: '晚上10点到早上7点', scope: org }],
    ['quiet 22:00-07:00', { kind: 'setQuietHours', window: '22:00-07:00' }],
    ['quiet hours 22:00-07:00 team East', { kind: 'setQuietHours', window: '22:00-07:00', scope: team('East') }],
    ['quiet off', { kind: 'setQuietHours', window: null }],
    ['quiet', { kind: 'usage', command: 'quietHours' }],
    ['日报提醒 18:30', { kind: 'setScheduleTime', setting: 'reportReminder', time: '18:30' }],
    ['日报提醒 25:00', { kind: 'setScheduleTime', setting: 'reportReminder', time: '25:00' }],
    ['日报提醒 关', { kind: 'setScheduleTime', setting: 'reportReminder', time: null }],
    ['report reminder 18:30', { kind: 'setScheduleTime', setting: 'reportReminder', time: '18:30' }],
    ['report reminder off org', { kind: 'setScheduleTime', setting: 'reportReminder', time: null, scope: org }],
    ['摘要时间 19:00', { kind: 'setScheduleTime', setting: 'dailyDigest', time: '19:00' }],
    ['digest time 19:00', { kind: 'setScheduleTime', setting: 'dailyDigest', time: '19:00' }],
    ['digest time off', { kind: 'setScheduleTime', setting: 'dailyDigest', time: null }],
    ['digest time', { kind: 'usage', command: 'dailyDigest' }],
  ])('times: %s', (text, intent) => {
    expect(parseIntent(text)).toStrictEqual(intent);
  });

  it('leaves sentences and reports that merely start with these words alone', () => {
    expect(parseIntent('工作日报 今天拜访了三家')).toStrictEqual({ kind: 'freeText', text: '工作日报 今天拜访了三家' });
    expect(parseIntent('日报提醒客户付款了')).toStrictEqual({ kind: 'report', text: '提醒客户付款了' });
    expect(parseIntent('report reminder to call Acme')).toStrictEqual({ kind: 'report', text: 'reminder to call Acme' });
    expect(parseIntent('quiet meeting, no decision yet').kind).toBe('freeText');
    expect(parseIntent('quiet team lunch at 12').kind).toBe('freeText');
    expect(parseIntent('holiday season slowed orders').kind).toBe('freeText');
    expect(parseIntent('设置一下').kind).toBe('freeText');
    expect(parseIntent('settings are confusing').kind).toBe('freeText');
  });
});
