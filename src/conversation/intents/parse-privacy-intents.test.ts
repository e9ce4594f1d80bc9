import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';

describe('parseIntent: privacy and leaving', () => {
  it.each([
    ['停用 张三', { kind: 'deactivate', person: '张三' }],
    ['deactivate Zhang San', { kind: 'deactivate', person: 'Zhang San' }],
    ['停用', { kind: 'usage', command: 'deactivate' }],
    ['启用 张三', { kind: 'reactivate', person: '张三' }],
    ['reactivate Zhang', { kind: 'reactivate', person: 'Zhang' }],
    ['删除 张三 的数据', { kind: 'erase', person: '张三' }],
    ['删除张三的数据', { kind: 'erase', person: '张三' }],
    ['删除 张三 的全部数据。', { kind: 'erase', person: '张三' }],
    ['erase Zhang', { kind: 'erase', person: 'Zhang' }],
    ["erase Zhang's data", { kind: 'erase', person: 'Zhang' }],
    ['erase data of Zhang San', { kind: 'erase', person: 'Zhang San' }],
    ['erase', { kind: 'usage', command: 'erase' }],
    ['确认删除', { kind: 'eraseConfirm' }],
    ['confirm erase', { kind: 'eraseConfirm' }],
    ['我的数据', { kind: 'myData' }],
    ['my data?', { kind: 'myData' }],
    ['谁能看到我', { kind: 'whoSeesMe' }],
    ['who can see me?', { kind: 'whoSeesMe' }],
    ['查看记录', { kind: 'accessLog' }],
    ['access log', { kind: 'accessLog' }],
    ['保留位置 30天', { kind: 'setLocationRetention', days: '30天' }],
    ['location retention 30 days', { kind: 'setLocationRetention', days: '30 days' }],
    ['保留位置', { kind: 'usage', command: 'locationRetention' }],
    ['保留工作记录 开', { kind: 'setKeepWorkRecords', enabled: true }],
    ['keep work records off', { kind: 'setKeepWorkRecords', enabled: false }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it.each(['删除这条', '停用了一个旧账号', '我的数据分析报告很长', '启用新方案'])('%s is not a privacy command', (text) => {
    expect(parseIntent(text)).toEqual({ kind: 'freeText', text });
  });
});
