import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';

describe('点评 <person> <text> / comment <person> <text>, 后台 / console', () => {
  it.each([
    ['点评 王五 报价跟进得好', { kind: 'comment', person: '王五', text: '报价跟进得好' }],
    ['点评 @王五 👍', { kind: 'comment', person: '王五', text: '👍' }],
    ['点评：王五，周五前发出', { kind: 'comment', person: '王五', text: '周五前发出' }],
    ['点评 王五 第一行\n第二行', { kind: 'comment', person: '王五', text: '第一行\n第二行' }],
    ['comment Wang good work, send it by Friday', { kind: 'comment', person: 'Wang', text: 'good work, send it by Friday' }],
    ['/legwork comment Wang 👍', { kind: 'comment', person: 'Wang', text: '👍' }],
    ['点评 王五', { kind: 'usage', command: 'comment' }],
    ['comment', { kind: 'usage', command: 'comment' }],
    ['后台', { kind: 'console' }],
    ['控制台', { kind: 'console' }],
    ['console', { kind: 'console' }],
    ['Console?', { kind: 'console' }],
    ['后台 退出', { kind: 'console', logout: true }],
    ['console logout', { kind: 'console', logout: true }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('keeps Chinese punctuation of the reply as typed', () => {
    expect(parseIntent('点评 王五 做得好，继续！')).toEqual({ kind: 'comment', person: '王五', text: '做得好，继续！' });
  });

  it('leaves sentences that merely start with the words as free text', () => {
    for (const text of ['点评很到位', '后台系统挂了', 'console is broken']) expect(parseIntent(text).kind).toBe('freeText');
  });
});
