import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';

describe('parseIntent: roles, team membership and org access', () => {
  it.each([
    ['创建团队 华东', { kind: 'createTeam', name: '华东' }],
    ['创建团队 华东 经理 张三', { kind: 'createTeam', name: '华东', manager: '张三' }],
    ['team create East manager Zhang', { kind: 'createTeam', name: 'East', manager: 'Zhang' }],
    ['create team South Sales manager Zhang San', { kind: 'createTeam', name: 'South Sales', manager: 'Zhang San' }],
    ['创建团队 经理', { kind: 'createTeam', name: '经理' }],
    ['设为经理 张三 华东', { kind: 'assignManager', person: '张三', team: '华东' }],
    ['设为经理 张三', { kind: 'usage', command: 'assignManager' }],
    ['make Zhang manager of East', { kind: 'assignManager', person: 'Zhang', team: 'East' }],
    ['make Zhang San the manager of team South Sales', { kind: 'assignManager', person: 'Zhang San', team: 'South Sales' }],
    ['设为管理员 李四', { kind: 'assignAdmin', person: '李四' }],
    ['设为管理员', { kind: 'usage', command: 'assignAdmin' }],
    ['make Li admin', { kind: 'assignAdmin', person: 'Li' }],
    ['make Li an admin.', { kind: 'assignAdmin', person: 'Li' }],
    ['移出团队 王五', { kind: 'removeFromTeam', person: '王五' }],
    ['移出团队 王五 华东', { kind: 'removeFromTeam', person: '王五', team: '华东' }],
    ['移出团队', { kind: 'usage', command: 'removeFromTeam' }],
    ['remove Wang', { kind: 'removeFromTeam', person: 'Wang' }],
    ['remove Wang Wu from team East', { kind: 'removeFromTeam', person: 'Wang Wu', team: 'East' }],
    ['同意 王五', { kind: 'decideJoin', person: '王五', approve: true }],
    ['拒绝 王五', { kind: 'decideJoin', person: '王五', approve: false }],
    ['Approve Wang', { kind: 'decideJoin', person: 'Wang', approve: true }],
    ['decline Wang', { kind: 'decideJoin', person: 'Wang', approve: false }],
    ['reject Wang', { kind: 'decideJoin', person: 'Wang', approve: false }],
    ['同意', { kind: 'usage', command: 'decideJoin' }],
    ['加入方式 开放', { kind: 'setOrgAccess', setting: 'openJoining', enabled: true }],
    ['加入方式 审批', { kind: 'setOrgAccess', setting: 'openJoining', enabled: false }],
    ['joining open', { kind: 'setOrgAccess', setting: 'openJoining', enabled: true }],
    ['joining approval', { kind: 'setOrgAccess', setting: 'openJoining', enabled: false }],
    ['共享备注 开', { kind: 'setOrgAccess', setting: 'shareTeamNotes', enabled: true }],
    ['share notes off', { kind: 'setOrgAccess', setting: 'shareTeamNotes', enabled: false }],
    ['joining sometimes', { kind: 'usage', command: 'setOrgAccess' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it.each(['同意签约', '拒绝了报价', 'make a call tomorrow', 'make'])('leaves prose alone: %s', (text) => {
    expect(parseIntent(text).kind).toBe('freeText');
  });
});
