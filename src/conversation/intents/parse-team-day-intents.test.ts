import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';

describe('团队 <person> [date|week] / team <person> [date|week]', () => {
  it.each([
    ['团队', { kind: 'teamOverview' }],
    ['team', { kind: 'teamOverview' }],
    ['团队 张三', { kind: 'teamDay', person: '张三' }],
    ['团队 @张三', { kind: 'teamDay', person: '@张三' }],
    ['团队 张三 上周', { kind: 'teamDay', person: '张三', week: 'last' }],
    ['团队 张三 本周', { kind: 'teamDay', person: '张三', week: 'this' }],
    ['团队 张三 12月1日', { kind: 'teamDay', person: '张三', when: '12月1日' }],
    ['团队 张三 昨天', { kind: 'teamDay', person: '张三', when: '昨天' }],
    ['团队 昨天', { kind: 'teamDay', when: '昨天' }],
    ['团队 上周', { kind: 'teamDay', week: 'last' }],
    ['team Zhang', { kind: 'teamDay', person: 'Zhang' }],
    ['team Zhang San', { kind: 'teamDay', person: 'Zhang San' }],
    ['team Zhang last week', { kind: 'teamDay', person: 'Zhang', week: 'last' }],
    ['team Zhang Dec 1', { kind: 'teamDay', person: 'Zhang', when: 'Dec 1' }],
    ['team Zhang yesterday', { kind: 'teamDay', person: 'Zhang', when: 'yesterday' }],
    ['team yesterday', { kind: 'teamDay', when: 'yesterday' }],
    ['team last week', { kind: 'teamDay', week: 'last' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('leaves sentences and the other team commands alone', () => {
    expect(parseIntent('team lunch was great today').kind).toBe('freeText');
    expect(parseIntent('团队建设很重要').kind).toBe('freeText');
    expect(parseIntent('team create East').kind).toBe('createTeam');
    expect(parseIntent('创建团队 华东').kind).toBe('createTeam');
    expect(parseIntent('设置 团队 华东')).toEqual({ kind: 'showSettings', scope: { level: 'team', name: '华东' } });
    expect(parseIntent('工作日 周一至周五 团队 华东')).toEqual({ kind: 'setWorkdays', days: '周一至周五', scope: { level: 'team', name: '华东' } });
    expect(parseIntent('quiet hours 22:00-07:00 team East')).toEqual({ kind: 'setQuietHours', window: '22:00-07:00', scope: { level: 'team', name: 'East' } });
    expect(parseIntent('日报 团队')).toEqual({ kind: 'report', text: '团队' });
  });
});
