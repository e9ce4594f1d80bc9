import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';
import type { Intent } from './types.ts';

describe('parseIntent: admin API tokens', () => {
  it.each<[string, Intent]>([
    ['API令牌', { kind: 'apiToken', action: 'list' }],
    ['api令牌', { kind: 'apiToken', action: 'list' }],
    ['api token', { kind: 'apiToken', action: 'list' }],
    ['API tokens', { kind: 'apiToken', action: 'list' }],
    ['API令牌 新建 CRM同步', { kind: 'apiToken', action: 'new', name: 'CRM同步' }],
    ['API令牌 新建CRM同步', { kind: 'apiToken', action: 'new', name: 'CRM同步' }],
    ['API令牌 撤销 CRM同步。', { kind: 'apiToken', action: 'revoke', name: 'CRM同步' }],
    ['api token new CRM sync', { kind: 'apiToken', action: 'new', name: 'CRM sync' }],
    ['api token revoke CRM sync', { kind: 'apiToken', action: 'revoke', name: 'CRM sync' }],
    ['API令牌 新建', { kind: 'usage', command: 'apiToken' }],
    ['api token new', { kind: 'usage', command: 'apiToken' }],
    ['api token rotate x', { kind: 'usage', command: 'apiToken' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });
});
