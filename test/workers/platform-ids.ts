import type { FakeUser } from '../slack/fake-slack.ts';

/**
 * Ids and secrets the Workers tests share between the Node side (global-setup.ts starts the fakes)
 * and workerd (the tests sign and encrypt with them). Same values as test/slack and test/wecom.
 */
export const ids = {
  team: 'T0LEGWORK',
  app: 'A0LEGWORK',
  botId: 'B0LEGBOT1',
  botUser: 'U0LEGBOT1',
  botToken: 'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy',
  appToken: 'xapp-1-A0LEGWORK-2025-7f1c9d8e6b5a4f3e2d1c0b9a8f7e6d5c',
  channel: 'C0SALES01',
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
} as const;

export const zhang: FakeUser = { id: 'U0ZHANG01', name: 'zhangwei', realName: '张伟', displayName: '张伟', tz: 'Asia/Shanghai', tzOffset: 28800, locale: 'zh-CN' };
export const bob: FakeUser = { id: 'U0BOB0001', name: 'bob', realName: 'Bob Miller', displayName: 'Bob', tz: 'America/Los_Angeles', tzOffset: -28800, locale: 'en-US' };

/** WeCom's documented test vector (加解密方案说明), as in test/wecom/support/callbacks.ts. */
export const wecomApp = {
  corpId: 'wx5823bf96d3bd56c7',
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  agentId: '1000002',
  secret: 'test-app-secret',
} as const;

export const dingtalkApp = { clientId: 'dingkzxdapefq1ac6gk', clientSecret: 'test-client-secret-0123456789', robotCode: 'dingkzxdapefq1ac6gk' } as const;
