import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';

describe('greetings', () => {
  it.each(['你好', '您好', '你好呀', '在吗', '在吗？', '在不在', '早上好', '嗨', 'hi', 'Hi!', 'hello', 'HELLO.', 'hello there', 'hey', 'good morning', '@Legwork hi', 'hi Legwork', '你好 机器人', '／你好'])(
    '%s',
    (text) => {
      expect(parseIntent(text)).toStrictEqual({ kind: 'greeting' });
    },
  );

  it('leaves sentences that start with a greeting word as prose', () => {
    expect(parseIntent('你好，今天的会议改到下午')).toStrictEqual({ kind: 'freeText', text: '你好，今天的会议改到下午' });
    expect(parseIntent('早点到')).toStrictEqual({ kind: 'freeText', text: '早点到' });
    expect(parseIntent('hi team, meeting at 3')).toStrictEqual({ kind: 'freeText', text: 'hi team, meeting at 3' });
    expect(parseIntent('history')).toStrictEqual({ kind: 'freeText', text: 'history' });
    expect(parseIntent('hello world')).toStrictEqual({ kind: 'freeText', text: 'hello world' });
  });

  it('is a greeting while the bot waits for free text too (a greeting is no answer)', () => {
    expect(parseIntent('你好', { gluedCommands: false })).toStrictEqual({ kind: 'greeting' });
    expect(parseIntent('你好客户很满意', { gluedCommands: false })).toStrictEqual({ kind: 'freeText', text: '你好客户很满意' });
  });
});
